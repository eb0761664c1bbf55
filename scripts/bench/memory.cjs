// Memory the index holds: JS heap and array buffers after GC, before and after a cold index (run with --expose-gc).
const path = require('path');
const root = path.resolve(__dirname, '..', '..');
const { CorpusIndexer } = require(path.join(root, 'out', 'server', 'src', 'adapters', 'indexer.js'));
require(path.join(root, 'out', 'server', 'src', 'core', 'features.js'));
const { resolveSettings } = require(path.join(root, 'out', 'server', 'src', 'shared', 'protocol.js'));
const measure = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
(async () => {
  require('nodejieba').load(); // the main thread's segmenter (queries), loaded before the baseline
  const before = measure();
  const indexer = new CorpusIndexer({ folders: [process.argv[2]], settings: resolveSettings({}), terms: [], logger: { log() {}, error() {} } });
  const state = await indexer.start();
  const after = measure();
  process.stdout.write(JSON.stringify({ indexBytes: after - before, rss: process.memoryUsage().rss, docs: state.corpus.docs.length }));
})();
