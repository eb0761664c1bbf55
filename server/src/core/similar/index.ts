/**
 * Similar passages: BM25 over the index's tokens (postings as typed arrays, duplicates left out), the query
 * reduced to its informative terms, candidates re-ranked by character-bigram overlap so that paraphrases
 * sharing few whole words still rank; across languages through the pairs the corpus itself writes
 * (terms and their English equivalents, abbreviations, article titles) and through the articles whose
 * Chinese and English abstracts stand for each other.
 */
import type { Corpus } from '../index/corpus';
import type { ISegmenter, IndexedDocument, IndexedPassage } from '../model';
import { registerFeature } from '../service';
import { tokenize } from '../text/tokens';
import { buildTermBase } from '../terms/termBase';
import { hasCjk } from '../text/chars';

export interface SimilarIndex {
  /** CSR postings: for term id t, passages postPid[offsets[t] .. offsets[t+1]) with term frequencies postTf. */
  offsets: Uint32Array;
  postPid: Uint32Array;
  postTf: Uint16Array;
  /** Token count of each passage (by global id; 0 for duplicates). */
  length: Uint32Array;
  avgLength: number;
  passages: number;
  /** Bilingual pairs: Chinese term → English, and English (lower-case) → Chinese. */
  zhToEn: Map<string, string[]>;
  enToZh: Map<string, string[]>;
  /** Passages that stand for each other across languages (an article's Chinese and English abstracts). */
  twins: Map<number, number[]>;
}

const K1 = 1.2, B = 0.75;

export function buildSimilarIndex(corpus: Corpus): SimilarIndex {
  const V = corpus.vocab.terms.length;
  const n = corpus.passageDoc.length;
  const length = new Uint32Array(n);
  const counts = new Uint32Array(V + 1);
  // Pass 1: how many passages each term occurs in (its postings' length).
  const seen = new Int32Array(V).fill(-1);
  for (const d of corpus.docs) for (const p of d.passages) {
    if (p.duplicateOf !== undefined) continue;
    length[p.id] = p.tokenEnd - p.tokenStart;
    for (let i = p.tokenStart; i < p.tokenEnd; i++) { const t = d.tokens.ids[i]; if (seen[t] !== p.id) { seen[t] = p.id; counts[t + 1]++; } }
  }
  const offsets = new Uint32Array(V + 1);
  for (let t = 0; t < V; t++) offsets[t + 1] = offsets[t] + counts[t + 1];
  const postPid = new Uint32Array(offsets[V]);
  const postTf = new Uint16Array(offsets[V]);
  const fill = offsets.slice(0, V);
  seen.fill(-1);
  const slot = new Uint32Array(V);
  for (const d of corpus.docs) for (const p of d.passages) {
    if (p.duplicateOf !== undefined) continue;
    for (let i = p.tokenStart; i < p.tokenEnd; i++) {
      const t = d.tokens.ids[i];
      if (seen[t] !== p.id) { seen[t] = p.id; slot[t] = fill[t]++; postPid[slot[t]] = p.id; postTf[slot[t]] = 1; }
      else if (postTf[slot[t]] < 65535) postTf[slot[t]]++;
    }
  }
  let total = 0, m = 0;
  for (let i = 0; i < n; i++) if (length[i]) { total += length[i]; m++; }
  const { zhToEn, enToZh } = bilingualPairs(corpus);
  return { offsets, postPid, postTf, length, avgLength: m ? total / m : 1, passages: m, zhToEn, enToZh, twins: abstractTwins(corpus) };
}

function bilingualPairs(corpus: Corpus): { zhToEn: Map<string, string[]>; enToZh: Map<string, string[]> } {
  const base = buildTermBase(corpus);
  const zhToEn = new Map<string, string[]>(), enToZh = new Map<string, string[]>();
  const add = (zh: string, en: string) => {
    if (!hasCjk(zh) || hasCjk(en) || zh.length < 2 || en.length < 2) return;
    const a = zhToEn.get(zh) ?? []; if (!a.includes(en)) a.push(en); zhToEn.set(zh, a);
    const k = en.toLowerCase(); const b = enToZh.get(k) ?? []; if (!b.includes(zh)) b.push(zh); enToZh.set(k, b);
  };
  for (const t of base.terms.values()) {
    for (const e of t.english) add(t.term, e.text);
    for (const e of t.abbreviations) add(t.term, e.text);
    for (const e of t.expansions) if (hasCjk(e.text)) add(e.text, t.term);
  }
  // Abbreviations: a Chinese name and its Latin abbreviation and expansion all stand for each other.
  for (const [abbr, k] of base.abbreviations) {
    const zh = k.expansions.filter((e) => e.lang === 'zh').map((e) => e.expansion);
    const en = k.expansions.filter((e) => e.lang === 'en').map((e) => e.expansion);
    for (const z of zh) { add(z, abbr); for (const e of en) add(z, e); }
  }
  return { zhToEn, enToZh };
}

