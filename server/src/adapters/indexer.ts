/**
 * Builds, persists and updates the corpus index. A cold build reads and segments files in worker threads
 * across cores; a warm start loads the snapshot and re-indexes only the files that changed; a change to a
 * file re-indexes that file alone. Every change ends in a new IndexState, swapped in whole.
 */
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { IndexedDocument, ILogger, Vocabulary } from '../core/model';
import { assembleCorpus, docsNeedingTokens } from '../core/index/corpus';
import { buildDocument, intern, newVocabulary, sketchPassages } from '../core/index/document';
import { findDuplicates } from '../core/index/minhash';
import { buildFeatures, featureBuilders, IndexState } from '../core/service';
import { standardFormulations } from '../core/text/lexicon';
import type { TermsFile } from '../core/terms/termsFile';
import type { IndexStatus, Settings } from '../shared/protocol';
import { CorpusFile, fingerprintOf, listCorpusFiles } from './files';
import { addWords, jiebaSegmenter } from './jieba';
import { indexText, markedTermsOf, readText } from './readDocument';
import { loadSnapshot, saveSnapshot } from './snapshot';
import type { ParsedFile, WorkerReply, WorkerRequest } from './indexWorker';
import { formatOf, parseStructure } from '../core/corpus/structure';
import { computeLineStarts } from '../core/text/chars';

export interface IndexerOptions {
  folders: string[];
  settings: Settings;
  terms: readonly TermsFile[];
  storagePath?: string;
  logger: ILogger;
  onStatus?(s: IndexStatus): void;
  onProgress?(message: string, percentage: number): void;
  /** Worker threads for a cold build; default: one less than the cores (at least 1, at most 8). 0 = main thread only. */
  workers?: number;
  /** Version of the code that built a snapshot: a different one means rebuild. */
  codeVersion?: string;
}

export interface IndexTimings { cacheHits?: number; cacheMisses?: number; listMs: number; readMs: number; cutMs: number; assembleMs: number; featuresMs: number; totalMs: number; workers: number; source: 'cold' | 'snapshot' }

interface Skipped { uri: string; fingerprint: string; reason: string }

export class CorpusIndexer {
  private current: IndexState | undefined;
  private docs = new Map<string, IndexedDocument>();
  private skipped = new Map<string, Skipped>();
  private vocab: Vocabulary = newVocabulary();
  private dictWords = new Set<string>();
  private mainDictLoaded = false;
  private queue: Promise<unknown> = Promise.resolve();
  lastTimings: IndexTimings | undefined;

  constructor(private opts: IndexerOptions) {}

  get state(): IndexState | undefined { return this.current; }

  /** Settings, terms and code version the persisted index depends on. */
  private key(): string {
    const versions = featureBuilders().map((b) => `${b.name}@${b.version}`).join(',');
    return JSON.stringify({ c: this.opts.codeVersion ?? '', inc: this.opts.settings.corpus, f: this.opts.folders, versions });
  }

  /** Serialises index work: a rebuild, an update and a start never interleave. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    const p = this.queue.then(work, work);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Loads the snapshot when it is valid (then brings it up to date), else builds cold. */
  start(): Promise<IndexState> {
    return this.run(async () => {
      if (this.opts.storagePath) {
        const t0 = Date.now();
        const r = loadSnapshot(this.opts.storagePath, this.key());
        if ('snapshot' in r) {
          const s = r.snapshot;
          this.vocab = { terms: s.vocab, ids: new Map(s.vocab.map((t, i) => [t, i])) };
          this.docs = new Map(s.docs.map((d) => [d.uri, d]));
          this.skipped = new Map(s.skipped.map((x) => [x.uri, x]));
          this.dictWords = new Set(s.dictWords);
          const files = this.list();
          const changed = files.filter((f) => {
            const fp = fingerprintOf(f);
            return (this.docs.get(f.uri)?.fingerprint ?? this.skipped.get(f.uri)?.fingerprint) !== fp;
          });
          const present = new Set(files.map((f) => f.uri));
          const deleted = [...this.docs.keys(), ...this.skipped.keys()].filter((u) => !present.has(u));
          this.opts.logger.log(`snapshot loaded in ${Date.now() - t0} ms: ${this.docs.size} documents; ${changed.length} changed, ${deleted.length} deleted`);
          const reuse = new Map(s.features.map((f) => [f.name, { version: f.version, data: f.data }]));
          if (!changed.length && !deleted.length) {
            return this.publish(t0, reuse, 'snapshot', false);
          }
          this.applyChanges(changed, deleted);
          return this.publish(t0, undefined, 'snapshot', true);
        }
        this.opts.logger.log(`index: ${r.reason}`);
      }
      return this.cold();
    });
  }

