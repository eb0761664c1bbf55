/** abbr-undefined: a Latin abbreviation used before, or without, its expansion in the document. */
import { Code, finding, Finding } from './findings';
import { ABBR, findAbbreviationPairs, isAbbreviation } from '../terms/abbreviations';
import { isCjkCode } from '../text/chars';
import type { Span } from '../model';

/** Abbreviations every reader knows; terms files add their own (`abbreviations: [...]`). */
export const wellKnownAbbreviations: readonly string[] = ['GDP', 'GNP', 'CPI', 'AI', 'IT', 'CEO', 'PDF', 'URL', 'UN', 'US', 'USA', 'UK', 'EU', 'OK'];

export interface Expansion { expansion: string; lang: 'zh' | 'en' }

export function checkAbbreviations(masked: string, known: ReadonlySet<string>, expansionOf: (abbr: string) => Expansion | undefined, skip: readonly Span[] = []): Finding[] {
  const defined = new Map<string, number>();
  const definitionSpans = new Set<number>();
  for (const p of findAbbreviationPairs(masked)) {
    if (!defined.has(p.abbr)) defined.set(p.abbr, p.abbrSpan.start);
    definitionSpans.add(p.abbrSpan.start);
  }
  const out: Finding[] = [];
  const flagged = new Set<string>();
  ABBR.lastIndex = 0;
  for (let m = ABBR.exec(masked); m; m = ABBR.exec(masked)) {
    const abbr = m[0];
    if (!isAbbreviation(abbr)) continue;
    // NGOs is NGO in the plural.
    const base = /^[A-Z0-9&]+s$/.test(abbr) && isAbbreviation(abbr.slice(0, -1)) ? abbr.slice(0, -1) : abbr;
    if (known.has(base) || flagged.has(base)) continue;
    const at = m.index;
    if (skip.some((s) => s.start <= at && at < s.end)) continue;
    const def = defined.get(base);
    if (def !== undefined && def <= at) { flagged.add(base); continue; } // defined here or before: fine from now on
    if (definitionSpans.has(at)) continue;
    flagged.add(base);
    const span = { start: at, end: at + base.length };
    const exp = expansionOf(base);
    const fixes = [];
    if (exp) {
      const chineseContext = isCjkCode(masked.charCodeAt(at - 1)) || isCjkCode(masked.charCodeAt(span.end)) || exp.lang === 'zh';
      const newText = chineseContext ? `${exp.lang === 'zh' ? exp.expansion : exp.expansion + ' '}（${base}）`.replace(' （', '（') : `${exp.expansion} (${base})`;
      fixes.push({ title: `Write the expansion: ${newText}`, edits: [{ span, newText }], safe: true });
    }
    const where = def !== undefined ? 'before its expansion (given later in the document)' : 'without its expansion';
    out.push(finding(Code.AbbrUndefined, span, `${base} is used ${where}${exp ? `; the corpus expands it as “${exp.expansion}”` : ''}`, fixes));
  }
  return out;
}
