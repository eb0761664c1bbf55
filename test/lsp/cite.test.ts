import * as assert from 'assert';
import * as path from 'path';
import * as fs from 'fs';
import { copyFolder, examplesDir, startTestServer, TestServer } from './harness';
import { applyLspEdits } from './harness';
import { repoRoot } from '../helpers/corpus';


describe('language server: citations', function () {
  this.timeout(60_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('lists the corpus\'s references (an article and the notes citing it merged), formats them, and inserts one as a note', async () => {
    server = await startTestServer({ folder: examplesDir });
    const ready = await server.waitForReady();
    assert.ok(ready.references >= 6, String(ready.references));
    const r: any = await server.connection.sendRequest('policyWriter/references', { query: '陈明' });
    const item = r.items.find((i: any) => i.title === '论区域组织在全球治理改革中的作用');
    assert.ok(item, JSON.stringify(r.items.map((i: any) => i.title)));
    assert.deepStrictEqual([item['container-title'], item.issued, item.issue, item.page], ['区域治理评论', { 'date-parts': [[2025]] }, '1', '1-18']);
    assert.ok(item.source.length >= 2 && item.source.every((s: any) => s.range.start.line >= 0));
    const house: any = await server.connection.sendRequest('policyWriter/formatCitation', { id: item.id, style: 'house', locator: '5' });
    assert.strictEqual(house.text, '陈明：《论区域组织在全球治理改革中的作用》，《区域治理评论》2025年第1期，第5页。');
    const gb: any = await server.connection.sendRequest('policyWriter/formatCitation', { id: item.id, style: 'gb7714' });
    assert.strictEqual(gb.text, '陈明. 论区域组织在全球治理改革中的作用[J]. 区域治理评论, 2025(1): 1-18.');

    const text = '# 草稿\n\n区域组织的作用日益突出。多边机制需要补充。[^1]\n\n[^1]: 张伟：《世界贸易组织改革的前景》。\n';
    const uri = await server.open(path.join(repoRoot, 'scratch-cite.md'), 'markdown', text);
    const res: any = await server.connection.sendRequest('workspace/executeCommand', { command: 'policyWriter.insertCitation', arguments: [{ uri, position: { line: 2, character: 12 }, id: item.id, locator: '5' }] });
    assert.deepStrictEqual(res, { applied: true, label: '1' });
    const change = server.applied[0].documentChanges[0];
    assert.strictEqual(applyLspEdits(text, change.edits), '# 草稿\n\n区域组织的作用日益突出。[^1]多边机制需要补充。[^2]\n\n[^1]: 陈明：《论区域组织在全球治理改革中的作用》，《区域治理评论》2025年第1期，第5页。\n[^2]: 张伟：《世界贸易组织改革的前景》。\n');
  });

  it('renumbers the notes of a draft in one edit', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const text = '甲。[^2]乙。[^1]\n\n[^1]: 一。\n[^2]: 二。\n';
    const uri = await server.open(path.join(repoRoot, 'scratch-renumber.md'), 'markdown', text);
    await server.connection.sendRequest('workspace/executeCommand', { command: 'policyWriter.renumberFootnotes', arguments: [{ uri }] });
    assert.strictEqual(applyLspEdits(text, server.applied[0].documentChanges[0].edits), '甲。[^1]乙。[^2]\n\n[^1]: 二。\n[^2]: 一。\n');
  });
});

describe('language server: bibliography files', function () {
  this.timeout(60_000);
  it('offers the BibTeX and CSL-JSON items, merges one the corpus also holds, reports a malformed entry by line, and reloads a changed file', async () => {
    const ws = copyFolder(examplesDir);
    fs.mkdirSync(path.join(ws, 'refs'));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'bib', 'library.bib'), path.join(ws, 'refs', 'library.bib'));
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'bib', 'library.json'), path.join(ws, 'refs', 'library.json'));
    const server = await startTestServer({ folder: ws, settings: { bibliography: ['refs/library.bib', 'refs/library.json'] } });
    try {
      await server.waitForReady();
      const r: any = await server.connection.sendRequest('policyWriter/references', { query: '' , limit: 500 });
      const titles = r.items.map((i: any) => i.title);
      assert.ok(titles.includes('The Security Dilemma in Alliance Politics') && titles.includes('国际安全概论'));
      // 陈明 2025 is both in the corpus (article and note) and in library.json: one item, every source.
      const chen = r.items.filter((i: any) => i.title === '论区域组织在全球治理改革中的作用');
      assert.strictEqual(chen.length, 1);
      assert.ok(chen[0].source.some((s: any) => s.uri.endsWith('library.json')) && chen[0].source.some((s: any) => s.uri.includes('corpus')));
      assert.ok(server.logs.some((l) => /library\.bib:19: malformed entry skipped/.test(l)), server.logs.join('\n'));
      fs.appendFileSync(path.join(ws, 'refs', 'library.bib'), '\n@book{zheng2021, author={郑永年}, title={大变局中的机遇}, publisher={中信出版社}, year={2021}}\n');
      const future = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(ws, 'refs', 'library.bib'), future, future);
      const again: any = await server.connection.sendRequest('policyWriter/references', { query: '大变局中的机遇' });
      assert.strictEqual(again.items[0]?.title, '大变局中的机遇');
    } finally { await server.stop(); }
  });
});
