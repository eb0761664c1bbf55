import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { copyFolder, examplesDir, startTestServer, TestServer, tempDir } from './harness';
import { hasSeeds, seedsDir } from '../helpers/corpus';

describe('language server: the corpus index over LSP', function () {
  this.timeout(120_000);
  let server: TestServer | undefined;
  afterEach(async () => { await server?.stop(); server = undefined; });

  it('indexes the examples workspace and reports indexing, then ready with its counts', async () => {
    server = await startTestServer({ folder: examplesDir });
    const ready = await server.waitForReady();
    assert.strictEqual(server.statuses[0].state, 'indexing');
    // Three corpus files and one draft, all under the default include globs.
    assert.strictEqual(ready.documents, 4);
    assert.ok(ready.passages >= 20, `passages: ${ready.passages}`);
    const stats: any = await server.connection.sendRequest('policyWriter/indexStatistics');
    const journal = stats.documents.find((d: any) => d.uri.endsWith(encodeURIComponent('区域治理评论-2025年第1期.txt')));
    assert.deepStrictEqual([journal.kind, journal.articles, journal.notes], ['journal', 2, 6]);
  });

  it('announces each command once (an editor registers each of them)', async () => {
    server = await startTestServer({ folder: examplesDir });
    const commands: string[] = server.capabilities.executeCommandProvider.commands;
    assert.deepStrictEqual(commands, [...new Set(commands)]);
    assert.ok(['policyWriter.insertCitation', 'policyWriter.renumberFootnotes', 'policyWriter.rebuildIndex'].every((c) => commands.includes(c)));
  });

  it('starts from the persisted index on a restart, and rebuilds on request', async () => {
    const storagePath = tempDir('pw-storage-');
    server = await startTestServer({ folder: examplesDir, storagePath });
    const cold = await server.waitForReady();
    await server.waitFor('snapshot saved', () => server!.logs.some((l) => l.startsWith('snapshot saved')));
    await server.stop();
    server = await startTestServer({ folder: examplesDir, storagePath });
    const warm = await server.waitForReady();
    assert.ok(server.logs.some((l) => l.startsWith('snapshot loaded')), server.logs.join('\n'));
    assert.deepStrictEqual([warm.documents, warm.passages], [cold.documents, cold.passages]);
    const n = server.statuses.length;
    await server.connection.sendRequest('workspace/executeCommand', { command: 'policyWriter.rebuildIndex', arguments: [] });
    const rebuilt = await server.waitForReady(n);
    assert.strictEqual(rebuilt.documents, cold.documents);
  });

  it('discards a corrupt snapshot and builds afresh', async () => {
    const storagePath = tempDir('pw-storage-');
    fs.writeFileSync(path.join(storagePath, 'index.v8'), Buffer.from('not an index at all'));
    server = await startTestServer({ folder: examplesDir, storagePath });
    const ready = await server.waitForReady();
    assert.strictEqual(ready.documents, 4);
    assert.ok(server.logs.some((l) => /unreadable snapshot|not a snapshot/.test(l)), server.logs.join('\n'));
  });

  it('re-indexes only an added, changed or deleted file', async () => {
    const ws = copyFolder(examplesDir);
    server = await startTestServer({ folder: ws });
    const first = await server.waitForReady();
    const added = path.join(ws, 'corpus', '新增资料.md');
    fs.writeFileSync(added, '# 新增资料\n\n上海合作组织是指成立于2001年的区域性国际组织。\n\n它的宗旨是加强成员国之间的相互信任与睦邻友好。\n');
    let n = server.statuses.length;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 1 }] });
    const afterAdd = await server.waitForReady(n);
    assert.deepStrictEqual([afterAdd.documents, afterAdd.passages], [first.documents + 1, first.passages + 3]);
    fs.unlinkSync(added);
    n = server.statuses.length;
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 3 }] });
    const afterDelete = await server.waitForReady(n);
    assert.deepStrictEqual([afterDelete.documents, afterDelete.passages], [first.documents, first.passages]);
  });

  it('watches the folders itself when the editor cannot', async () => {
    const ws = copyFolder(examplesDir);
    server = await startTestServer({ folder: ws, watchedFiles: false });
    const first = await server.waitForReady();
    const n = server.statuses.length;
    fs.writeFileSync(path.join(ws, 'corpus', '另一份资料.txt'), '金砖国家合作机制是新兴市场国家团结合作的重要平台。\n');
    const after = await server.waitForReady(n);
    assert.strictEqual(after.documents, first.documents + 1);
  });

  it('reads GB18030 and UTF-16 files, skips binary ones, and keeps going', async () => {
    const ws = tempDir('pw-enc-');
    const text = '多边主义是指三个或三个以上国家协调政策的做法。\n';
    fs.writeFileSync(path.join(ws, 'gbk.txt'), Buffer.from([0xb6, 0xe0, 0xb1, 0xdf, 0xd6, 0xf7, 0xd2, 0xe5, 0xa1, 0xa3, 0x0a])); // 多边主义。
    fs.writeFileSync(path.join(ws, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fs.writeFileSync(path.join(ws, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0]));
    fs.writeFileSync(path.join(ws, 'empty.md'), '');
    server = await startTestServer({ folder: ws });
    const ready = await server.waitForReady();
    assert.strictEqual(ready.documents, 3);
    const stats: any = await server.connection.sendRequest('policyWriter/indexStatistics');
    const enc = Object.fromEntries(stats.documents.map((d: any) => [path.basename(decodeURIComponent(d.uri)), d.encoding]));
    assert.deepStrictEqual(enc, { 'empty.md': 'utf-8', 'gbk.txt': 'gb18030', 'utf16.txt': 'utf-16le' });
    assert.ok(server.logs.some((l) => /binary\.txt: skipped \(binary\)/.test(l)), server.logs.join('\n'));
  });

  (hasSeeds ? it : it.skip)('indexes the seed documents', async () => {
    server = await startTestServer({ folder: seedsDir });
    const ready = await server.waitForReady();
    assert.strictEqual(ready.documents, 5);
    const stats: any = await server.connection.sendRequest('policyWriter/indexStatistics');
    assert.strictEqual(stats.totals.articles, 7);
    assert.strictEqual(stats.totals.notes, 318);
    assert.ok(stats.totals.duplicatePassages > 10, 'seed 003 holds its article twice');
  });
});
