/**
 * The term base: what the corpus says about each term — definitions (ranked), abbreviation ⇄ expansion,
 * English equivalents, keywords and “quoted terms” with their frequency and articles — with the source of
 * every finding. Built once per index change; looked up by the hover in well under a millisecond.
 */
import type { Corpus } from '../index/corpus';
import type { SourceLocation, IndexedDocument } from '../model';
import { registerFeature } from '../service';
import { findDefinitions } from './definitions';
import { buildAbbreviationIndex, AbbreviationIndex } from './abbreviationIndex';
import { trimChineseName, isAbbreviation } from './abbreviations';

export interface Definition { text: string; score: number; pattern: string; source: SourceLocation }
export interface Equivalent { text: string; source: SourceLocation }

export interface TermInfo {
  term: string;
  definitions: Definition[];
  /** For an abbreviation: what it stands for. For a full name: its abbreviations. */
  expansions: Equivalent[];
  abbreviations: Equivalent[];
  english: Equivalent[];
  chinese: Equivalent[];
  /** Articles whose keywords list it (title, uri). */
  keywordOf: { title: string; uri: string }[];
  /** How often the corpus writes it (passages, duplicates left out); 0 when not counted. */
  frequency: number;
  /** Where it first appears. */
  firstSource?: SourceLocation;
}

export interface TermBase {
  terms: Map<string, TermInfo>;
  /** Longest term length (UTF-16 units), bounding the hover's scan. */
  maxLength: number;
  abbreviations: AbbreviationIndex;
}

function info(base: Map<string, TermInfo>, term: string): TermInfo {
  let t = base.get(term);
  if (!t) base.set(term, (t = { term, definitions: [], expansions: [], abbreviations: [], english: [], chinese: [], keywordOf: [], frequency: 0 }));
  return t;
}

const pushUnique = (list: Equivalent[], e: Equivalent) => { if (!list.some((x) => x.text === e.text)) list.push(e); };

/** 白礁岛(Pedra Branca), 颜金勇(Gan Kim Yong): a Chinese name and its Latin-script original. */
const BILINGUAL = /(“[\u4e00-\u9fff·]{2,20}”|[\u4e00-\u9fff·]{2,40})\s*[（(]\s*([A-Z][A-Za-z'’.\-]*(?:[ \-](?:[A-Za-z'’.\-]+)){1,10})\s*[)）]/g;
const QUOTED = /“([\u4e00-\u9fff]{2,12})”/g;

