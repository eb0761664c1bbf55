/**
 * textDocument/completion: standard formulations continuing the text before the cursor (replacing exactly
 * the typed part), and after `[^` the draft's own notes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItem, CompletionItemKind, CompletionList, Connection, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { ServerDeps } from './deps';
import { computeLineStarts, offsetAt } from '../core/text/chars';
import { getFeature } from '../core/service';
import { buildIndex, completeFormulation, FORMULATIONS, FormulationIndex } from '../core/formulations/complete';
import type { Formulation } from '../core/formulations/mine';
import { noteLayout } from '../core/notes/footnotes';
import { sourceLink } from '../core/terms/hover';
import { formatOfDocument } from './check';
import type { TermsFile } from '../core/terms/termsFile';

/** Single-line bodies of a VS Code snippets file (JSON with comments): the user's own phrasebook. */
export function phrasesFromSnippets(text: string): string[] {
  let json: unknown;
  try { json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')); } catch { return []; }
  const out: string[] = [];
  for (const v of Object.values((json ?? {}) as Record<string, { body?: unknown }>)) {
    const body = Array.isArray(v?.body) ? v.body.join('\n') : typeof v?.body === 'string' ? v.body : '';
    if (body && !body.includes('\n') && !/\$\{?\d/.test(body)) out.push(body.replace(/\$0$/, ''));
  }
  return out;
}

export function registerCompletion(connection: Connection, deps: ServerDeps): void {
  let teamCache: { terms: readonly TermsFile[]; snippets: string; index: FormulationIndex } | undefined;
  const teamIndex = (): FormulationIndex => {
    const terms = deps.terms();
    let snippets = '';
    for (const folder of deps.folders()) {
      const dir = path.join(folder, '.vscode');
      try { for (const f of fs.readdirSync(dir)) if (f.endsWith('.code-snippets')) snippets += fs.readFileSync(path.join(dir, f), 'utf8') + '\n\u0000'; } catch { /* no snippets folder */ }
    }
    if (teamCache && teamCache.terms === terms && teamCache.snippets === snippets) return teamCache.index;
    const phrases = [...terms.flatMap((t) => t.phrases), ...snippets.split('\u0000').flatMap(phrasesFromSnippets)];
    const index = buildIndex(phrases.map((text): Formulation => ({ text, frequency: 0, origin: 'team' })));
    teamCache = { terms, snippets, index };
    return index;
  };

  connection.onCompletion((params): CompletionList | null => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const text = doc.getText();
    const ls = computeLineStarts(text);
    const offset = offsetAt(ls, text.length, params.position);
    const lineStart = ls[params.position.line];
    const before = text.slice(lineStart, offset);

    // After [^ : the draft's own notes, to cite one again.
    const noteRef = /\[\^([^\]\s]*)$/.exec(before);
    if (noteRef && formatOfDocument(doc) === 'markdown') {
      const layout = noteLayout(text, 'markdown');
      const items: CompletionItem[] = layout.notes.map((n) => ({
        label: `[^${n.label}]`, kind: CompletionItemKind.Reference, detail: n.text.slice(0, 60),
        documentation: { kind: MarkupKind.Markdown, value: n.text },
        filterText: `[^${n.label}`,
        textEdit: { range: { start: { line: params.position.line, character: params.position.character - noteRef[0].length }, end: params.position }, newText: `[^${n.label}]` },
      }));
      return { isIncomplete: false, items };
    }

    const state = deps.state();
    const corpusIndex = getFeature<FormulationIndex>(state, FORMULATIONS);
    const indexes = [teamIndex(), ...(corpusIndex ? [corpusIndex] : [])];
    const m = completeFormulation(indexes, before, deps.terms());
    if (!m) return { isIncomplete: true, items: [] };
    const docs = state?.corpus.docs ?? [];
    const range = { start: { line: params.position.line, character: params.position.character - m.replace }, end: params.position };
    const items = m.items.map((f, i): CompletionItem => ({
      label: f.text,
      kind: CompletionItemKind.Value,
      detail: f.origin === 'team' ? 'team phrasebook' : f.frequency ? `formulation · ${f.frequency}× in the corpus` : 'standard formulation',
      documentation: f.example ? { kind: MarkupKind.Markdown, value: `> ${f.example.replace(/([\\`*_[\]])/g, '\\$1')}\n\n— ${f.source ? sourceLink(f.source, docs) : ''}` } : undefined,
      sortText: String(i).padStart(4, '0'),
      filterText: before.slice(before.length - m.replace) + f.text.slice(m.replace),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: f.text },
      data: { phrase: f.text },
    }));
    // The match changes with every character typed: ask again.
    return { isIncomplete: true, items };
  });
}
