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
import { REFERENCES, ReferenceLibrary, searchReferences } from '../core/cite/library';
import { formatCitation } from '../core/cite/format';
import { Commands } from '../shared/protocol';
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

  connection.onCompletion(async (params): Promise<CompletionList | null> => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const text = doc.getText();
    const ls = computeLineStarts(text);
    const offset = offsetAt(ls, text.length, params.position);
    const lineStart = ls[params.position.line];
    const before = text.slice(lineStart, offset);

    // After [^ (Markdown) or @ : the draft's own notes, then the corpus's references, to cite.
    const noteRef = /\[\^([^\]\s]*)$/.exec(before) ?? /(?:^|[\s\u3000-\u303f\uff00-\uffef])@([^\s@]*)$/.exec(before);
    if (noteRef) {
      const typed = noteRef[0].replace(/^[\s\u3000-\u303f\uff00-\uffef]/, '');
      const range = { start: { line: params.position.line, character: params.position.character - typed.length }, end: params.position };
      const items: CompletionItem[] = [];
      if (typed.startsWith('[^') && formatOfDocument(doc) === 'markdown') {
        for (const n of noteLayout(text, 'markdown').notes) items.push({
          label: `[^${n.label}]`, kind: CompletionItemKind.Reference, detail: n.text.slice(0, 60), sortText: `0${n.label.padStart(4, '0')}`,
          documentation: { kind: MarkupKind.Markdown, value: n.text }, filterText: `[^${n.label}`, textEdit: { range, newText: `[^${n.label}]` },
        });
      }
      const lib = getFeature<ReferenceLibrary>(deps.state(), REFERENCES);
      if (lib) {
        const style = (await deps.settings(doc.uri)).citation.style;
        searchReferences(lib, noteRef[1], 30).forEach((it, i) => items.push({
          label: it.title,
          kind: CompletionItemKind.Reference,
          detail: formatCitation(it, style),
          sortText: `1${String(i).padStart(4, '0')}`,
          filterText: `${typed}${it.title}`,
          // The typed [^… goes; the command inserts the marker and the note, renumbering (one more undo step).
          textEdit: { range, newText: '' },
          command: { title: 'Insert citation', command: Commands.insertCitation, arguments: [{ uri: doc.uri, position: range.start, id: it.id }] },
        }));
      }
      return { isIncomplete: true, items };
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
