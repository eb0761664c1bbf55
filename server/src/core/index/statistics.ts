/** Figures about the index, for the statistics view and `policy-writer index`. */
import type { IndexState } from '../service';
import { featureBuilders } from '../service';

export interface CorpusStatistics {
  documents: { uri: string; kind: string; encoding: string; chars: number; passages: number; duplicatePassages: number; articles: number; notes: number; problems: string[] }[];
  totals: { documents: number; chars: number; passages: number; duplicatePassages: number; articles: number; notes: number; tokens: number; vocabulary: number };
  features: { name: string; count: number }[];
}

export function corpusStatistics(state: IndexState): CorpusStatistics {
  const docs = state.corpus.docs.map((d) => ({
    uri: d.uri,
    kind: d.structure.kind,
    encoding: d.encoding,
    chars: d.text.length,
    passages: d.passages.length,
    duplicatePassages: d.passages.filter((p) => p.duplicateOf !== undefined).length,
    articles: d.structure.articles.length,
    notes: d.structure.notes.length,
    problems: d.problems.map((p) => p.message),
  }));
  const sum = (f: (x: (typeof docs)[number]) => number) => docs.reduce((a, x) => a + f(x), 0);
  return {
    documents: docs,
    totals: {
      documents: docs.length, chars: sum((d) => d.chars), passages: sum((d) => d.passages), duplicatePassages: sum((d) => d.duplicatePassages),
      articles: sum((d) => d.articles), notes: sum((d) => d.notes),
      tokens: state.corpus.docs.reduce((a, d) => a + d.tokens.ids.length, 0), vocabulary: state.corpus.vocab.terms.length,
    },
    features: featureBuilders().map((b) => ({ name: b.name, count: b.count && state.features.has(b.name) ? b.count(state.features.get(b.name)) : 0 })),
  };
}
