/** textDocument/hover: terms (Chinese inside running text, Latin abbreviations) and footnote markers. */
import type { Connection, Hover } from 'vscode-languageserver';
import type { ServerDeps } from './deps';
import { computeLineStarts, offsetAt, positionAt } from '../core/text/chars';
import { getFeature } from '../core/service';
import { TERMS, TermBase, termAt } from '../core/terms/termBase';
import { noteHoverMarkdown, teamIndex, termHoverMarkdown } from '../core/terms/hover';
import { noteLayout } from '../core/notes/footnotes';
import { formatOfDocument } from './check';
import { glossaryEntry } from '../core/terms/glossary';

export function hoverAt(text: string, offset: number, format: 'markdown' | 'text', deps: Pick<ServerDeps, 'state' | 'terms'>): { markdown: string; start: number; end: number } | undefined {
  // A footnote marker: show its note.
  const layout = noteLayout(text, format);
  const marker = layout.markers.find((m) => m.span.start <= offset && offset < m.span.end);
  if (marker) {
    const note = layout.notes.find((n) => n.label === marker.label);
    return note ? { markdown: noteHoverMarkdown(marker.label, note.text), start: marker.span.start, end: marker.span.end } : undefined;
  }
  const state = deps.state();
  const base = getFeature<TermBase>(state, TERMS);
  const team = teamIndex(deps.terms());
  if (!base && !team.size) return undefined;
  const empty: TermBase = { terms: new Map(), maxLength: 0, abbreviations: new Map() };
  const hit = termAt(base ?? empty, text, offset, new Set(team.keys()));
  if (!hit) return undefined;
  const markdown = termHoverMarkdown(hit.term, { base, terms: deps.terms(), docs: state?.corpus.docs ?? [] }, team);
  return markdown ? { markdown, start: hit.start, end: hit.end } : undefined;
}

export function registerHover(connection: Connection, deps: ServerDeps): void {
  connection.onHover((params): Hover | null => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const text = doc.getText();
    const ls = computeLineStarts(text);
    const r = hoverAt(text, offsetAt(ls, text.length, params.position), formatOfDocument(doc), deps);
    if (!r) return null;
    return { contents: { kind: 'markdown', value: r.markdown }, range: { start: positionAt(ls, r.start), end: positionAt(ls, r.end) } };
  });
}

/** policyWriter/glossaryEntry { term } → { yaml }: the entry "Add Term to Glossary" writes. */
export function registerGlossary(connection: Connection, deps: ServerDeps): void {
  connection.onRequest('policyWriter/glossaryEntry', (params: { term?: string }) => {
    const term = (params?.term ?? '').trim();
    if (!term) return null;
    return { yaml: glossaryEntry(term, getFeature<TermBase>(deps.state(), TERMS)) };
  });
}
