/** policyWriter/similarPassages: the corpus passages closest to a text, best first. */
import type { Connection } from 'vscode-languageserver';
import type { ServerDeps } from './deps';
import { Methods, SimilarPassagesParams, SimilarPassagesResult } from '../shared/protocol';
import { getFeature } from '../core/service';
import { findSimilar, SIMILAR, SimilarIndex } from '../core/similar/index';
import { toRange } from './convert';
import { articleReferenceId } from '../core/cite/library';

export function similarPassages(deps: Pick<ServerDeps, 'state'>, params: SimilarPassagesParams): SimilarPassagesResult {
  const state = deps.state();
  const index = getFeature<SimilarIndex>(state, SIMILAR);
  if (!state || !index || !params?.text?.trim()) return { passages: [] };
  const hits = findSimilar(index, state.corpus, state.ctx.segmenter, params.text, Math.min(50, Math.max(1, params.limit ?? 10)), params.uri);
  return {
    passages: hits.map((h) => {
      const { doc, passage } = state.corpus.passageAt(h.passageId)!;
      const article = passage.article >= 0 ? doc.structure.articles[passage.article] : undefined;
      return {
        uri: doc.uri,
        range: toRange(doc.lineStarts, passage),
        text: doc.text.slice(passage.start, passage.end),
        score: Math.round(h.score * 1000) / 1000,
        title: article?.title ?? decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1)),
        ...(article ? { referenceId: articleReferenceId(doc, passage.article) } : {}),
        shared: h.shared,
      };
    }),
  };
}

export function registerSimilar(connection: Connection, deps: ServerDeps): void {
  connection.onRequest(Methods.similarPassages, (params: SimilarPassagesParams) => similarPassages(deps, params));
}
