/**
 * The team's terms files (YAML, format in the contract): preferred terms, their variants and deprecated
 * forms, definitions, English equivalents; plus optional `phrases` (formulations to offer),
 * `abbreviations` exempt from abbr-undefined, and `rules` switching shipped rules on or off.
 */
import { parseDocument, LineCounter } from 'yaml';
import type { Problem } from '../model';

export interface TermEntry {
  term: string;
  variants: string[];
  deprecated: string[];
  definition?: string;
  english?: string;
  note?: string;
  /** Line (0-based) of the entry in its file, for "open the source". */
  line: number;
}

export interface TermsFile {
  uri: string;
  terms: TermEntry[];
  /** Standard formulations the team wants offered in completion. */
  phrases: string[];
  /** Abbreviations that need no expansion (IMF, WTO …). */
  knownAbbreviations: string[];
  /** Shipped rule ids switched off (false) or on (true). */
  rules: Record<string, boolean>;
}

export interface ParsedTermsFile { value: TermsFile; problems: (Problem & { line: number })[] }

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String).filter((s) => s.trim() !== '') : typeof v === 'string' && v.trim() ? [v] : [];

/** Parses a terms file; never throws: a broken file yields what could be read and its problems with lines. */
export function parseTermsFile(text: string, uri: string): ParsedTermsFile {
  const value: TermsFile = { uri, terms: [], phrases: [], knownAbbreviations: [], rules: {} };
  const problems: ParsedTermsFile['problems'] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  for (const e of doc.errors) {
    const line = lc.linePos(e.pos[0]).line - 1;
    problems.push({ message: `${uri}:${line + 1}: ${e.message.split('\n')[0]}`, line, span: { start: e.pos[0], end: e.pos[1] } });
  }
  let root: unknown;
  try { root = doc.toJS(); } catch { root = undefined; }
  if (root == null) return { value, problems };
  if (typeof root !== 'object' || Array.isArray(root)) {
    problems.push({ message: `${uri}:1: expected a mapping with a "terms" list`, line: 0 });
    return { value, problems };
  }
  const r = root as Record<string, unknown>;
  const items = (doc.get('terms', true) as { items?: { range?: [number, number, number] }[] } | undefined)?.items ?? [];
  if (r.terms !== undefined && !Array.isArray(r.terms)) problems.push({ message: `${uri}: "terms" must be a list`, line: 0 });
  (Array.isArray(r.terms) ? r.terms : []).forEach((t: unknown, i: number) => {
    const line = items[i]?.range ? lc.linePos(items[i].range![0]).line - 1 : 0;
    if (!t || typeof t !== 'object' || typeof (t as any).term !== 'string' || !(t as any).term.trim()) {
      problems.push({ message: `${uri}:${line + 1}: a terms entry needs a "term"`, line });
      return;
    }
    const o = t as Record<string, unknown>;
    value.terms.push({
      term: String(o.term).trim(),
      variants: strings(o.variants),
      deprecated: strings(o.deprecated),
      definition: typeof o.definition === 'string' ? o.definition : undefined,
      english: typeof o.english === 'string' ? o.english : undefined,
      note: typeof o.note === 'string' ? o.note : undefined,
      line,
    });
  });
  value.phrases = strings(r.phrases);
  value.knownAbbreviations = strings(r.abbreviations ?? r.knownAbbreviations);
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [k, v] of Object.entries(r.rules)) if (typeof v === 'boolean') value.rules[k] = v;
  }
  return { value, problems };
}
