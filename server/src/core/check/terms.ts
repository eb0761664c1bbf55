/** term-deprecated (shipped rules and terms files' `deprecated`) and term-variant (terms files' `variants`). */
import { Code, finding, Finding } from './findings';
import { deprecatedRules } from './rules/deprecated';
import type { TermsFile } from '../terms/termsFile';
import type { Span } from '../model';

function occurrences(masked: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  for (let i = masked.indexOf(needle); i !== -1; i = masked.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

const inside = (s: Span, spans: readonly Span[]) => spans.some((t) => t.start <= s.start && s.end <= t.end);

export function checkDeprecated(masked: string, terms: readonly TermsFile[]): Finding[] {
  const out: Finding[] = [];
  const off = new Set<string>();
  for (const f of terms) for (const [id, on] of Object.entries(f.rules)) if (!on) off.add(id);
  for (const rule of deprecatedRules) {
    if (off.has(rule.id)) continue;
    const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const instead = rule.replace(m);
      out.push(finding(Code.TermDeprecated, span, `“${m[0]}”: write “${instead}” — ${rule.reason} (${rule.source}) [${rule.id}]`, [
        { title: `Replace with ${instead}`, edits: [{ span, newText: instead }], safe: true },
      ]));
    }
  }
  for (const f of terms) for (const t of f.terms) for (const d of t.deprecated) {
    for (const span of occurrences(masked, d)) {
      if (inside(span, occurrences(masked, t.term))) continue;
      out.push(finding(Code.TermDeprecated, span, `“${d}” is deprecated: write “${t.term}”${t.note ? ` — ${t.note}` : ''} (terms file)`, [
        { title: `Replace with ${t.term}`, edits: [{ span, newText: t.term }], safe: true },
      ]));
    }
  }
  return out;
}

/**
 * A term the terms files define, written in one of its variants: flagged, with the preferred form as
 * the fix. The message says how often the document uses each form.
 */
export function checkVariants(masked: string, terms: readonly TermsFile[]): Finding[] {
  const out: Finding[] = [];
  for (const f of terms) for (const t of f.terms) {
    if (!t.variants.length) continue;
    const preferred = occurrences(masked, t.term);
    for (const v of t.variants) {
      if (v === t.term) continue;
      const uses = occurrences(masked, v).filter((s) => !inside(s, preferred));
      for (const span of uses) {
        const count = preferred.length ? `; this document also writes “${t.term}” ${preferred.length} time(s)` : '';
        out.push(finding(Code.TermVariant, span, `“${v}” is a variant of “${t.term}”${count}`, [
          { title: `Replace with ${t.term}`, edits: [{ span, newText: t.term }], safe: true },
        ]));
      }
    }
  }
  return out;
}
