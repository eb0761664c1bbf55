/**
 * Standard formulations mined from the corpus: frequent token n-grams that hold together (pointwise
 * mutual information between their parts) and stand free at both ends (left and right branching entropy —
 * the usual new-word discovery for Chinese); 、-enumerations written more than once; “quoted” phrases;
 * English phrases likewise. Each keeps its frequency and an example sentence with its source.
 */
import type { Corpus } from '../index/corpus';
import type { SourceLocation } from '../model';
import { isCjkCode } from '../text/chars';

export interface Formulation {
  text: string;
  frequency: number;
  /** Where it came from: mined n-gram, enumeration, quotation, the shipped list, the team's phrasebook. */
  origin: 'ngram' | 'enumeration' | 'quoted' | 'shipped' | 'team';
  example?: string;
  source?: SourceLocation;
}

const MAX_N = 6;
const MIN_FREQ = 3;
/** Words a formulation never starts or ends with: mere fragments (的国际, 和发展) are left out. */
const EDGE_STOP = new Set('的 了 和 与 及 或 在 是 对 为 以 于 等 中 上 下 之 其 这 那 也 都 而 并 向 从 把 被 将 就 又 还 但 要 会 能 可 该 各 有 无 不 没 很 更 最 已 所 着 过 地 得 个 把 让 使 由 同 跟 给 如 若 即 则 一 们'.split(' '));
/** Openings that make a fragment of a sentence rather than a formulation. */
const WEAK_START = /^(?:一些|其他|这些|那些|有关|相关|具有|进行|通过|以及|包括|作为|对于|关于|由于|随着|与|和|在|对|各国共同|中国始终)/;
const EN_STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'as', 'at', 'is', 'are', 'was', 'were', 'be', 'that', 'this', 'it', 'its', 'their', 'from']);

