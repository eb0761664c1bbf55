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
  return {
    docs, vocab, passageDoc, passageIdx, duplicatePassages,
    passageAt(pid: number): { doc: IndexedDocument; passage: IndexedPassage } | undefined {
      if (pid < 0 || pid >= n) return undefined;
      const doc = docs[passageDoc[pid]];
      return { doc, passage: doc.passages[passageIdx[pid]] };
    },
  };
}
