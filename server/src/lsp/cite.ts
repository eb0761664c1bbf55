/**
 * Citations over LSP: policyWriter/references, policyWriter/formatCitation, and the commands
 * policyWriter.insertCitation and policyWriter.renumberFootnotes (each one workspace/applyEdit: one undo step).
 */
import type { Connection, TextEdit } from 'vscode-languageserver';
import type { ServerDeps } from './deps';
import { Methods, CitationStyle } from '../shared/protocol';
import { getFeature } from '../core/service';
import { REFERENCES, ReferenceLibrary, searchReferences } from '../core/cite/library';
import { formatCitation } from '../core/cite/format';
import type { CslItem } from '../core/cite/csl';
import { insertNoteEdits, renumberEdits } from '../core/notes/footnotes';
import type { Edit } from '../core/check/findings';
import { computeLineStarts, offsetAt } from '../core/text/chars';
import { toRange } from './convert';
import { formatOfDocument } from './check';

const STYLES: CitationStyle[] = ['house', 'gb7714', 'chicago', 'apa'];

function library(deps: ServerDeps): ReferenceLibrary | undefined {
  return getFeature<ReferenceLibrary>(deps.state(), REFERENCES);
}

/** An item as the contract gives it: CSL-JSON with `source: [{ uri, range }]`. */
function withRanges(item: CslItem, deps: ServerDeps) {
  const docs = deps.state()?.corpus.docs ?? [];
  return { ...item, source: item.source.map((s) => { const d = docs.find((x) => x.uri === s.uri); return { uri: s.uri, range: d ? toRange(d.lineStarts, s.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }; }) };
}

function toTextEdits(text: string, edits: Edit[]): TextEdit[] {
  const ls = computeLineStarts(text);
  return edits.map((e) => ({ range: toRange(ls, e.span), newText: e.newText }));
}

export function registerCitations(connection: Connection, deps: ServerDeps): void {
  connection.onRequest(Methods.references, (params: { query?: string; limit?: number }) => {
    const lib = library(deps);
    return { items: lib ? searchReferences(lib, params?.query ?? '', Math.min(500, params?.limit ?? 50)).map((i) => withRanges(i, deps)) : [] };
  });
  connection.onRequest(Methods.formatCitation, async (params: { id: string; style?: CitationStyle; locator?: string }) => {
    const item = library(deps)?.items.get(params?.id);
    if (!item) return null;
    const style = STYLES.includes(params.style as CitationStyle) ? params.style! : (await deps.settings()).citation.style;
    return { text: formatCitation(item, style, params.locator || undefined) };
  });
}

export async function insertCitation(args: unknown[], deps: ServerDeps, connection: Connection): Promise<unknown> {
  const a = (args[0] ?? {}) as { uri?: string; position?: { line: number; character: number }; id?: string; style?: CitationStyle; locator?: string };
  const doc = a.uri ? deps.documents.get(a.uri) : undefined;
  const item = a.id ? library(deps)?.items.get(a.id) : undefined;
  if (!doc || !item || !a.position) return { applied: false, reason: !doc ? 'document not open' : !item ? `unknown reference ${a.id}` : 'no position' };
  const style = a.style && STYLES.includes(a.style) ? a.style : (await deps.settings(doc.uri)).citation.style;
  const text = doc.getText();
  const offset = offsetAt(computeLineStarts(text), text.length, a.position);
  const { edits, label } = insertNoteEdits(text, formatOfDocument(doc), offset, formatCitation(item, style, a.locator || undefined));
  const r = await connection.workspace.applyEdit({ label: 'Insert citation', edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(text, edits) }] } });
  return { applied: r.applied, label };
}

export async function renumberFootnotes(args: unknown[], deps: ServerDeps, connection: Connection): Promise<unknown> {
  const a = (args[0] ?? {}) as { uri?: string };
  const doc = a.uri ? deps.documents.get(a.uri) : undefined;
  if (!doc) return { applied: false };
  const text = doc.getText();
  const edits = renumberEdits(text, formatOfDocument(doc));
  if (!edits.length) return { applied: true, changed: 0 };
  const r = await connection.workspace.applyEdit({ label: 'Renumber footnotes', edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(text, edits) }] } });
  return { applied: r.applied, changed: edits.length };
}
