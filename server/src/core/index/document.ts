/**
 * One document, read into what the index keeps: structure, tokens (with ids from a vocabulary) and a
 * near-duplicate sketch per passage. This is the per-file unit the index replaces file by file.
 */
import type { DocumentStructure, IndexedDocument, IndexedPassage, ISegmenter, Problem, Vocabulary } from '../model';
import { computeLineStarts } from '../text/chars';
import { forEachToken } from '../text/tokens';
import { formatOf, parseStructure } from '../corpus/structure';
import { sketchOf } from './minhash';

export function newVocabulary(): Vocabulary {
  return { terms: [], ids: new Map() };
}

export function intern(vocab: Vocabulary, term: string): number {
  let id = vocab.ids.get(term);
  if (id === undefined) { id = vocab.terms.length; vocab.terms.push(term); vocab.ids.set(term, id); }
  return id;
}


class GrowableU32 {
  buf = new Uint32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.buf.length) { const b = new Uint32Array(this.buf.length * 2); b.set(this.buf); this.buf = b; }
    this.buf[this.length++] = v;
  }
  done(): Uint32Array { return this.buf.slice(0, this.length); }
}

/** Work already done for a document's passages: their sketches, and which ones need no tokens (duplicates). */
export interface PassagePlan { sketches?: Uint32Array[]; skip?: Uint8Array }

/** The sketches of a document's passages. */
export function sketchPassages(text: string, structure: DocumentStructure): Uint32Array[] {
  return structure.passages.map((p) => sketchOf(text, p.start, p.end));
}

/**
 * Reads one document's text into an IndexedDocument. Passage ids are local (0..n-1) until the corpus is
 * assembled. Only passages are tokenised (notes and code are not passages).
 */
export function buildDocument(uri: string, text: string, fingerprint: string, segmenter: ISegmenter, vocab: Vocabulary, encoding = 'utf-8', problems: Problem[] = [], structure: DocumentStructure = parseStructure(text, formatOf(uri)), plan?: PassagePlan): IndexedDocument {
  const ids = new GrowableU32(), starts = new GrowableU32(), ends = new GrowableU32();
  const passages: IndexedPassage[] = [];
  structure.passages.forEach((p, i) => {
    const tokenStart = ids.length;
    const skip = plan?.skip?.[i] === 1;
    if (!skip) forEachToken(text, segmenter, (t, s, e) => { ids.push(intern(vocab, t)); starts.push(s); ends.push(e); }, p.start, p.end);
    const passage: IndexedPassage = { ...p, id: i, tokenStart, tokenEnd: ids.length, sketch: plan?.sketches?.[i] ?? sketchOf(text, p.start, p.end) };
    if (skip) passage.tokensDropped = true;
    passages.push(passage);
  });
  return {
    uri, fingerprint, encoding, problems, text,
    lineStarts: computeLineStarts(text),
    structure,
    tokens: { ids: ids.done(), starts: starts.done(), ends: ends.done() },
    passages,
  };
}