export function buildTermBase(corpus: Corpus): TermBase {
  const terms = new Map<string, TermInfo>();
  const abbreviations = buildAbbreviationIndex(corpus);
  const quoteCounts = new Map<string, { n: number; first: SourceLocation }>();
  const vocabFreq = new Uint32Array(corpus.vocab.terms.length);

  for (const doc of corpus.docs) {
    for (const p of doc.passages) {
      if (p.duplicateOf !== undefined) continue;
      for (let i = p.tokenStart; i < p.tokenEnd; i++) vocabFreq[doc.tokens.ids[i]]++;
      const text = doc.text.slice(p.start, p.end);
      const at = (s: number, e: number): SourceLocation => ({ uri: doc.uri, span: { start: p.start + s, end: p.start + e } });
      for (const d of findDefinitions(text)) {
        const t = info(terms, d.term);
        t.definitions.push({ text: d.text, score: d.score, pattern: d.pattern, source: { uri: doc.uri, span: d.span.start >= 0 ? { start: p.start + d.span.start, end: p.start + d.span.end } : d.span } });
      }
      BILINGUAL.lastIndex = 0;
      for (let m = BILINGUAL.exec(text); m; m = BILINGUAL.exec(text)) {
        if (isAbbreviation(m[2])) continue;
        const zh = m[1].startsWith('“') ? m[1].slice(1, -1) : trimChineseName(m[1]);
        if (zh.length < 2) continue;
        const loc = at(m.index, m.index + m[0].length);
        pushUnique(info(terms, zh).english, { text: m[2].trim(), source: loc });
        pushUnique(info(terms, m[2].trim()).chinese, { text: zh, source: loc });
      }
      QUOTED.lastIndex = 0;
      for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
        const q = quoteCounts.get(m[1]);
        if (q) q.n++; else quoteCounts.set(m[1], { n: 1, first: at(m.index, m.index + m[0].length) });
      }
    }
    addArticles(terms, doc);
  }
  for (const [abbr, k] of abbreviations) {
    const a = info(terms, abbr);
    for (const e of k.expansions) {
      pushUnique(a.expansions, { text: e.expansion, source: e.source });
      pushUnique(info(terms, e.expansion).abbreviations, { text: abbr, source: e.source });
      if (e.lang === 'en') for (const z of k.expansions.filter((x) => x.lang === 'zh')) pushUnique(info(terms, z.expansion).english, { text: e.expansion, source: e.source });
    }
  }
  // “Quoted terms” written at least twice are terms of the corpus.
  for (const [q, { n, first }] of quoteCounts) if (n >= 2 || terms.has(q)) { const t = info(terms, q); t.firstSource ??= first; t.frequency = Math.max(t.frequency, n); }
  let maxLength = 0;
  for (const t of terms.values()) {
    t.definitions.sort((a, b) => b.score - a.score || a.text.length - b.text.length);
    t.definitions = t.definitions.slice(0, 5);
    const id = corpus.vocab.ids.get(t.term.toLowerCase());
    if (id !== undefined) t.frequency = Math.max(t.frequency, vocabFreq[id]);
    if (t.term.length > maxLength) maxLength = t.term.length;
  }
  return { terms, maxLength: Math.min(maxLength, 40), abbreviations };
}

function addArticles(terms: Map<string, TermInfo>, doc: IndexedDocument): void {
  for (const a of doc.structure.articles) {
    const loc = { uri: doc.uri, span: a.headerSpan ?? a.span };
    for (const k of a.keywords) { const t = info(terms, k); if (!t.keywordOf.some((x) => x.title === a.title)) t.keywordOf.push({ title: a.title, uri: doc.uri }); t.firstSource ??= loc; }
    if (a.titleEn) {
      const titleLoc = { uri: doc.uri, span: { start: a.span.start, end: a.span.start + a.title.length } };
      pushUnique(info(terms, a.title).english, { text: a.titleEn, source: titleLoc });
      pushUnique(info(terms, a.titleEn).chinese, { text: a.title, source: titleLoc });
    }
  }
}

/**
 * The longest known term covering `offset` in `text` (a draft line or whole text), or undefined.
 * Chinese needs no spaces: every substring around the cursor up to the longest term is tried, longest first.
 */
export function termAt(base: TermBase, text: string, offset: number, extra?: ReadonlySet<string>): { term: string; start: number; end: number } | undefined {
  // Latin words and abbreviations: the word under the cursor.
  const isWord = (c: string | undefined) => !!c && /[A-Za-z0-9&\-]/.test(c);
  if (isWord(text[offset]) || isWord(text[offset - 1])) {
    let s = offset, e = offset;
    while (s > 0 && isWord(text[s - 1])) s--;
    while (e < text.length && isWord(text[e])) e++;
    const w = text.slice(s, e);
    if (base.terms.has(w) || extra?.has(w)) return { term: w, start: s, end: e };
  }
  const max = Math.max(base.maxLength, 16);
  const lo = Math.max(0, offset - max + 1);
  let best: { term: string; start: number; end: number } | undefined;
  for (let s = lo; s <= offset; s++) {
    for (let e = Math.min(text.length, s + max); e > offset && e - s >= 2; e--) {
      if (best && e - s <= best.end - best.start) break;
      const cand = text.slice(s, e);
      if (base.terms.has(cand) || extra?.has(cand)) { best = { term: cand, start: s, end: e }; break; }
    }
  }
  return best;
}

export const TERMS = 'terms';

registerFeature<TermBase>({ name: TERMS, version: 1, build: buildTermBase, count: (d) => d.terms.size });
