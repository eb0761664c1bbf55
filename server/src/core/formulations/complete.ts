/**
 * Completion of standard formulations: the longest suffix of the text before the cursor (at least two
 * characters) that begins a known phrase is replaced by the whole phrase. A sorted array answers a prefix
 * query by binary search, without scanning.
 */
import type { Corpus } from '../index/corpus';
import { registerFeature } from '../service';
import { mineFormulations, Formulation } from './mine';
import { standardFormulations } from '../text/lexicon';
import { deprecatedRules } from '../check/rules/deprecated';
import type { TermsFile } from '../terms/termsFile';
import { isCjkCode } from '../text/chars';

export interface FormulationIndex {
  /** Sorted by `key` (the text, lower-cased for Latin). */
  items: Formulation[];
  keys: string[];
  maxLength: number;
}

export function buildIndex(list: Formulation[]): FormulationIndex {
  const byKey = new Map<string, Formulation>();
  for (const f of list) {
    const key = f.text.toLowerCase();
    const o = byKey.get(key);
    if (!o) { byKey.set(key, f); continue; }
    // The richer record (frequency, example) stays; a team or shipped origin is kept for ranking.
    const origin = o.origin === 'team' || f.origin === 'team' ? 'team' : o.origin === 'shipped' || f.origin === 'shipped' ? 'shipped' : o.origin;
    byKey.set(key, { ...(f.frequency > o.frequency ? f : o), origin });
  }
  const keys = [...byKey.keys()].sort();
  return { items: keys.map((k) => byKey.get(k)!), keys, maxLength: keys.reduce((m, k) => Math.max(m, k.length), 0) };
}

/** The corpus's formulations plus the shipped list; deprecated ones are never kept. */
export function buildFormulationIndex(corpus: Corpus, extra: readonly string[] = []): FormulationIndex {
  const mined = mineFormulations(corpus);
  const shipped: Formulation[] = [...standardFormulations, ...extra].map((text) => ({ text, frequency: 0, origin: 'shipped' as const }));
  return buildIndex([...mined, ...shipped].filter((f) => !isDeprecated(f.text, [])));
}

export function isDeprecated(text: string, terms: readonly TermsFile[]): boolean {
  for (const r of deprecatedRules) { const re = new RegExp(r.pattern.source, r.pattern.flags.replace('g', '')); if (re.test(text)) return true; }
  for (const f of terms) for (const t of f.terms) for (const d of t.deprecated) if (text.includes(d)) return true;
  return false;
}

function lowerBound(keys: readonly string[], x: string): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Phrases beginning with `prefix` (lower-cased), at most `cap` of them, found by binary search. */
export function withPrefix(index: FormulationIndex, prefix: string, cap = 200): Formulation[] {
  const out: Formulation[] = [];
  for (let i = lowerBound(index.keys, prefix); i < index.keys.length && out.length < cap && index.keys[i].startsWith(prefix); i++) out.push(index.items[i]);
  return out;
}

export interface FormulationMatch { items: Formulation[]; /** Length of the typed text the phrase replaces. */ replace: number }

/**
 * What to offer for the text before the cursor: Chinese by the longest suffix (≥ 2 characters) that begins
 * a phrase; Latin by the words being typed. Phrases equal to what is typed are not offered.
 */
export function completeFormulation(indexes: readonly FormulationIndex[], before: string, terms: readonly TermsFile[] = [], limit = 20): FormulationMatch | undefined {
  const last = before.charCodeAt(before.length - 1);
  // 、 continues an enumeration being typed (和平赤字、).
  const cjk = isCjkCode(last) || last === 0x3001;
  const latin = /[A-Za-z]/.test(before[before.length - 1] ?? '');
  if (!cjk && !latin) return undefined;
  const max = Math.min(before.length, Math.max(...indexes.map((x) => x.maxLength), 2));
  for (let k = max; k >= 2; k--) {
    const suffix = before.slice(before.length - k);
    if (cjk && !isCjkCode(suffix.charCodeAt(0))) continue;
    // Latin: a suffix starts at a word boundary.
    if (latin && (!/^[A-Za-z]/.test(suffix) || /[A-Za-z]/.test(before[before.length - k - 1] ?? ''))) continue;
    const key = suffix.toLowerCase();
    const found = indexes.flatMap((ix) => withPrefix(ix, key)).filter((f) => f.text.toLowerCase() !== key && !isDeprecated(f.text, terms));
    if (!found.length) continue;
    const seen = new Set<string>();
    const unique = found.filter((f) => (seen.has(f.text) ? false : (seen.add(f.text), true)));
    unique.sort((a, b) => rank(b) - rank(a) || a.text.length - b.text.length);
    return { items: unique.slice(0, limit), replace: k };
  }
  return undefined;
}

/** The team's phrases first, then corpus frequency; the shipped list counts as seen a few times. */
function rank(f: Formulation): number {
  return (f.origin === 'team' ? 1000 : 0) + (f.origin === 'shipped' ? 3 : 0) + Math.log2(1 + f.frequency) * 2 + (f.origin === 'enumeration' || f.origin === 'quoted' ? 1 : 0);
}

export const FORMULATIONS = 'formulations';

registerFeature<FormulationIndex>({ name: FORMULATIONS, version: 1, build: (c) => buildFormulationIndex(c), count: (d) => d.items.length });
