/** What a check reports: a Finding with its code, severity, exact span, message and fixes (exact text edits). */
import type { Span } from '../model';

export enum Code {
  AbbrUndefined = 'abbr-undefined',
  TermVariant = 'term-variant',
  TermDeprecated = 'term-deprecated',
  PunctHalfwidth = 'punct-halfwidth',
  QuoteUnbalanced = 'quote-unbalanced',
  BracketUnbalanced = 'bracket-unbalanced',
  FootnoteMissing = 'footnote-missing',
  FootnoteUnused = 'footnote-unused',
  FootnoteOrder = 'footnote-order',
  PassageOverlap = 'passage-overlap',
  /** Extension: traditional characters in a simplified-Chinese document (or the reverse). */
  ScriptMixed = 'script-mixed',
  /** Extension, off by default: spacing between CJK and Latin text used both ways in one document. */
  CjkLatinSpacing = 'cjk-latin-spacing',
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const defaultSeverity: Record<Code, SeveritySetting> = {
  [Code.AbbrUndefined]: 'warning',
  [Code.TermVariant]: 'warning',
  [Code.TermDeprecated]: 'warning',
  [Code.PunctHalfwidth]: 'warning',
  [Code.QuoteUnbalanced]: 'warning',
  [Code.BracketUnbalanced]: 'warning',
  [Code.FootnoteMissing]: 'error',
  [Code.FootnoteUnused]: 'warning',
  [Code.FootnoteOrder]: 'information',
  [Code.PassageOverlap]: 'information',
  [Code.ScriptMixed]: 'information',
  [Code.CjkLatinSpacing]: 'off',
};

export interface Edit { span: Span; newText: string }

export interface Fix {
  title: string;
  edits: Edit[];
  /** Unambiguous: applied by "fix all". */
  safe: boolean;
}

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** Where the finding points to elsewhere (the corpus passage a stretch repeats, say). */
  related?: { uri: string; span: Span; message: string }[];
}

export function finding(code: Code, span: Span, message: string, fixes: Fix[] = []): Finding {
  return { code, severity: defaultSeverity[code] === 'off' ? 'hint' : (defaultSeverity[code] as Severity), message, span, fixes };
}

/** Applies non-overlapping edits to a text (edits are sorted here; overlapping ones are the caller's bug). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

/**
 * The edits "fix all" applies: every safe fix, skipping any that would overlap one already taken, so
 * that nothing the writer did not ask to change moves.
 */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const taken: Edit[] = [];
  const overlaps = (a: Edit, b: Edit) => a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && a.span.end === a.span.start && b.span.end === b.span.start);
  for (const f of [...findings].sort((a, b) => a.span.start - b.span.start)) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.span.start - b.span.start);
}
