/**
 * The "Similar Passages" view: the corpus passages closest to the selection (or the paragraph at the
 * cursor), with score, source title and a snippet whose shared terms are highlighted; a click opens the source.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Methods, SimilarPassage, SimilarPassagesResult } from '../../server/src/shared/protocol';

class SimilarProvider implements vscode.TreeDataProvider<SimilarPassage> {
  private items: SimilarPassage[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  set(items: SimilarPassage[]) { this.items = items; this.changed.fire(); }
  getChildren(): SimilarPassage[] { return this.items; }
  getTreeItem(p: SimilarPassage): vscode.TreeItem {
    const snippet = p.text.replace(/\s+/g, ' ').slice(0, 90);
    const highlights: [number, number][] = [];
    for (const t of p.shared ?? []) {
      for (let i = snippet.toLowerCase().indexOf(t); i >= 0; i = snippet.toLowerCase().indexOf(t, i + t.length)) highlights.push([i, i + t.length]);
    }
    const item = new vscode.TreeItem({ label: snippet, highlights: highlights.sort((a, b) => a[0] - b[0]) });
    item.description = `${p.score.toFixed(2)} · ${p.title ?? ''}`;
    item.tooltip = new vscode.MarkdownString(`**${p.title ?? ''}** (${p.score.toFixed(3)})\n\n> ${p.text}`);
    item.contextValue = p.referenceId ? 'similarPassageCitable' : 'similarPassage';
    item.command = { command: 'policyWriter.openSimilarPassage', title: vscode.l10n.t('Open'), arguments: [p] };
    return item;
  }
}

/** The selection, or else the paragraph the cursor stands in. */
function queryText(editor: vscode.TextEditor): string {
  if (!editor.selection.isEmpty) return editor.document.getText(editor.selection);
  const doc = editor.document;
  let a = editor.selection.active.line, b = a;
  while (a > 0 && !doc.lineAt(a - 1).isEmptyOrWhitespace) a--;
  while (b < doc.lineCount - 1 && !doc.lineAt(b + 1).isEmptyOrWhitespace) b++;
  return doc.getText(new vscode.Range(a, 0, b, doc.lineAt(b).text.length));
}

export function registerSimilar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new SimilarProvider();
  const view = vscode.window.createTreeView('policyWriter.similarPassages', { treeDataProvider: provider });
  let lastQuery = '';
  const find = async (editor = vscode.window.activeTextEditor) => {
    if (!editor) return;
    const text = queryText(editor).trim();
    if (!text || text === lastQuery) return;
    lastQuery = text;
    const r = await client.sendRequest<SimilarPassagesResult>(Methods.similarPassages, { text, uri: editor.document.uri.toString(), limit: 10 });
    provider.set(r?.passages ?? []);
    view.message = r?.passages.length ? undefined : vscode.l10n.t('No similar passage in the corpus.');
  };
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('policyWriter.findSimilarPassages', async () => {
      lastQuery = '';
      await find();
      await vscode.commands.executeCommand('policyWriter.similarPassages.focus');
    }),
    vscode.commands.registerCommand('policyWriter.openSimilarPassage', async (p: SimilarPassage) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(p.uri));
      const range = new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);
      await vscode.window.showTextDocument(doc, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('policyWriter.insertCitationForPassage', async (p: SimilarPassage) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !p.referenceId) return;
      await vscode.commands.executeCommand(Commands.insertCitation, { uri: editor.document.uri.toString(), position: editor.selection.active, id: p.referenceId });
    }),
    vscode.commands.registerCommand('policyWriter.copySimilarPassageQuotation', async (p: SimilarPassage) => {
      await vscode.env.clipboard.writeText(`“${p.text.trim()}”（${p.title ?? decodeURIComponent(p.uri.slice(p.uri.lastIndexOf('/') + 1))}）`);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Quotation copied.'), 3000);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!vscode.workspace.getConfiguration('policyWriter').get<boolean>('similar.followSelection')) return;
      if (e.textEditor.document.languageId !== 'markdown' && e.textEditor.document.languageId !== 'plaintext') return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void find(e.textEditor), 400);
    }),
  );
}
