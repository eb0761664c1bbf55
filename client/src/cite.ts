/** "Insert Citation…": a QuickPick over the corpus's references, each previewed in the chosen style; an optional page. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Methods } from '../../server/src/shared/protocol';

interface Item { id: string; title: string; author?: { family?: string; given?: string; literal?: string }[]; 'container-title'?: string; issued?: { 'date-parts': number[][] } }

export function registerCitations(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyWriter.insertCitationPicker', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const style = vscode.workspace.getConfiguration('policyWriter', editor.document.uri).get<string>('citation.style') ?? 'house';
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    qp.placeholder = vscode.l10n.t('Search author, title, journal or year');
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    const load = async (query: string) => {
      qp.busy = true;
      const r = await client.sendRequest<{ items: Item[] }>(Methods.references, { query, limit: 100 });
      const entries = await Promise.all((r?.items ?? []).map(async (it) => {
        const f = await client.sendRequest<{ text: string } | null>(Methods.formatCitation, { id: it.id, style });
        const who = (it.author ?? []).map((a) => a.literal ?? `${a.family ?? ''}${/[\u4e00-\u9fff]/.test(a.family ?? '') ? '' : ' '}${a.given ?? ''}`.trim()).join('、');
        return { label: it.title, description: [who, it['container-title'], it.issued?.['date-parts']?.[0]?.[0]].filter(Boolean).join(' · '), detail: f?.text, id: it.id };
      }));
      qp.items = entries;
      qp.busy = false;
    };
    qp.onDidChangeValue((v) => { if (!v || v.length >= 2) void load(v.trim()); });
    qp.onDidAccept(async () => {
      const picked = qp.selectedItems[0];
      qp.hide();
      if (!picked) return;
      const locator = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Page (optional)'), placeHolder: '45' });
      if (locator === undefined) return;
      await vscode.commands.executeCommand(Commands.insertCitation, { uri: editor.document.uri.toString(), position: editor.selection.active, id: picked.id, locator: locator.trim() || undefined });
    });
    qp.onDidHide(() => qp.dispose());
    qp.show();
    await load('');
  }));
}