  rebuild(): Promise<IndexState> {
    return this.run(() => this.cold());
  }

  /** Re-indexes the given files (added or changed) and drops the deleted ones; paths are file system paths. */
  update(changedPaths: string[], deletedPaths: string[]): Promise<IndexState | undefined> {
    return this.run(async () => {
      if (!this.current) return undefined;
      const t0 = Date.now();
      const all = this.list();
      const wanted = new Set(changedPaths.map((p) => path.resolve(p)));
      const changed = all.filter((f) => wanted.has(path.resolve(f.path)) && (this.docs.get(f.uri)?.fingerprint !== fingerprintOf(f)));
      const present = new Set(all.map((f) => f.uri));
      const deleted = [...new Set(deletedPaths.map((p) => all.find((f) => path.resolve(f.path) === path.resolve(p))?.uri ?? require('url').pathToFileURL(p).toString()))].filter((u) => !present.has(u));
      if (!changed.length && !deleted.some((u) => this.docs.has(u) || this.skipped.has(u))) return this.current;
      this.applyChanges(changed, deleted);
      return this.publish(t0, undefined, 'snapshot', true);
    });
  }

  /** Re-reads the terms files' words into the dictionary and rebuilds what depends on terms. */
  setTerms(terms: readonly TermsFile[]): Promise<IndexState | undefined> {
    this.opts.terms = terms;
    return this.run(async () => (this.current ? this.publish(Date.now(), new Map([...this.current.features].map(([k, v]) => [k, { version: featureBuilders().find((b) => b.name === k)?.version ?? -1, data: v }])), 'snapshot', true, true) : undefined));
  }

  private list(): CorpusFile[] {
    const { include, exclude } = this.opts.settings.corpus;
    return listCorpusFiles(this.opts.folders, include, exclude, (m) => this.opts.logger.log(m));
  }

  private termWords(): string[] {
    const out: string[] = [];
    for (const f of this.opts.terms) for (const t of f.terms) out.push(t.term, ...t.variants);
    return out.filter((w) => /^[\u4e00-\u9fff]{2,16}$/.test(w));
  }

  private ensureMainDict() {
    if (!this.mainDictLoaded) { addWords(this.dictWords); this.mainDictLoaded = true; }
  }

  /** Incremental: re-reads changed files on this thread (one file is quick), drops deleted ones. */
  private applyChanges(changed: CorpusFile[], deleted: string[]) {
    for (const u of deleted) { this.docs.delete(u); this.skipped.delete(u); }
    if (!changed.length) return;
    this.ensureMainDict();
    const reads = changed.map((f) => ({ f, r: readText(f.path) }));
    const newWords: string[] = [];
    for (const { f, r } of reads) if (!r.skipped) for (const w of markedTermsOf(f.uri, r.text)) if (!this.dictWords.has(w)) { this.dictWords.add(w); newWords.push(w); }
    addWords(newWords);
    for (const { f, r } of reads) {
      this.docs.delete(f.uri); this.skipped.delete(f.uri);
      if (r.skipped) { this.skip(f, r.skipped, r.problems.map((p) => p.message)); continue; }
      this.docs.set(f.uri, indexText(f.uri, fingerprintOf(f), r, jiebaSegmenter, this.vocab));
    }
  }

