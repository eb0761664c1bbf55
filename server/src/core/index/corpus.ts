/**
 * Assembles indexed documents into the CorpusView every feature reads: global passage ids, and
 * near-duplicate passages marked (the later copy points at the first).
 */
import type { CorpusView, IndexedDocument, IndexedPassage, Vocabulary } from '../model';
import { findDuplicates } from './minhash';

export interface Corpus extends CorpusView {
  docs: IndexedDocument[];
  /** Passage id → (document index << 0, passage index) pairs, flattened. */
  passageDoc: Uint32Array;
  passageIdx: Uint32Array;
  duplicatePassages: number;
}

/**
 * Drops the tokens of a document's duplicate passages: the passage they repeat stands for them, and
 * on a repetitive corpus these are most of the tokens.
 */
export function dropDuplicateTokens(d: IndexedDocument): void {
  if (!d.passages.some((p) => p.duplicateOf !== undefined && p.tokenEnd > p.tokenStart)) return;
  let keep = 0;
  for (const p of d.passages) if (p.duplicateOf === undefined) keep += p.tokenEnd - p.tokenStart;
  const ids = new Uint32Array(keep), starts = new Uint32Array(keep), ends = new Uint32Array(keep);
  let k = 0;
  for (const p of d.passages) {
    const from = p.tokenStart, to = p.tokenEnd;
    p.tokenStart = k;
    if (p.duplicateOf === undefined) {
      ids.set(d.tokens.ids.subarray(from, to), k); starts.set(d.tokens.starts.subarray(from, to), k); ends.set(d.tokens.ends.subarray(from, to), k);
      k += to - from;
    } else if (to > from) p.tokensDropped = true;
    p.tokenEnd = k;
  }
  d.tokens = { ids, starts, ends };
}

/** Documents holding a passage that lost its tokens as a duplicate but is no longer one: to re-index. */
export function docsNeedingTokens(corpus: Corpus): IndexedDocument[] {
  return corpus.docs.filter((d) => d.passages.some((p) => p.tokensDropped && p.duplicateOf === undefined));
}

/** Orders documents by uri (stable ids), numbers passages globally, marks near-duplicates. */
export function assembleCorpus(docs: IndexedDocument[], vocab: Vocabulary): Corpus {
  docs.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  let n = 0;
  for (const d of docs) n += d.passages.length;
  const passageDoc = new Uint32Array(n), passageIdx = new Uint32Array(n);
  const sketches: Uint32Array[] = new Array(n);
  const lengths: number[] = new Array(n);
  let id = 0;
  docs.forEach((d, di) => d.passages.forEach((p, pi) => {
    p.id = id; passageDoc[id] = di; passageIdx[id] = pi;
    sketches[id] = p.sketch; lengths[id] = p.end - p.start;
    p.duplicateOf = undefined;
    id++;
  }));
  const dup = findDuplicates(sketches, lengths);
  let duplicatePassages = 0;
  for (let i = 0; i < n; i++) if (dup[i] >= 0) { docs[passageDoc[i]].passages[passageIdx[i]].duplicateOf = dup[i]; duplicatePassages++; }
  for (const d of docs) dropDuplicateTokens(d);
  return {
    docs, vocab, passageDoc, passageIdx, duplicatePassages,
    passageAt(pid: number): { doc: IndexedDocument; passage: IndexedPassage } | undefined {
      if (pid < 0 || pid >= n) return undefined;
      const doc = docs[passageDoc[pid]];
      return { doc, passage: doc.passages[passageIdx[pid]] };
    },
  };
}
