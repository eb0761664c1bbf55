/** Reads one corpus file from disk and indexes it: the per-file step shared by workers and the main thread. */
import * as fs from 'fs';
import type { DocumentStructure, IndexedDocument, ISegmenter, Vocabulary } from '../core/model';
import { decodeBytes } from '../core/corpus/decode';
import { buildDocument, PassagePlan } from '../core/index/document';
import { formatOf, parseStructure } from '../core/corpus/structure';

export interface ReadResult { text: string; encoding: string; problems: { message: string }[]; skipped?: string }

export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try { bytes = fs.readFileSync(path); } catch (e) {
    return { text: '', encoding: 'none', problems: [{ message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }], skipped: 'unreadable' };
  }
  const d = decodeBytes(bytes);
  if (d.encoding === 'binary') return { text: '', encoding: d.encoding, problems: d.problems, skipped: 'binary' };
  return { text: d.text, encoding: d.encoding, problems: d.problems };
}

export function markedTermsOf(uri: string, text: string): string[] {
  return parseStructure(text, formatOf(uri)).markedTerms;
}

export function indexText(uri: string, fingerprint: string, r: ReadResult, segmenter: ISegmenter, vocab: Vocabulary, structure?: DocumentStructure, plan?: PassagePlan): IndexedDocument {
  return buildDocument(uri, r.text, fingerprint, segmenter, vocab, r.encoding, r.problems, structure, plan);
}