  private skip(f: { uri: string; fingerprint?: string }, reason: string, problems: string[]) {
    this.skipped.set(f.uri, { uri: f.uri, fingerprint: f.fingerprint ?? '', reason });
    this.opts.logger.log(`${f.uri}: skipped (${reason})${problems.length ? ': ' + problems.join('; ') : ''}`);
  }

  private status(state: IndexStatus['state'], elapsedMs: number, message?: string): IndexStatus {
    const s = this.current;
    const count = (name: string) => {
      const b = featureBuilders().find((x) => x.name === name);
      const d = s?.features.get(name);
      return b?.count && d !== undefined ? b.count(d) : 0;
    };
    let passages = 0;
    if (s) for (const d of s.corpus.docs) for (const p of d.passages) if (p.duplicateOf === undefined) passages++;
    return { state, documents: s?.corpus.docs.length ?? 0, passages, terms: count('terms'), phrases: count('formulations'), references: count('references'), elapsedMs, message };
  }

  private async cold(): Promise<IndexState> {
    const t0 = Date.now();
    this.opts.onStatus?.(this.status('indexing', 0, 'listing files'));
    this.opts.onProgress?.('listing files', 0);
    // The main thread reads and parses meanwhile, so one core is left to it.
    const nWorkers = this.opts.workers ?? (Number(process.env.POLICY_WRITER_WORKERS) || Math.min(8, Math.max(1, os.cpus().length - 1)));
    // Workers start loading their dictionaries while the files are listed.
    const pool = nWorkers > 0 ? startWorkers(nWorkers, this.opts.logger) : [];
    const files = this.list();
    const listMs = Date.now() - t0;
    this.docs = new Map();
    this.skipped = new Map();
    this.vocab = newVocabulary();
    this.dictWords = new Set([...standardFormulations, ...this.termWords()]);
    this.mainDictLoaded = false;
    let readMs = 0, cutMs = 0, cacheHits = 0, cacheMisses = 0;
    let early: Map<string, { version: number; data: unknown }> | undefined;
    try {
      if (!pool.length) throw new Error('no workers');
      // This thread reads, decodes and parses while the workers load their dictionaries.
      const t1 = Date.now();
      const parsed: ParsedFile[] = [];
      let sinceYield = 0;
      for (const f of files) {
        // Let the message loop answer requests now and then: reading 20 MB takes most of a second.
        if ((sinceYield += f.size) > 1_000_000) { sinceYield = 0; await new Promise((r) => setImmediate(r)); }
        const read = readText(f.path);
        if (read.skipped) { this.skip({ uri: f.uri, fingerprint: fingerprintOf(f) }, read.skipped, read.problems.map((p) => p.message)); continue; }
        const structure = parseStructure(read.text, formatOf(f.uri));
        for (const t of structure.markedTerms) this.dictWords.add(t);
        parsed.push({ uri: f.uri, fingerprint: fingerprintOf(f), read, structure, plan: { sketches: sketchPassages(read.text, structure) } });
      }
      // Near-duplicates are found before segmenting, so that a repeated passage is never cut at all.
      parsed.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
      const allSketches: Uint32Array[] = [], lengths: number[] = [];
      for (const p of parsed) p.structure.passages.forEach((x, i) => { allSketches.push(p.plan!.sketches![i]); lengths.push(x.end - x.start); });
      const dup = findDuplicates(allSketches, lengths);
      let gi = 0;
      for (const p of parsed) {
        const skip = new Uint8Array(p.structure.passages.length);
        for (let i = 0; i < skip.length; i++, gi++) if (dup[gi] >= 0) skip[i] = 1;
        p.plan!.skip = skip;
      }
      readMs = Date.now() - t1;
      this.opts.onProgress?.('segmenting', 10);
      const total = parsed.reduce((a, f) => a + f.read.text.length, 0) || 1;
      // Largest first onto the least-loaded worker: shares of similar size.
      const shares: ParsedFile[][] = pool.map(() => []);
      const load = pool.map(() => 0);
      for (const f of [...parsed].sort((a, b) => b.read.text.length - a.read.text.length)) {
        let w = 0;
        for (let i = 1; i < load.length; i++) if (load[i] < load[w]) w = i;
        shares[w].push(f); load[w] += f.read.text.length;
      }
      const t2 = Date.now();
      const byUri = new Map(parsed.map((p) => [p.uri, p]));
      const words = [...this.dictWords];
      let doneChars = 0;
      const streams = Promise.all(pool.map((w, wi) => {
        const map: number[] = [];
        return w.stream({ type: 'index', files: shares[wi], words }, (msg) => {
          if (msg.type === 'done') { cacheHits += msg.cacheHits; cacheMisses += msg.cacheMisses; return; }
          if (msg.type !== 'docs') return;
          for (const t of msg.newTerms) map.push(intern(this.vocab, t));
          for (const d of msg.docs) {
            const mine = byUri.get(d.uri)!;
            d.text = mine.read.text;
            d.structure = mine.structure;
            d.lineStarts = computeLineStarts(d.text);
            const ids = d.tokens.ids;
            for (let i = 0; i < ids.length; i++) ids[i] = map[ids[i]];
            this.docs.set(d.uri, d);
            doneChars += d.text.length;
          }
          this.opts.onProgress?.(`segmenting: ${this.docs.size} of ${parsed.length} files`, 10 + Math.round((80 * doneChars) / total));
        });
      }));
      // While the workers segment, this thread builds what needs no tokens (the reference library, the overlap table).
      early = this.buildEarly(parsed);
      await streams;
      cutMs = Date.now() - t2;
    } catch (e) {
      if (pool.length) this.opts.logger.error(`indexing in workers failed (${(e as Error).message}); indexing on the main thread`);
      this.mainThreadBuild(files);
    } finally {
      for (const w of pool) w.terminate();
    }
    return this.publish(t0, early, 'cold', true, true, { listMs, readMs, cutMs, workers: pool.length, cacheHits, cacheMisses });
  }

