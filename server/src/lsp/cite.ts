/**
 * Citations over LSP: policyWriter/references, policyWriter/formatCitation, and the commands
 * policyWriter.insertCitation and policyWriter.renumberFootnotes (each one workspace/applyEdit: one undo step).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection, TextEdit } from 'vscode-languageserver';
import { parseBibliography } from '../core/cite/bibliography';
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

/** Bibliography files by path, re-read when their modification time changes. */
const bibCache = new Map<string, { mtimeMs: number; items: CslItem[] }>();

async function bibliography(deps: ServerDeps, connection?: Connection): Promise<CslItem[]> {
  const settings = await deps.settings();
  const out: CslItem[] = [];
  for (const rel of settings.bibliography) {
    for (const folder of deps.folders().length ? deps.folders() : [process.cwd()]) {
      const file = path.resolve(folder, rel);
      let st: fs.Stats;
      try { st = fs.statSync(file); } catch { continue; }
      let cached = bibCache.get(file);
      if (!cached || cached.mtimeMs !== st.mtimeMs) {
        const parsed = parseBibliography(fs.readFileSync(file, 'utf8'), pathToFileURL(file).toString());
        for (const p of parsed.problems) {
          deps.logger.error(`${file}:${p.line}: ${p.message}`);
          void connection?.window.showWarningMessage(`Policy Writer: ${path.basename(file)}:${p.line}: ${p.message}`);
        }
        cached = { mtimeMs: st.mtimeMs, items: parsed.items };
        bibCache.set(file, cached);
      }
      out.push(...cached.items);
    }
  }
  return out;
}

/** The corpus's library with the bibliography files' items merged in (same id: one item, all sources). */
async function library(deps: ServerDeps, connection?: Connection): Promise<ReferenceLibrary | undefined> {
  const lib = getFeature<ReferenceLibrary>(deps.state(), REFERENCES);
  const bib = await bibliography(deps, connection);
  if (!bib.length) return lib;
  const items = new Map(lib?.items ?? []);
  for (const it of bib) {
    const old = items.get(it.id);
    items.set(it.id, old ? { ...old, source: [...old.source, ...it.source] } : it);
  }
  return { items, notes: lib?.notes ?? [] };
}

/** An item as the contract gives it: CSL-JSON with `source: [{ uri, range }]`. */
function withRanges(item: CslItem, deps: ServerDeps) {
  const docs = deps.state()?.corpus.docs ?? [];
  const lineStartsOf = (uri: string) => {
    const d = docs.find((x) => x.uri === uri);
    if (d) return d.lineStarts;
    // A bibliography file: its own lines.
    try { return computeLineStarts(fs.readFileSync(fileURLToPath(uri), 'utf8')); } catch { return [0]; }
  };
  return { ...item, source: item.source.map((s) => ({ uri: s.uri, range: toRange(lineStartsOf(s.uri), s.span) })) };
}

function toTextEdits(text: string, edits: Edit[]): TextEdit[] {
  const ls = computeLineStarts(text);
  return edits.map((e) => ({ range: toRange(ls, e.span), newText: e.newText }));
}

export function registerCitations(connection: Connection, deps: ServerDeps): void {
  connection.onRequest(Methods.references, async (params: { query?: string; limit?: number }) => {
    const lib = await library(deps, connection);
    return { items: lib ? searchReferences(lib, params?.query ?? '', Math.min(500, params?.limit ?? 50)).map((i) => withRanges(i, deps)) : [] };
  });
  connection.onRequest(Methods.formatCitation, async (params: { id: string; style?: CitationStyle; locator?: string }) => {
    const item = (await library(deps, connection))?.items.get(params?.id);
    if (!item) return null;
    const style = STYLES.includes(params.style as CitationStyle) ? params.style! : (await deps.settings()).citation.style;
    return { text: formatCitation(item, style, params.locator || undefined) };
  });
}

export async function insertCitation(args: unknown[], deps: ServerDeps, connection: Connection): Promise<unknown> {
  const a = (args[0] ?? {}) as { uri?: string; position?: { line: number; character: number }; id?: string; style?: CitationStyle; locator?: string };
  const doc = a.uri ? deps.documents.get(a.uri) : undefined;
  const item = a.id ? (await library(deps, connection))?.items.get(a.id) : undefined;
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