/** An article's 〔提 要〕 passage and its English abstract passage stand for each other. */
function abstractTwins(corpus: Corpus): Map<number, number[]> {
  const twins = new Map<number, number[]>();
  const link = (a: number, b: number) => { twins.set(a, [...(twins.get(a) ?? []), b]); twins.set(b, [...(twins.get(b) ?? []), a]); };
  for (const d of corpus.docs) {
    d.structure.articles.forEach((a, ai) => {
      if (!a.abstractEn || !a.abstract) return;
      const zhHead = a.abstract.slice(0, 20);
      const zh = d.passages.find((p) => p.duplicateOf === undefined && p.article === ai && d.text.slice(p.start, p.end).includes(zhHead));
      if (!zh) return;
      // The English abstract may run over several lines, hence several passages: each stands for the Chinese one.
      for (const p of d.passages) {
        if (p.duplicateOf !== undefined || p.end - p.start < 60 || p.article === ai) continue;
        if (a.abstractEn.includes(d.text.slice(p.start, p.start + 60))) link(p.id, zh.id);
      }
    });
  }
  return twins;
}

const scoreBuffers = new WeakMap<SimilarIndex, Float32Array>();

export interface SimilarHit { passageId: number; score: number; shared: string[] }

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.toLowerCase().replace(/[\s\p{P}]+/gu, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * The passages most like `text`, best first; `excludeUri` leaves the querying document out.
 * Scores are in [0, 1] within a list: BM25 (normalised to the best) blended with bigram overlap.
 */
export function findSimilar(index: SimilarIndex, corpus: Corpus, segmenter: ISegmenter, text: string, limit = 10, excludeUri?: string): SimilarHit[] {
  const vocab = corpus.vocab.ids;
  const weights = new Map<number, number>();
  const addQuery = (q: string, w: number) => {
    const tf = new Map<number, number>();
    for (const t of tokenize(q, segmenter)) { const id = vocab.get(t.text); if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1); }
    for (const [id, c] of tf) weights.set(id, Math.max(weights.get(id) ?? 0, w * (1 + Math.log(c))));
  };
  addQuery(text, 1);
  // Across languages: the corpus's own pairs found in the query add their other side, at half weight.
  const lower = text.toLowerCase();
  const other: string[] = [];
  for (const [zh, ens] of index.zhToEn) if (text.includes(zh)) other.push(...ens);
  for (const [en, zhs] of index.enToZh) if (en.length >= 3 && lower.includes(en)) other.push(...zhs);
  if (other.length) addQuery(other.join(' \n '), 0.5);

  // The query's informative terms: by idf × weight, common words dropped.
  const N = Math.max(1, index.passages);
  const terms: { id: number; idf: number; w: number }[] = [];
  for (const [id, w] of weights) {
    const df = index.offsets[id + 1] - index.offsets[id];
    if (!df) continue;
    const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
    if (df > N * 0.25) continue;
    terms.push({ id, idf, w });
  }
  terms.sort((a, b) => b.idf * b.w - a.idf * a.w);
  const keep = terms.slice(0, 40);
  // One score buffer per index, cleared after use: a query allocates little, so no collection pauses it.
  let scores = scoreBuffers.get(index);
  if (!scores) scoreBuffers.set(index, (scores = new Float32Array(index.length.length)));
  const touched: number[] = [];
  for (const { id, idf, w } of keep) {
    for (let k = index.offsets[id]; k < index.offsets[id + 1]; k++) {
      const pid = index.postPid[k], tf = index.postTf[k];
      const dl = index.length[pid];
      if (scores[pid] === 0) touched.push(pid);
      scores[pid] += w * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * dl) / index.avgLength)));
    }
  }
  // Candidates for re-ranking: the best 60 by BM25.
  const s = scores;
  touched.sort((a, b) => s[b] - s[a]);
  const cands = touched.slice(0, 60);
  const best = cands.length ? s[cands[0]] : 1;
  const bm25 = new Map(cands.map((pid) => [pid, s[pid] / best]));
  for (const pid of touched) s[pid] = 0;
  const qb = bigrams(text);
  const out = new Map<number, SimilarHit>();
  const sharedTerms = (doc: IndexedDocument, p: IndexedPassage) => {
    const ids = new Set<number>(); for (let i = p.tokenStart; i < p.tokenEnd; i++) ids.add(doc.tokens.ids[i]);
    return keep.filter((t) => ids.has(t.id)).slice(0, 8).map((t) => corpus.vocab.terms[t.id]);
  };
  for (const pid of cands) {
    const hit = corpus.passageAt(pid)!;
    if (excludeUri && hit.doc.uri === excludeUri) continue;
    const pb = bigrams(hit.doc.text.slice(hit.passage.start, hit.passage.end));
    let common = 0; for (const g of qb) if (pb.has(g)) common++;
    const overlap = qb.size && pb.size ? (2 * common) / (qb.size + pb.size) : 0;
    const score = 0.6 * bm25.get(pid)! + 0.4 * Math.min(1, overlap * 1.5);
    out.set(pid, { passageId: pid, score, shared: sharedTerms(hit.doc, hit.passage) });
  }
  // An article's abstract in the other language ranks just below its twin.
  for (const h of [...out.values()]) for (const t of index.twins.get(h.passageId) ?? []) {
    const twin = corpus.passageAt(t);
    if (!twin || (excludeUri && twin.doc.uri === excludeUri)) continue;
    const s = h.score * 0.95;
    if ((out.get(t)?.score ?? 0) < s) out.set(t, { passageId: t, score: s, shared: [] });
  }
  return [...out.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

export const SIMILAR = 'similar';

registerFeature<SimilarIndex>({ name: SIMILAR, version: 1, build: buildSimilarIndex });
