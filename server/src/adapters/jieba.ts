/** The only place nodejieba is loaded: an ISegmenter over it, with the corpus's marked terms added as words. */
import type { ISegmenter } from '../core/model';

type Jieba = { load(o?: object): void; cut(s: string, hmm?: boolean): string[]; insertWord(w: string, tag?: string): boolean };

let jieba: Jieba | undefined;
const inserted = new Set<string>();

function load(): Jieba {
  if (!jieba) {
    // Required lazily so that commands which never segment do not pay for the dictionary (≈1 s).
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const j = require('nodejieba') as Jieba;
    j.load();
    jieba = j;
  }
  return jieba;
}

/** Adds words to the segmenter's dictionary (idempotent); returns how many were new. */
export function addWords(words: Iterable<string>): number {
  const j = load();
  let n = 0;
  for (const w of words) if (!inserted.has(w)) { inserted.add(w); j.insertWord(w); n++; }
  return n;
}

export const jiebaSegmenter: ISegmenter = {
  cut(text: string): string[] {
    const words = load().cut(text, true);
    // The words must cover the input exactly, or every offset after them would drift.
    let len = 0;
    for (const w of words) len += w.length;
    return len === text.length ? words : [text];
  },
};

export function preloadSegmenter(): void { load(); }

/**
 * A segmenter that remembers the words of sentences it has cut: corpora repeat sentences (reprinted
 * articles, boilerplate, quotations), and a repeated sentence then costs a lookup. Bounded in size.
 */
export function cachingSegmenter(maxEntries = 200_000): ISegmenter & { hits: number; misses: number } {
  const cache = new Map<string, string[]>();
  const seg = {
    hits: 0,
    misses: 0,
    cut(text: string): string[] {
      const hit = cache.get(text);
      if (hit) { seg.hits++; return hit; }
      seg.misses++;
      const words = jiebaSegmenter.cut(text);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(text, words);
      return words;
    },
  };
  return seg;
}
