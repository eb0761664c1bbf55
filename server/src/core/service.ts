/**
 * The façade over the corpus index: the server, the command line and the tests talk to this, never to
 * the feature modules' internals. It holds the assembled corpus and the data each feature derives from it.
 */
import type { ILogger, ISegmenter } from './model';
import type { Corpus } from './index/corpus';
import type { TermsFile } from './terms/termsFile';
import type { Settings } from '../shared/protocol';

/** What a feature builder may use besides the corpus. */
export interface BuildContext {
  segmenter: ISegmenter;
  terms: readonly TermsFile[];
  settings: Settings;
  logger: ILogger;
}

/**
 * A feature derives plain data (v8-serialisable: objects, arrays, Maps, typed arrays; no functions) from the
 * corpus once per index change; queries are free functions over that data. The data is persisted with the index.
 */
export interface FeatureBuilder<T = unknown> {
  name: string;
  /** Bump when the data's shape or the way it is built changes: a persisted copy of another version is rebuilt. */
  version: number;
  build(corpus: Corpus, ctx: BuildContext): T;
  /** Rough count shown in the status bar (terms, phrases, references), if any. */
  count?(data: T): number;
  /** Data that depend on the terms files are rebuilt (not taken from a snapshot) when these change. */
  dependsOnTerms?: boolean;
  /**
   * The builder reads no tokens (only texts, structures and sketches): a cold index builds it while the
   * workers are still segmenting.
   */
  withoutTokens?: boolean;
}

const builders: FeatureBuilder[] = [];

/** Features register themselves at module load (see features.ts); order is the build order. */
export function registerFeature<T>(b: FeatureBuilder<T>): void {
  const i = builders.findIndex((x) => x.name === b.name);
  if (i >= 0) builders[i] = b as FeatureBuilder; else builders.push(b as FeatureBuilder);
}

export function featureBuilders(): readonly FeatureBuilder[] {
  return builders;
}

/** The corpus and its derived data at one moment; replaced as a whole after every index change. */
export interface IndexState {
  corpus: Corpus;
  features: Map<string, unknown>;
  ctx: BuildContext;
}

export function buildFeatures(corpus: Corpus, ctx: BuildContext, reuse?: Map<string, { version: number; data: unknown }>, termsChanged = true): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const b of builders) {
    const old = reuse?.get(b.name);
    if (old && old.version === b.version && !(b.dependsOnTerms && termsChanged)) { out.set(b.name, old.data); continue; }
    const t0 = Date.now();
    try {
      out.set(b.name, b.build(corpus, ctx));
    } catch (e) {
      ctx.logger.error(`building ${b.name} failed: ${(e as Error).stack ?? e}`);
    }
    ctx.logger.log(`built ${b.name} in ${Date.now() - t0} ms`);
  }
  return out;
}

export function getFeature<T>(state: IndexState | undefined, name: string): T | undefined {
  return state?.features.get(name) as T | undefined;
}
