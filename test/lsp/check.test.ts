import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { examplesDir, startTestServer, TestServer, copyFolder } from './harness';
import { applyLspEdits } from './harness';
import { computeLineStarts, offsetAt } from '../../server/src/core/text/chars';
import { repoRoot } from '../helpers/corpus';


describe('language server: checks', function () {
  this.timeout(60_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('publishes the draft\'s problems with exact ranges, and the corpus\'s expansion as the abbreviation fix', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const file = path.join(examplesDir, 'drafts', '简报草稿.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await server.open(file);
    const diags = await server.waitFor('diagnostics', () => server!.diagnostics.get(uri));
    const ls = computeLineStarts(text);
    const covered = diags.map((d: any) => [d.code, text.slice(offsetAt(ls, text.length, d.range.start), offsetAt(ls, text.length, d.range.end))]);
    assert.deepStrictEqual(covered, [
      ['punct-halfwidth', ','],
      ['abbr-undefined', 'CPTPP'],
      ['term-deprecated', '一带一路战略'],
      ['term-variant', '东南亚联盟'],
    ]);
    assert.ok(diags.every((d: any) => d.source === 'policy-writer'));
    const abbr = diags.find((d: any) => d.code === 'abbr-undefined');
    assert.match(abbr.message, /全面与进步跨太平洋伙伴关系协定/);
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: abbr.range, context: { diagnostics: [abbr] } });
    assert.deepStrictEqual(actions.map((a) => a.title).slice(0, 2), ['Write the expansion: 全面与进步跨太平洋伙伴关系协定（CPTPP）', 'Ignore abbr-undefined in this document']);
  });

  it('fixes all in one edit, after which the draft checks clean', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const file = path.join(examplesDir, 'drafts', '简报草稿.md');
    const text = fs.readFileSync(file, 'utf8');
    const uri = await server.open(file);
    await server.waitFor('diagnostics', () => server!.diagnostics.get(uri));
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.policyWriter'] } });
    assert.strictEqual(actions.length, 1);
    const fixed = applyLspEdits(text, actions[0].edit.changes[uri]);
    assert.ok(fixed.includes('全面与进步跨太平洋伙伴关系协定（CPTPP）对数据跨境流动'));
    assert.ok(fixed.includes('一带一路倡议，同时加强与东南亚国家联盟的合作'));
    server.diagnostics.delete(uri);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await server.waitFor('diagnostics after fix', () => server!.diagnostics.get(uri));
    assert.deepStrictEqual(after.map((d: any) => d.code), []);
  });

  it('reports a broken terms file by name and line, and keeps checking', async () => {
    const ws = copyFolder(examplesDir);
    fs.writeFileSync(path.join(ws, '.policy-writer', 'terms.yaml'), 'terms:\n  - term: 新冠肺炎疫情\n    variants: [新冠疫情\n');
    server = await startTestServer({ folder: ws });
    await server.waitForReady();
    assert.ok(server.logs.some((l) => /terms\.yaml:\d+/.test(l)), server.logs.join('\n'));
    const uri = await server.open(path.join(ws, 'drafts', '简报草稿.md'));
    const diags = await server.waitFor('diagnostics', () => server!.diagnostics.get(uri));
    assert.ok(diags.some((d: any) => d.code === 'punct-halfwidth'));
  });

  it('flags a paragraph copied from the corpus without a note', async () => {
    server = await startTestServer({ folder: examplesDir });
    await server.waitForReady();
    const text = '# 草稿\n\n第三，危机应对。在金融危机和公共卫生危机中，区域组织往往比全球机制反应更快。清迈倡议多边化安排为成员提供了流动性支持。\n';
    const uri = await server.open(path.join(repoRoot, 'untitled-draft.md'), 'markdown', text);
    const diags = await server.waitFor('diagnostics', () => server!.diagnostics.get(uri));
    const overlap = diags.find((d: any) => d.code === 'passage-overlap');
    assert.ok(overlap, JSON.stringify(diags));
    assert.match(overlap.relatedInformation[0].location.uri, /%E5%8C%BA%E5%9F%9F%E6%B2%BB%E7%90%86%E8%AF%84%E8%AE%BA/);
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: overlap.range, context: { diagnostics: [overlap] } });
    const cite = actions.find((a) => a.title === 'Insert a citation of the source');
    assert.ok(cite, actions.map((a) => a.title).join(' | '));
    assert.deepStrictEqual([cite.command.command, cite.command.arguments[0].position], ['policyWriter.insertCitation', overlap.range.end]);
  });
});

describe('language server: Check Workspace', function () {
  this.timeout(60_000);
  it('checks every draft of the workspace, open or not, and publishes its findings', async () => {
    const server = await startTestServer({ folder: examplesDir });
    try {
      await server.waitForReady();
      const r: any = await server.connection.sendRequest('workspace/executeCommand', { command: 'policyWriter.checkWorkspace', arguments: [] });
      assert.strictEqual(r.files, 4);
      const draft = [...server.diagnostics.keys()].find((u) => u.endsWith(encodeURIComponent('简报草稿.md')))!;
      assert.deepStrictEqual(server.diagnostics.get(draft)!.map((d: any) => d.code), ['punct-halfwidth', 'abbr-undefined', 'term-deprecated', 'term-variant']);
    } finally { await server.stop(); }
  });
});
