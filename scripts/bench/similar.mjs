// Similar passages on the benchmark corpus, beside MiniSearch (BM25) over the same passages and the same
// tokens: latency of 300-character queries, and both rankings' hit rates on the project's paraphrase set.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

/** MiniSearch over a corpus's passages (duplicates left out), indexed with the very same tokens as ours. */
function miniSearchOver(MiniSearch, corpus) {
  const ms = new MiniSearch({ fields: ['t'], storeFields: [], tokenize: (s) => s.split(' '), processTerm: (t) => t || null });
  const docs = [];
  for (const d of corpus.docs) for (const p of d.passages) {
    if (p.duplicateOf !== undefined) continue;
    const words = [];
    for (let i = p.tokenStart; i < p.tokenEnd; i++) words.push(corpus.vocab.terms[d.tokens.ids[i]]);
    docs.push({ id: p.id, t: words.join(' ') });
  }
  ms.addAll(docs);
  return ms;
}

export async function run({ root, state }) {
  const { findSimilar } = require(path.join(root, 'out', 'server', 'src', 'core', 'similar', 'index.js'));
  const { tokenize } = require(path.join(root, 'out', 'server', 'src', 'core', 'text', 'tokens.js'));
  const MiniSearch = require('minisearch');
  const corpus = state.corpus, index = state.features.get('similar'), seg = state.ctx.segmenter;
  // MiniSearch gets the very same passages (duplicates left out) and the very same tokens.
  const t0 = Date.now();
  const ms = miniSearchOver(MiniSearch, corpus);
  const msIndexMs = Date.now() - t0;
  const msSearch = (q, n) => ms.search(tokenize(q, seg).map((t) => t.text).join(' '), { combineWith: 'OR' }).slice(0, n).map((r) => r.id);

  // 300-character queries: stretches of corpus passages.
  let s = 5;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const queries = [];
  while (queries.length < 200) {
    const d = corpus.docs[Math.floor(rnd() * corpus.docs.length)];
    const p = d.passages[Math.floor(rnd() * d.passages.length)];
    if (!p || p.end - p.start < 120) continue;
    queries.push(d.text.slice(p.start, Math.min(d.text.length, p.start + 300)));
  }
  findSimilar(index, corpus, seg, queries[0], 10); msSearch(queries[0], 10);
  const ours = [], theirs = [];
  for (const q of queries) {
    let t = process.hrtime.bigint(); findSimilar(index, corpus, seg, q, 10); ours.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint(); msSearch(q, 10); theirs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const rows = [];
  // Hit rates on the paraphrase set, over the seed documents it was written for (the generated corpus
  // reshuffles their sentences): is the source passage in the top three?
  const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds');
  if (fs.existsSync(seeds)) {
    const { CorpusIndexer } = require(path.join(root, 'out', 'server', 'src', 'adapters', 'indexer.js'));
    const { resolveSettings } = require(path.join(root, 'out', 'server', 'src', 'shared', 'protocol.js'));
    const st = await new CorpusIndexer({ folders: [seeds], settings: resolveSettings({}), terms: [], logger: { log() {}, error() {} } }).start();
    const c = st.corpus, ix = st.features.get('similar');
    const mini = miniSearchOver(MiniSearch, c);
    const set = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'paraphrases.json'), 'utf8'));
    const textOf = (pid) => { const x = c.passageAt(pid); return x ? x.doc.text.slice(x.passage.start, x.passage.end) : ''; };
    const hit = (ids, target) => ids.some((id) => textOf(id).includes(target));
    const oursHits = set.filter((q) => hit(findSimilar(ix, c, seg, q.query, 3).map((h) => h.passageId), q.target)).length;
    const theirHits = set.filter((q) => hit(mini.search(tokenize(q.query, seg).map((t) => t.text).join(' '), { combineWith: 'OR' }).slice(0, 3).map((r) => r.id), q.target)).length;
    const cross = set.filter((q) => q.crossLingual);
    const crossOurs = cross.filter((q) => hit(findSimilar(ix, c, seg, q.query, 3).map((h) => h.passageId), q.target)).length;
    const crossTheirs = cross.filter((q) => hit(mini.search(tokenize(q.query, seg).map((t) => t.text).join(' '), { combineWith: 'OR' }).slice(0, 3).map((r) => r.id), q.target)).length;
    rows.push(
      { name: `paraphrase set on the seeds (${set.length} queries): source in top 3, ours / MiniSearch`, value: `${oursHits}/${theirHits}`, unit: `of ${set.length}` },
      { name: `  of which across languages (${cross.length}): ours / MiniSearch`, value: `${crossOurs}/${crossTheirs}`, unit: `of ${cross.length}` },
    );
  }
  return [
    { name: 'similar passages, 300-character query, p50', value: +pct(ours, 50).toFixed(2), unit: 'ms' },
    { name: 'similar passages, 300-character query, p99', value: +pct(ours, 99).toFixed(2), unit: 'ms', target: '≤ 50' },
    { name: 'MiniSearch (BM25, same tokens and passages), same queries, p99', value: +pct(theirs, 99).toFixed(2), unit: 'ms', note: `indexed in ${msIndexMs} ms` },
    ...rows,
  ];
}