const isCjkWord = (s: string) => s.length > 0 && isCjkCode(s.charCodeAt(0));
const isLatinWord = (s: string) => /^[a-z][a-z\-']*$/.test(s);

function entropy(counts: Map<string, number> | undefined, boundaries: number): number {
  let total = boundaries;
  if (counts) for (const c of counts.values()) total += c;
  if (!total) return 0;
  let h = 0;
  // Each sentence boundary counts as a distinct neighbour: a phrase that often stands alone is free there.
  for (let i = 0; i < boundaries; i++) h -= (1 / total) * Math.log(1 / total);
  if (counts) for (const c of counts.values()) { const p = c / total; h -= p * Math.log(p); }
  return h;
}

interface Gram { n: number; freq: number; left?: Map<string, number>; right?: Map<string, number>; leftEdge: number; rightEdge: number; first: { doc: number; start: number; end: number } }

export function mineFormulations(corpus: Corpus): Formulation[] {
  const vocab = corpus.vocab.terms;
  const grams = new Map<string, Gram>();
  const unigram = new Map<string, number>();
  let totalTokens = 0;
  // Pass 1: count n-grams inside runs of adjacent tokens of one script (no punctuation or space between
  // Chinese words; single spaces between English words).
  corpus.docs.forEach((doc, di) => {
    const { ids, starts, ends } = doc.tokens;
    for (const p of doc.passages) {
      if (p.duplicateOf !== undefined || doc.text.charCodeAt(p.start) === 0x3014) continue; // 〔关键词〕… header lines
      for (let i = p.tokenStart; i < p.tokenEnd; i++) {
        const w0 = vocab[ids[i]];
        totalTokens++;
        unigram.set(w0, (unigram.get(w0) ?? 0) + 1);
        const cjk = isCjkWord(w0);
        if (!cjk && !isLatinWord(w0)) continue;
        let key = w0;
        for (let n = 2; n <= MAX_N && i + n - 1 < p.tokenEnd; n++) {
          const j = i + n - 1;
          const w = vocab[ids[j]];
          const gap = starts[j] - ends[j - 1];
          if (cjk ? gap !== 0 || !isCjkWord(w) : gap !== 1 || !isLatinWord(w) || doc.text[ends[j - 1]] !== ' ') break;
          key += (cjk ? '' : ' ') + w;
          if (key.length > 24) break;
          const g = grams.get(key);
          if (g) g.freq++;
          else grams.set(key, { n, freq: 1, leftEdge: 0, rightEdge: 0, first: { doc: di, start: starts[i], end: ends[j] } });
        }
      }
    }
  });
  // Candidates: frequent, not starting or ending with a function word.
  const cands = new Map<string, Gram>();
  for (const [k, g] of grams) {
    if (g.freq < MIN_FREQ) continue;
    if (isCjkWord(k) ? k.length < 4 : k.length < 8) continue;
    cands.set(k, g);
  }
  // Pass 2: neighbours of the candidates, for branching entropy; split points for cohesion.
  corpus.docs.forEach((doc) => {
    const { ids, starts, ends } = doc.tokens;
    for (const p of doc.passages) {
      if (p.duplicateOf !== undefined) continue;
      for (let i = p.tokenStart; i < p.tokenEnd; i++) {
        const w0 = vocab[ids[i]];
        const cjk = isCjkWord(w0);
        if (!cjk && !isLatinWord(w0)) continue;
        let key = w0;
        for (let n = 2; n <= MAX_N && i + n - 1 < p.tokenEnd; n++) {
          const j = i + n - 1;
          const w = vocab[ids[j]];
          const gap = starts[j] - ends[j - 1];
          if (cjk ? gap !== 0 || !isCjkWord(w) : gap !== 1 || !isLatinWord(w)) break;
          key += (cjk ? '' : ' ') + w;
          const g = cands.get(key);
          if (!g) continue;
          const leftJoined = i > p.tokenStart && starts[i] - ends[i - 1] === (cjk ? 0 : 1);
          if (leftJoined) { const lw = vocab[ids[i - 1]]; (g.left ??= new Map()).set(lw, (g.left.get(lw) ?? 0) + 1); } else g.leftEdge++;
          const rightJoined = j + 1 < p.tokenEnd && starts[j + 1] - ends[j] === (cjk ? 0 : 1);
          if (rightJoined) { const rw = vocab[ids[j + 1]]; (g.right ??= new Map()).set(rw, (g.right.get(rw) ?? 0) + 1); } else g.rightEdge++;
        }
      }
    }
  });
  const out: Formulation[] = [];
  const N = Math.max(1, totalTokens);
  const freqOf = (k: string) => grams.get(k)?.freq ?? unigram.get(k) ?? 0;
  for (const [k, g] of cands) {
    const cjk = isCjkWord(k);
    // Re-split the key into its words from the first occurrence's tokens.
    const doc = corpus.docs[g.first.doc];
    const words: string[] = [];
    const startTok = lowerBound(doc.tokens.starts, g.first.start);
    for (let t = startTok; t < startTok + g.n; t++) words.push(vocab[doc.tokens.ids[t]]);
    if (words.length !== g.n) continue;
    const stop = cjk ? EDGE_STOP : EN_STOP;
    if (stop.has(words[0]) || stop.has(words[words.length - 1])) continue;
    if (cjk && (words[0].length === 1 && words[words.length - 1].length === 1)) continue;
    // 东道主东道主: a word repeated is an artefact of the text, not a phrase.
    if (/^(.+)\1+$/.test(k)) continue;
    if (cjk && WEAK_START.test(k)) continue;
    // Cohesion: the weakest split must still be much likelier together than apart.
    let minPmi = Infinity;
    for (let s = 1; s < words.length; s++) {
      const a = cjk ? words.slice(0, s).join('') : words.slice(0, s).join(' ');
      const b = cjk ? words.slice(s).join('') : words.slice(s).join(' ');
      const fa = s === 1 ? unigram.get(a) ?? 0 : freqOf(a);
      const fb = words.length - s === 1 ? unigram.get(b) ?? 0 : freqOf(b);
      if (!fa || !fb) { minPmi = -Infinity; break; }
      minPmi = Math.min(minPmi, Math.log((g.freq * N) / (fa * fb)));
    }
    if (minPmi < 3) continue;
    const le = entropy(g.left, g.leftEdge), re = entropy(g.right, g.rightEdge);
    if (Math.min(le, re) < 0.9) continue;
    out.push({ text: k, frequency: g.freq, origin: 'ngram', ...example(corpus, g.first.doc, g.first.start, g.first.end) });
  }
  out.push(...enumerations(corpus), ...quotations(corpus));
  // One entry per text: the most frequent origin wins; shorter phrases inside longer, equally frequent ones go.
  const byText = new Map<string, Formulation>();
  for (const f of out) { const o = byText.get(f.text); if (!o || f.frequency > o.frequency) byText.set(f.text, f); }
  const all = [...byText.values()];
  return all.filter((f) => !all.some((o) => o !== f && o.text.length > f.text.length && o.text.includes(f.text) && o.frequency >= f.frequency && o.origin === 'ngram' && f.origin === 'ngram'));
}

function lowerBound(a: Uint32Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The sentence around [start, end) in a document, and its location. */
function example(corpus: Corpus, di: number, start: number, end: number): { example: string; source: SourceLocation } {
  const doc = corpus.docs[di];
  const t = doc.text;
  let s = start, e = end;
  while (s > 0 && s > start - 80 && !/[。！？\n]/.test(t[s - 1])) s--;
  while (e < t.length && e < end + 80 && !/[。！？\n]/.test(t[e])) e++;
  if (e < t.length && /[。！？]/.test(t[e])) e++;
  return { example: t.slice(s, e).trim(), source: { uri: doc.uri, span: { start, end } } };
}

/** Every match of `re` in the corpus's distinct passages, counted by the key `found` returns; the first one kept as the example. */
function countMatches(corpus: Corpus, re: RegExp, origin: Formulation['origin'], found: (m: RegExpExecArray) => { text: string; at: number } | undefined): Map<string, Formulation> {
  const seen = new Map<string, Formulation>();
  corpus.docs.forEach((doc, di) => {
    for (const p of doc.passages) {
      if (p.duplicateOf !== undefined) continue;
      const text = doc.text.slice(p.start, p.end);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const hit = found(m);
        if (!hit) continue;
        const f = seen.get(hit.text);
        if (f) f.frequency++;
        else seen.set(hit.text, { text: hit.text, frequency: 1, origin, ...example(corpus, di, p.start + hit.at, p.start + hit.at + hit.text.length) });
      }
    }
  });
  return seen;
}

const ENUM = /(?:[\u4e00-\u9fff]{2,8}、){2,}[\u4e00-\u9fff]{2,8}/g;

/** 和平赤字、发展赤字、安全赤字、治理赤字: enumerations the corpus writes at least twice. */
function enumerations(corpus: Corpus): Formulation[] {
  const seen = countMatches(corpus, ENUM, 'enumeration', (m) => {
    let items = m[0].split('、');
    // The run may go on past the last item (治理赤字加重): cut it where the shared ending ends.
    const head = commonSuffix(items.slice(0, -1));
    if (head >= 2) {
      const ending = items[0].slice(items[0].length - head);
      const lastAt = items[items.length - 1].indexOf(ending);
      if (lastAt >= 0) items = [...items.slice(0, -1), items[items.length - 1].slice(0, lastAt + ending.length)];
    }
    // …and may begin before the first item (在周边安全): function words are not part of it.
    let at = m.index;
    if (items[0].length > Math.max(...items.slice(1).map((x) => x.length)) && /^[在对与和为以从把被将的是及等]/.test(items[0])) { items[0] = items[0].slice(1); at++; }
    // The items share an ending (赤字) or a beginning: a set formulation, not any list.
    if (commonSuffix(items) < 2 && commonPrefix(items) < 2) return undefined;
    return { text: items.join('、'), at };
  });
  // Written twice, or once with at least three items sharing an ending (和平赤字、发展赤字、安全赤字、治理赤字).
  return [...seen.values()].filter((f) => f.frequency >= 2 || (f.text.split('、').length >= 3 && commonSuffix(f.text.split('、')) >= 2));
}

function commonSuffix(items: string[]): number {
  let n = 0;
  for (;;) { const c = items[0][items[0].length - 1 - n]; if (!c || !items.every((x) => x[x.length - 1 - n] === c)) return n; n++; }
}
function commonPrefix(items: string[]): number {
  let n = 0;
  for (;;) { const c = items[0][n]; if (!c || !items.every((x) => x[n] === c)) return n; n++; }
}

const QUOTED = /“([\u4e00-\u9fff、]{4,20})”/g;

/** Phrases the corpus puts in quotation marks at least twice (“一带一路”, “小院高墙”). */
function quotations(corpus: Corpus): Formulation[] {
  const seen = countMatches(corpus, QUOTED, 'quoted', (m) => ({ text: m[1], at: m.index + 1 }));
  return [...seen.values()].filter((f) => f.frequency >= 2);
}
