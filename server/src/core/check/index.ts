/**
 * checkDocument: every check over one draft, in one pass each, with severities from the settings and
 * the document's own "ignore" directives applied. The same function serves the editor and the CLI.
 */
import { Code, defaultSeverity, Finding, fixAllEdits, applyEdits, Edit, Severity, SeveritySetting } from './findings';
import { maskText, paragraphs, lines, Format } from './mask';
import { checkHalfwidthPunctuation } from './punct';
import { checkBalance } from './balance';
import { checkFootnotes } from './footnotes';
import { checkDeprecated, checkVariants } from './terms';
import { checkAbbreviations, Expansion, wellKnownAbbreviations } from './abbreviations';
import { checkScript } from './script';
import { checkSpacing } from './spacing';
import type { TermsFile } from '../terms/termsFile';
import { parseStructure } from '../corpus/structure';

export { Code, applyEdits, fixAllEdits };
export type { Finding, Edit, Format };

export interface CheckOptions {
  format: Format;
  terms?: readonly TermsFile[];
  /** The expansion the corpus knows for an abbreviation (from the index), if any. */
  corpusAbbreviation?: (abbr: string) => Expansion | undefined;
  /** Stretches of the draft that repeat a corpus passage uncited (from the index), as findings. */
  overlaps?: (text: string) => Finding[];
  severity?: Partial<Record<string, SeveritySetting>>;
  cjkLatinSpacing?: boolean;
}

const DIRECTIVE = /<!--\s*policy-writer-disable\s+([a-z\- ,]+?)\s*-->|^\s*policy-writer-disable:\s*([a-z\- ,]+?)\s*$/gm;

/** Codes the document switches off for itself: `<!-- policy-writer-disable code … -->` (Markdown) or a `policy-writer-disable: code …` line. */
export function disabledCodes(text: string): Set<string> {
  const out = new Set<string>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) for (const c of (m[1] ?? m[2]).split(/[\s,]+/)) if (c) out.add(c);
  return out;
}

/** The edit that adds `code` to the document's ignore directive (creating it at the top). */
export function ignoreEdit(text: string, code: string, format: Format): Edit {
  DIRECTIVE.lastIndex = 0;
  const m = DIRECTIVE.exec(text);
  if (m) {
    const list = m[1] ?? m[2];
    const at = m.index + m[0].indexOf(list) + list.length;
    return { span: { start: at, end: at }, newText: ` ${code}` };
  }
  const fm = format === 'markdown' ? /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.exec(text) : null;
  const at = fm ? fm[0].length : 0;
  return { span: { start: at, end: at }, newText: format === 'markdown' ? `<!-- policy-writer-disable ${code} -->\n` : `policy-writer-disable: ${code}\n` };
}

export function checkDocument(text: string, opts: CheckOptions): Finding[] {
  const masked = maskText(text, opts.format);
  const terms = opts.terms ?? [];
  const paras = opts.format === 'markdown' ? paragraphs(masked) : lines(masked);
  const known = new Set<string>(wellKnownAbbreviations);
  for (const f of terms) for (const a of f.knownAbbreviations) known.add(a);
  const notes = parseStructure(text, opts.format).notes.map((n) => n.span);

  const all: Finding[] = [
    ...checkHalfwidthPunctuation(masked),
    ...checkBalance(masked, paras),
    ...checkFootnotes(text, opts.format),
    ...checkDeprecated(masked, terms),
    ...checkVariants(masked, terms),
    ...checkAbbreviations(masked, known, (a) => expansionFromTerms(terms, a) ?? opts.corpusAbbreviation?.(a), notes),
    ...checkScript(masked),
    ...(opts.cjkLatinSpacing ? checkSpacing(masked) : []),
    ...(opts.overlaps ? opts.overlaps(text) : []),
  ];
  const off = disabledCodes(text);
  const out: Finding[] = [];
  for (const f of all) {
    if (off.has(f.code)) continue;
    let sev: SeveritySetting = opts.severity?.[f.code] ?? defaultSeverity[f.code];
    if (f.code === Code.CjkLatinSpacing && opts.cjkLatinSpacing && sev === 'off') sev = 'information';
    if (sev === 'off') continue;
    out.push({ ...f, severity: sev as Severity });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** A terms file entry whose English form carries the abbreviation: "Regional Comprehensive Economic Partnership (RCEP)". */
function expansionFromTerms(terms: readonly TermsFile[], abbr: string): Expansion | undefined {
  for (const f of terms) for (const t of f.terms) {
    if (t.english && new RegExp(`\\(${abbr}\\)|（${abbr}）`).test(t.english)) return { expansion: t.term, lang: 'zh' };
    if (t.variants.includes(abbr)) return { expansion: t.term, lang: 'zh' };
  }
  return undefined;
}

/** Fixes every safe finding; returns the new text (the CLI's --fix and "Fix all" use the same edits). */
export function fixDocument(text: string, opts: CheckOptions): { text: string; edits: Edit[] } {
  const edits = fixAllEdits(checkDocument(text, opts));
  return { text: applyEdits(text, edits), edits };
}
