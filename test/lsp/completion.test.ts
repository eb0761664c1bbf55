import * as assert from 'assert';
import * as path from 'path';
import { examplesDir, startTestServer, TestServer } from './harness';
import { repoRoot } from '../helpers/corpus';

describe('language server: completion', function () {
  this.timeout(60_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('completes a standard formulation from its first characters, replacing exactly what was typed', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const line = '我们应当推动全球治理体系朝着';
    const text = `# 草稿\n\n${line}`;
    const uri = await server.open(path.join(repoRoot, 'scratch-completion.md'), 'markdown', text);
    const list: any = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: line.length } });
    const item = list.items[0];
    // The team's phrasebook (examples/.policy-writer/terms.yaml) has the whole formulation.
    assert.strictEqual(item.label, '推动全球治理体系朝着更加公正合理的方向发展');
    assert.deepStrictEqual(item.textEdit.range, { start: { line: 2, character: 4 }, end: { line: 2, character: line.length } });
    assert.strictEqual(line.slice(0, 4) + item.textEdit.newText, '我们应当推动全球治理体系朝着更加公正合理的方向发展');
  });

  it('offers corpus formulations with an example sentence, and the draft\'s notes after [^', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const text = '# 草稿\n\n坚持共商共\n\n再引一次[^\n\n[^1]: 张伟：《世界贸易组织改革的前景》。\n';
    const uri = await server.open(path.join(repoRoot, 'scratch-completion2.md'), 'markdown', text);
    const a: any = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } });
    const labels = a.items.map((i: any) => i.label);
    assert.ok(labels.includes('共商共建共享'), labels.join(' | '));
    const b: any = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 6 } });
    assert.deepStrictEqual(b.items[0].label, '[^1]');
    assert.deepStrictEqual([b.items[0].textEdit.newText, b.items[0].textEdit.range.start.character], ['[^1]', 4]);
    // Then the corpus's references: accepting one removes the typed [^ and inserts the citation.
    const ref = b.items.find((i: any) => i.label === '论区域组织在全球治理改革中的作用');
    assert.ok(ref, b.items.map((i: any) => i.label).join(' | '));
    assert.strictEqual(ref.detail, '陈明：《论区域组织在全球治理改革中的作用》，《区域治理评论》2025年第1期。');
    assert.deepStrictEqual([ref.textEdit.newText, ref.command.command, ref.command.arguments[0].position], ['', 'policyWriter.insertCitation', { line: 4, character: 4 }]);
  });
});