  /** Builds the features that read no tokens from the parsed files, before any token exists. */
  private buildEarly(parsed: ParsedFile[]): Map<string, { version: number; data: unknown }> {
    const out = new Map<string, { version: number; data: unknown }>();
    const builders = featureBuilders().filter((b) => b.withoutTokens);
    if (!builders.length) return out;
    const empty = new Uint32Array(0);
    const docs: IndexedDocument[] = parsed.map((p) => ({
      uri: p.uri, fingerprint: p.fingerprint, encoding: p.read.encoding, problems: p.read.problems, text: p.read.text,
      lineStarts: [], structure: p.structure, tokens: { ids: empty, starts: empty, ends: empty },
      passages: p.structure.passages.map((x, i) => ({ ...x, id: i, tokenStart: 0, tokenEnd: 0, sketch: p.plan!.sketches![i] })),
    }));
    const corpus = assembleCorpus(docs, newVocabulary());
    const ctx = { segmenter: lazySegmenter(() => this.ensureMainDict()), terms: this.opts.terms, settings: this.opts.settings, logger: this.opts.logger };
    for (const b of builders) {
      try { out.set(b.name, { version: b.version, data: b.build(corpus, ctx) }); } catch (e) { this.opts.logger.error(`building ${b.name} failed: ${(e as Error).message}`); }
    }
    return out;
  }

  private mainThreadBuild(files: CorpusFile[]) {
    this.docs = new Map();
    this.vocab = newVocabulary();
    const reads = files.map((f) => ({ f, r: readText(f.path) }));
    for (const { f, r } of reads) if (!r.skipped) for (const w of markedTermsOf(f.uri, r.text)) this.dictWords.add(w);
    this.mainDictLoaded = false;
    this.ensureMainDict();
    for (const { f, r } of reads) {
      if (r.skipped) { this.skip({ uri: f.uri, fingerprint: fingerprintOf(f) }, r.skipped, r.problems.map((p) => p.message)); continue; }
      this.docs.set(f.uri, indexText(f.uri, fingerprintOf(f), r, jiebaSegmenter, this.vocab));
    }
  }

