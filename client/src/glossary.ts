/** "Add Term to Glossary": the selection becomes an entry of the first terms file, with the corpus's definition prefilled. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods } from '../../server/src/shared/protocol';
import { addGlossaryEntry } from '../../server/src/core/terms/glossary';

export function registerGlossary(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyWriter.addTermToGlossary', async () => {
    const editor = vscode.window.activeTextEditor;
    const term = editor?.document.getText(editor.selection).trim();
    if (!editor || !term) { void vscode.window.showWarningMessage(vscode.l10n.t('Select a term first.')); return; }
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) { void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to keep a glossary.')); return; }
    const files = vscode.workspace.getConfiguration('policyWriter', folder.uri).get<string[]>('terms.files') ?? ['.policy-writer/terms.yaml'];
    const target = vscode.Uri.joinPath(folder.uri, files[0] ?? '.policy-writer/terms.yaml');
    const entry = await client.sendRequest<{ yaml: string } | null>(Methods.glossaryEntry, { term });
    if (!entry) return;
    let existing = '';
    try { existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(target)); } catch { /* a new file */ }
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(target, { ignoreIfExists: true });
    const doc = existing ? await vscode.workspace.openTextDocument(target) : undefined;
    const whole = doc ? new vscode.Range(0, 0, doc.lineCount, 0) : new vscode.Range(0, 0, 0, 0);
    edit.replace(target, whole, addGlossaryEntry(doc?.getText() ?? existing, entry.yaml));
    if (await vscode.workspace.applyEdit(edit)) {
      const shown = await vscode.window.showTextDocument(target, { preview: false });
      const at = shown.document.getText().indexOf(JSON.stringify(term));
      if (at >= 0) shown.revealRange(new vscode.Range(shown.document.positionAt(at), shown.document.positionAt(at)));
    }
  }));
}
