/**
 * Checks over LSP: diagnostics for open drafts on open and save (and while typing when `check.on` is
 * `type`, debounced), quick fixes, "Ignore in this document", "Add to terms file", and
 * `source.fixAll.policyWriter`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeAction, CodeActionKind, Connection, Diagnostic, DiagnosticSeverity, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listCorpusFiles } from '../adapters/files';
import type { ServerDeps } from './deps';
import { checkDocument, fixAllEdits, ignoreEdit, Finding, Edit } from '../core/check';
import { Code } from '../core/check/findings';
import { computeLineStarts, positionAt } from '../core/text/chars';
import { expansionOf } from '../core/terms/abbreviationIndex';
import { TERMS, TermBase } from '../core/terms/termBase';
import { findOverlaps, OVERLAP, OverlapIndex } from '../core/similar/overlap';
import { getFeature } from '../core/service';
import { Commands, type Settings } from '../shared/protocol';
import { articleReferenceId } from '../core/cite/library';

export const FIX_ALL_KIND = 'source.fixAll.policyWriter';
export const ADD_TO_TERMS_FILE = 'policyWriter.addToTermsFile';

const SEVERITY: Record<string, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

export function formatOfDocument(doc: TextDocument): 'markdown' | 'text' {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) ? 'markdown' : 'text';
}

/** Runs every check on a draft with what the index knows. */
export function findingsFor(doc: TextDocument, deps: ServerDeps, settings: Settings): Finding[] {
  const state = deps.state();
  const abbr = getFeature<TermBase>(state, TERMS)?.abbreviations;
  const overlap = getFeature<OverlapIndex>(state, OVERLAP);
  return checkDocument(doc.getText(), {
    format: formatOfDocument(doc),
    terms: deps.terms(),
    corpusAbbreviation: (a) => expansionOf(abbr, a),
    overlaps: state && overlap ? (text) => findOverlaps(overlap, state.corpus, text, doc.uri) : undefined,
    severity: settings.check.severity,
    cjkLatinSpacing: settings.check.cjkLatinSpacing,
  });
}

function toTextEdits(lineStarts: number[], edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: positionAt(lineStarts, e.span.start), end: positionAt(lineStarts, e.span.end) }, newText: e.newText }));
}

export function findingToDiagnostic(f: Finding, lineStarts: number[], deps: ServerDeps): Diagnostic {
  const d: Diagnostic = {
    range: { start: positionAt(lineStarts, f.span.start), end: positionAt(lineStarts, f.span.end) },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'policy-writer',
    message: f.message,
    data: { fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: toTextEdits(lineStarts, x.edits) })) },
  };
  if (f.related?.length) {
    const docs = deps.state()?.corpus.docs;
    d.relatedInformation = f.related.flatMap((r) => {
      const src = docs?.find((x) => x.uri === r.uri);
      return src ? [{ location: { uri: r.uri, range: { start: positionAt(src.lineStarts, r.span.start), end: positionAt(src.lineStarts, r.span.end) } }, message: r.message }] : [];
    });
  }
  return d;
}

export function registerChecks(connection: Connection, deps: ServerDeps): void {
  const timers = new Map<string, NodeJS.Timeout>();

  const validate = async (doc: TextDocument) => {
    try {
      const settings = await deps.settings(doc.uri);
      const lineStarts = computeLineStarts(doc.getText());
      const diagnostics = findingsFor(doc, deps, settings).map((f) => findingToDiagnostic(f, lineStarts, deps));
      // The document may have changed while we checked: publish only for the version we saw.
      if (deps.documents.get(doc.uri)?.version !== doc.version) return;
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    } catch (e) {
      deps.logger.error(`checking ${doc.uri} failed: ${(e as Error).stack ?? e}`);
      await connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    }
  };

  deps.documents.onDidOpen((e) => void validate(e.document));
  deps.documents.onDidSave((e) => void validate(e.document));
  deps.documents.onDidChangeContent(async (e) => {
    const settings = await deps.settings(e.document.uri);
    if (settings.check.on !== 'type') return;
    clearTimeout(timers.get(e.document.uri));
    timers.set(e.document.uri, setTimeout(() => { timers.delete(e.document.uri); const d = deps.documents.get(e.document.uri); if (d) void validate(d); }, 200));
  });
  deps.documents.onDidClose((e) => { clearTimeout(timers.get(e.document.uri)); void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }); });
  // What the corpus knows (abbreviations, passages) changed: check the open drafts again.
  deps.onIndexChanged(() => { for (const d of deps.documents.all()) void validate(d); });

  connection.onCodeAction(async (params) => {
    const doc = deps.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        if (d.source !== 'policy-writer') continue;
        const fixes = (d.data as { fixes?: { title: string; safe: boolean; edits: TextEdit[] }[] } | undefined)?.fixes ?? [];
        fixes.forEach((fx, i) => actions.push({ title: fx.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fx.safe, edit: { changes: { [doc.uri]: fx.edits } } }));
        const text = doc.getText();
        const ig = ignoreEdit(text, String(d.code), formatOfDocument(doc));
        actions.push({ title: `Ignore ${d.code} in this document`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: toTextEdits(computeLineStarts(text), [ig]) } } });
        if (d.code === Code.PassageOverlap && d.relatedInformation?.length) {
          // Cite the article the passage belongs to, at the end of the paragraph.
          const src = d.relatedInformation[0].location;
          const state = deps.state();
          const sdoc = state?.corpus.docs.find((x) => x.uri === src.uri);
          const startOff = sdoc ? sdoc.lineStarts[src.range.start.line] + src.range.start.character : -1;
          const passage = sdoc?.passages.find((p) => p.start === startOff);
          const id = sdoc && passage && passage.article >= 0 ? articleReferenceId(sdoc, passage.article) : undefined;
          if (id) actions.push({ title: 'Insert a citation of the source', kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, command: { title: 'Insert citation', command: Commands.insertCitation, arguments: [{ uri: doc.uri, position: d.range.end, id }] } });
        }
        if (d.code === Code.AbbrUndefined || d.code === Code.TermVariant) {
          const word = doc.getText(d.range);
          actions.push({ title: d.code === Code.AbbrUndefined ? `Add ${word} to the terms file's known abbreviations` : `Add ${word} to the terms file`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: 'Add to terms file', command: ADD_TO_TERMS_FILE, arguments: [{ uri: doc.uri, code: d.code, text: word }] } });
        }
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const settings = await deps.settings(doc.uri);
      const text = doc.getText();
      const edits = fixAllEdits(findingsFor(doc, deps, settings));
      if (edits.length) {
        actions.push({ title: 'Fix all Policy Writer problems in this document', kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: toTextEdits(computeLineStarts(text), edits) } } });
      }
    }
    return actions;
  });
}

