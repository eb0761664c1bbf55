/**
 * A worker thread of the indexer: loads the segmenter's dictionary as soon as it starts (while the main
 * thread reads and parses the files), then adds the corpus's words and tokenises the documents it is
 * given, streaming them back in batches with the vocabulary entries it added since the last batch.
 */
import { parentPort } from 'worker_threads';
import type { DocumentStructure, IndexedDocument } from '../core/model';
import { newVocabulary, PassagePlan } from '../core/index/document';
import { addWords, cachingSegmenter, preloadSegmenter } from './jieba';
import { indexText, ReadResult } from './readDocument';

export interface ParsedFile { uri: string; fingerprint: string; read: ReadResult; structure: DocumentStructure; plan?: PassagePlan }

export type WorkerRequest = { type: 'index'; files: ParsedFile[]; words: string[] };

export type WorkerReply =
  | { type: 'loaded'; ms: number }
  | { type: 'docs'; docs: IndexedDocument[]; newTerms: string[] }
  | { type: 'done'; cacheHits: number; cacheMisses: number };

const port = parentPort!;
const t0 = Date.now();
preloadSegmenter();
port.postMessage({ type: 'loaded', ms: Date.now() - t0 } satisfies WorkerReply);

port.on('message', (msg: WorkerRequest) => {
  addWords(msg.words);
  const seg = cachingSegmenter();
  const vocab = newVocabulary();
  let sent = 0;
  let batch: IndexedDocument[] = [];
  let batchChars = 0;
  const flush = () => {
    const newTerms = vocab.terms.slice(sent);
    sent = vocab.terms.length;
    port.postMessage({ type: 'docs', docs: batch, newTerms } satisfies WorkerReply);
    batch = []; batchChars = 0;
  };
  for (const f of msg.files) {
    const doc = indexText(f.uri, f.fingerprint, f.read, seg, vocab, f.structure, f.plan);
    // The main thread has the text and structure already: send back only what is new.
    doc.text = '';
    doc.lineStarts = [];
    doc.structure = undefined as unknown as DocumentStructure;
    batch.push(doc);
    batchChars += f.read.text.length;
    if (batchChars > 400_000) flush();
  }
  if (batch.length) flush();
  port.postMessage({ type: 'done', cacheHits: seg.hits, cacheMisses: seg.misses } satisfies WorkerReply);
});
