import * as assert from 'assert';
import * as path from 'path';
import { examplesDir, startTestServer, TestServer } from './harness';
import { hasSeeds, seedsDir, repoRoot } from '../helpers/corpus';

describe('language server: hover', function () {
  this.timeout(60_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  const hover = async (s: TestServer, uri: string, text: string, needle: string, delta = 1) => {
    const i = text.indexOf(needle) + delta;
    const before = text.slice(0, i).split('\n');
    return s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } }) as Promise<any>;
  };

  it('shows a corpus definition with its source, an abbreviation\'s expansion, and a note; nothing elsewhere', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const text = '# 草稿\n\n我们讨论数字贸易的规则，以及CPTPP的扩容。今天天气很好。[^1]\n\n[^1]: 李华：《区域组织的比较研究》，东方出版社2019年版。\n';
    const uri = await server.open(path.join(repoRoot, 'scratch.md'), 'markdown', text);
    const h1 = await hover(server, uri, text, '数字贸易', 2);
    assert.match(h1.contents.value, /> 数字贸易是指以数字技术为基础、以数据为关键生产要素的贸易活动。/);
    assert.match(h1.contents.value, /区域治理评论-2025年第1期\.txt:\d+\]\(file:/);
    assert.deepStrictEqual(h1.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
    const h2 = await hover(server, uri, text, 'CPTPP');
    assert.match(h2.contents.value, /Stands for: 全面与进步跨太平洋伙伴关系协定/);
    const h3 = await hover(server, uri, text, '[^1]');
    assert.match(h3.contents.value, /李华：《区域组织的比较研究》/);
    assert.strictEqual(await hover(server, uri, text, '天气'), null);
  });

  (hasSeeds ? it : it.skip)('on the seed corpus: a term in running text without spaces', async () => {
    server = await startTestServer({ folder: seedsDir });
    await server.waitForReady();
    const text = '面对逆全球化，各国要推动经济全球化朝着普惠包容的方向发展。';
    const uri = await server.open(path.join(repoRoot, 'scratch2.txt'), 'plaintext', text);
    const h = await hover(server, uri, text, '全球化朝', 0);
    assert.match(h.contents.value, /\*\*经济全球化\*\*/);
    assert.match(h.contents.value, /经济全球化是指在人类创新和技术进步推动下/);
  });
});