  private publish(t0: number, reuse: Map<string, { version: number; data: unknown }> | undefined, source: 'cold' | 'snapshot', save: boolean, termsChanged = true, timings?: Partial<IndexTimings>): IndexState {
    const ta = Date.now();
    this.opts.onProgress?.('assembling', 92);
    let corpus = assembleCorpus([...this.docs.values()], this.vocab);
    const orphans = docsNeedingTokens(corpus);
    if (orphans.length) {
      // A passage that repeated one now gone stands alone again: index its document afresh.
      this.ensureMainDict();
      for (const d of orphans) this.docs.set(d.uri, buildDocument(d.uri, d.text, d.fingerprint, jiebaSegmenter, this.vocab, d.encoding, d.problems, d.structure));
      corpus = assembleCorpus([...this.docs.values()], this.vocab);
    }
    const assembleMs = Date.now() - ta;
    const ctx = { segmenter: lazySegmenter(() => this.ensureMainDict()), terms: this.opts.terms, settings: this.opts.settings, logger: this.opts.logger };
    const tf = Date.now();
    const features = buildFeatures(corpus, ctx, reuse, termsChanged);
    const featuresMs = Date.now() - tf;
    this.current = { corpus, features, ctx };
    const totalMs = Date.now() - t0;
    this.lastTimings = { listMs: 0, readMs: 0, cutMs: 0, workers: 0, ...timings, assembleMs, featuresMs, totalMs, source };
    this.opts.onStatus?.(this.status('ready', totalMs));
    if (save && this.opts.storagePath) {
      // Written after "ready": the writer is not kept waiting for the disk.
      setImmediate(() => this.save());
    }
    return this.current;
  }

  /** Writes the snapshot now (tests and the CLI call this directly). */
  save(): void {
    if (!this.opts.storagePath || !this.current) return;
    try {
      const t0 = Date.now();
      const bytes = saveSnapshot(this.opts.storagePath, {
        key: this.key(),
        docs: this.current.corpus.docs,
        vocab: this.vocab.terms,
        dictWords: [...this.dictWords],
        features: featureBuilders().filter((b) => this.current!.features.has(b.name)).map((b) => ({ name: b.name, version: b.version, data: this.current!.features.get(b.name) })),
        skipped: [...this.skipped.values()],
      });
      this.opts.logger.log(`snapshot saved: ${(bytes / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms`);
    } catch (e) {
      this.opts.logger.error(`could not save the index snapshot: ${(e as Error).message}`);
    }
  }

  /** Current status (for a client that connects late or asks). */
  currentStatus(): IndexStatus {
    return this.status(this.current ? 'ready' : 'indexing', this.lastTimings?.totalMs ?? 0);
  }
}

/** The main thread's segmenter: nodejieba loaded on first use only (queries, incremental updates). */
function lazySegmenter(ensureDict: () => void) {
  return { cut(text: string) { ensureDict(); return jiebaSegmenter.cut(text); } };
}

interface PooledWorker {
  stream(msg: WorkerRequest, onMessage: (m: WorkerReply) => void): Promise<void>;
  terminate(): void;
}

function startWorkers(n: number, logger: ILogger): PooledWorker[] {
  const script = path.join(__dirname, 'indexWorker.js');
  return Array.from({ length: n }, () => {
    const w = new Worker(script);
    let listener: ((m: WorkerReply) => void) | undefined;
    let fail: ((e: Error) => void) | undefined;
    w.on('message', (m: WorkerReply) => { if (m.type === 'loaded') logger.log(`worker dictionary loaded in ${m.ms} ms`); else listener?.(m); });
    w.on('error', (e) => fail?.(e));
    w.on('exit', (code) => { if (code !== 0) fail?.(new Error(`worker exited with ${code}`)); });
    return {
      stream(msg, onMessage) {
        return new Promise((resolve, reject) => {
          fail = reject;
          listener = (m) => { onMessage(m); if (m.type === 'done') { listener = undefined; resolve(); } };
          w.postMessage(msg);
        });
      },
      terminate() { void w.terminate(); },
    };
  });
}
