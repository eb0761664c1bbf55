import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { examplesDir, startTestServer, TestServer } from './harness';

describe('language server: similar passages', function () {
  this.timeout(60_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('answers policyWriter/similarPassages with ranges, titles and shared terms, leaving the querying document out', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    // Asked from the draft, which is in the corpus too (default globs) and so must not answer itself.
    const draft = pathToFileURL(path.join(examplesDir, 'drafts', '简报草稿.md')).toString();
    const r: any = await server.connection.sendRequest('policyWriter/similarPassages', { text: '全球治理体系面临代表性不足和规则碎片化的问题，区域组织可以补充多边机制。', uri: draft, limit: 3 });
    assert.ok(r.passages.every((p: any) => p.uri !== draft));
    assert.ok(r.passages.length > 0 && r.passages.length <= 3);
    const top = r.passages[0];
    assert.match(top.text, /全球治理体系面临代表性不足/);
    assert.strictEqual(top.title, '论区域组织在全球治理改革中的作用');
    assert.ok(top.shared.includes('全球治理体系'), top.shared.join(' '));
    assert.deepStrictEqual(Object.keys(top.range), ['start', 'end']);
    // The passage belongs to a citable article: its reference id is the library's.
    const refs: any = await server.connection.sendRequest('policyWriter/references', { query: '论区域组织在全球治理改革中的作用' });
    assert.strictEqual(top.referenceId, refs.items[0].id);
    const self = top.uri;
    const without: any = await server.connection.sendRequest('policyWriter/similarPassages', { text: '全球治理体系面临代表性不足和规则碎片化的问题', uri: self, limit: 5 });
    assert.ok(without.passages.every((p: any) => p.uri !== self));
  });
});