/** The YAML a terms file gets for "Add to terms file" (appended, never rewriting what is there). */
export function termsFileAddition(existing: string, code: string, text: string): string {
  const sep = existing && !existing.endsWith('\n') ? '\n' : '';
  if (code === Code.AbbrUndefined) {
    if (/^abbreviations:\s*\[/m.test(existing)) return existing.replace(/^abbreviations:\s*\[([^\]]*)\]/m, (_m, list: string) => `abbreviations: [${list.trim() ? list.trim() + ', ' : ''}${text}]`);
    if (/^abbreviations:\s*$/m.test(existing)) return existing.replace(/^abbreviations:\s*$/m, `abbreviations:\n  - ${text}`);
    return `${existing}${sep}abbreviations: [${text}]\n`;
  }
  const entry = `  - term: ${text}\n`;
  if (/^terms:\s*$/m.test(existing)) return existing.replace(/^terms:\s*$/m, `terms:\n${entry.trimEnd()}`);
  return `${existing}${sep}terms:\n${entry}`;
}

/** The command behind "Add to terms file": edits (or creates) the first terms file through the client. */
export async function addToTermsFile(args: unknown[], deps: ServerDeps, connection: Connection): Promise<unknown> {
  const a = (args[0] ?? {}) as { uri?: string; code?: string; text?: string };
  if (!a.text || !a.code) return null;
  const settings = await deps.settings(a.uri);
  const folder = deps.folders()[0] ?? (a.uri ? path.dirname(fileURLToPath(a.uri)) : process.cwd());
  const file = path.resolve(folder, settings.terms.files[0] ?? '.policy-writer/terms.yaml');
  const uri = pathToFileURL(file).toString();
  const exists = fs.existsSync(file);
  const before = exists ? fs.readFileSync(file, 'utf8') : '';
  const after = termsFileAddition(before, a.code, a.text);
  const lines = computeLineStarts(before);
  const edit: WorkspaceEdit = {
    documentChanges: [
      ...(exists ? [] : [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]),
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: positionAt(lines, before.length) }, newText: after }] },
    ],
  };
  const r = await connection.workspace.applyEdit({ label: 'Add to terms file', edit });
  return { applied: r.applied, file };
}

/**
 * "Check Workspace": every Markdown and text file of the workspace folders (the corpus globs' exclusions
 * apply) is checked and its findings published, so the Problems panel lists them all.
 */
export async function checkWorkspace(_args: unknown[], deps: ServerDeps, connection: Connection): Promise<{ files: number; findings: number }> {
  const settings = await deps.settings();
  const files = listCorpusFiles(deps.folders(), ['**/*.{md,markdown,txt}'], settings.corpus.exclude, (m) => deps.logger.log(m));
  let findings = 0;
  for (const f of files) {
    const open = deps.documents.get(f.uri);
    let doc = open;
    if (!doc) {
      let text: string;
      try { text = fs.readFileSync(f.path, 'utf8'); } catch { continue; }
      doc = TextDocument.create(f.uri, /\.(md|markdown)$/i.test(f.path) ? 'markdown' : 'plaintext', 0, text);
    }
    const lineStarts = computeLineStarts(doc.getText());
    const diagnostics = findingsFor(doc, deps, settings).map((x) => findingToDiagnostic(x, lineStarts, deps));
    findings += diagnostics.length;
    await connection.sendDiagnostics({ uri: f.uri, diagnostics });
  }
  void connection.window.showInformationMessage(`Policy Writer: checked ${files.length} files, ${findings} findings in the Problems panel.`);
  return { files: files.length, findings };
}
