import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndexer } from '../../server/src/adapters/indexer';
import { snapshotFile } from '../../server/src/adapters/snapshot';
import { resolveSettings } from '../../server/src/shared/protocol';
import { nullLogger } from '../../server/src/core/model';
import { copyFolder, examplesDir, tempDir } from '../lsp/harness';

const open = (folder: string, storagePath: string, workers = 1) =>
  new CorpusIndexer({ folders: [folder], settings: resolveSettings({}), terms: [], storagePath, logger: nullLogger, workers });

describe('the persisted index', function () {
  this.timeout(60_000);

  it('round-trips: a restart on an unchanged corpus loads the same documents, tokens and passages', async () => {
    const storage = tempDir('pw-snap-');
    const a = open(examplesDir, storage);
    const s1 = await a.start();
    a.save();
    const b = open(examplesDir, storage);
    const s2 = await b.start();
    assert.strictEqual(b.lastTimings!.source, 'snapshot');
    assert.deepStrictEqual(s2.corpus.docs.map((d) => [d.uri, d.passages.length, d.tokens.ids.length]), s1.corpus.docs.map((d) => [d.uri, d.passages.length, d.tokens.ids.length]));
    const words = (s: typeof s1) => Array.from(s.corpus.docs[0].tokens.ids.slice(0, 20), (id) => s.corpus.vocab.terms[id]);
    assert.deepStrictEqual(words(s2), words(s1));
  });

  it('brings a snapshot up to date with a file changed while the editor was closed', async () => {
    const ws = copyFolder(examplesDir);
    const storage = tempDir('pw-snap-');
    const a = open(ws, storage);
    await a.start();
    a.save();
    const file = path.join(ws, 'corpus', '国际形势简报.md');
    fs.appendFileSync(file, '\n新增的一段：金砖国家扩员提升了新兴市场国家的代表性。\n');
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(file, future, future);
    const b = open(ws, storage);
    const s = await b.start();
    const doc = s.corpus.docs.find((d) => d.uri.endsWith(encodeURIComponent('国际形势简报.md')))!;
    assert.ok(doc.text.includes('金砖国家扩员'));
    const vocab = s.corpus.vocab.terms;
    assert.ok(Array.from(doc.tokens.ids, (i) => vocab[i]).includes('扩员'));
  });

  it('rebuilds instead of trusting a snapshot of another format', async () => {
    const storage = tempDir('pw-snap-');
    const a = open(examplesDir, storage);
    await a.start();
    a.save();
    const v8 = await import('v8');
    const snap = v8.deserialize(fs.readFileSync(snapshotFile(storage)));
    snap.format = 1;
    fs.writeFileSync(snapshotFile(storage), v8.serialize(snap));
    const b = open(examplesDir, storage);
    await b.start();
    assert.strictEqual(b.lastTimings!.source, 'cold');
  });

  it('indexes the same on the main thread as in workers', async () => {
    // The main thread's segmenter is shared by everything in this process (other tests add words to it):
    // the main-thread build runs in a fresh process, as it would in a fresh server.
    const words = (s: { corpus: { docs: readonly { tokens: { ids: Uint32Array } }[]; vocab: { terms: string[] } } }) => s.corpus.docs.map((d) => Array.from(d.tokens.ids, (i) => s.corpus.vocab.terms[i]).join(' '));
    const inWorkers = await open(examplesDir, tempDir('pw-snap-'), 1).start();
    const script = `
      const { CorpusIndexer } = require(${JSON.stringify(require.resolve('../../server/src/adapters/indexer'))});
      const { resolveSettings } = require(${JSON.stringify(require.resolve('../../server/src/shared/protocol'))});
      new CorpusIndexer({ folders: [${JSON.stringify(examplesDir)}], settings: resolveSettings({}), terms: [], logger: { log() {}, error() {} }, workers: 0 })
        .start().then((s) => process.stdout.write(JSON.stringify(s.corpus.docs.map((d) => Array.from(d.tokens.ids, (i) => s.corpus.vocab.terms[i]).join(' ')))));`;
    const onMain = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepStrictEqual(onMain, words(inWorkers));
  });
});
