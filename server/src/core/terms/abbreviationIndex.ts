/** The corpus's abbreviations: every pair it writes, grouped by abbreviation, the commonest expansion first. */
import type { Corpus } from '../index/corpus';
import type { SourceLocation } from '../model';
import { findAbbreviationPairs } from './abbreviations';

export interface KnownAbbreviation {
  abbr: string;
  /** Expansions, most frequent first (Chinese before English at equal counts). */
  expansions: { expansion: string; lang: 'zh' | 'en'; count: number; source: SourceLocation }[];
}

export type AbbreviationIndex = Map<string, KnownAbbreviation>;

export function buildAbbreviationIndex(corpus: Corpus): AbbreviationIndex {
  const index: AbbreviationIndex = new Map();
  for (const doc of corpus.docs) {
    for (const p of doc.passages) {
      if (p.duplicateOf !== undefined) continue;
      const text = doc.text.slice(p.start, p.end);
      for (const pair of findAbbreviationPairs(text)) {
        let k = index.get(pair.abbr);
        if (!k) index.set(pair.abbr, (k = { abbr: pair.abbr, expansions: [] }));
        const e = k.expansions.find((x) => x.expansion === pair.expansion);
        if (e) e.count++;
        else k.expansions.push({ expansion: pair.expansion, lang: pair.lang, count: 1, source: { uri: doc.uri, span: { start: p.start + pair.span.start, end: p.start + pair.span.end } } });
      }
    }
  }
  for (const k of index.values()) k.expansions.sort((a, b) => b.count - a.count || (a.lang === b.lang ? 0 : a.lang === 'zh' ? -1 : 1));
  return index;
}

/** The expansion to suggest for an abbreviation: the commonest Chinese one, else the commonest. */
export function expansionOf(index: AbbreviationIndex | undefined, abbr: string): { expansion: string; lang: 'zh' | 'en' } | undefined {
  const k = index?.get(abbr);
  if (!k || !k.expansions.length) return undefined;
  const zh = k.expansions.find((e) => e.lang === 'zh');
  const e = zh ?? k.expansions[0];
  return { expansion: e.expansion, lang: e.lang };
}

