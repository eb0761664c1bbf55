/**
 * The VS Code client: starts the language server, shows the index status in the status bar, and
 * registers the commands and views; all knowledge of the corpus lives in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { IndexStatus, Methods } from '../../server/src/shared/protocol';
import { registerClientFeatures } from './features';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const storage = context.storageUri ?? context.globalStorageUri;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    synchronize: {
      configurationSection: 'policyWriter',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,yaml,yml,bib,json}'),
    },
    initializationOptions: {
      storagePath: storage.fsPath,
      settings: vscode.workspace.getConfiguration('policyWriter'),
    },
    outputChannelName: 'Policy Writer',
  };

  client = new LanguageClient('policyWriter', 'Policy Writer', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('policyWriter.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Policy Writer';
  status.command = 'policyWriter.showIndexStatistics';
  status.text = `$(sync~spin) ${vscode.l10n.t('Policy Writer: starting')}`;
  status.show();
  context.subscriptions.push(status);

  const fmt = (n: number) => n.toLocaleString('en-US');
  const showStatus = (s: IndexStatus) => {
    if (s.state === 'indexing') {
      status.text = `$(sync~spin) ${vscode.l10n.t('Indexing corpus…')}${s.message ? ' ' + s.message : ''}`;
      status.tooltip = vscode.l10n.t('Policy Writer is indexing the corpus');
      status.backgroundColor = undefined;
    } else if (s.state === 'ready') {
      status.text = `$(book) ${vscode.l10n.t('{0} docs · {1} passages · {2} terms', fmt(s.documents), fmt(s.passages), fmt(s.terms))}`;
      status.tooltip = vscode.l10n.t('{0} phrases · {1} references · indexed in {2} ms — click for statistics', fmt(s.phrases), fmt(s.references), fmt(s.elapsedMs));
      status.backgroundColor = undefined;
    } else {
      status.text = `$(error) ${vscode.l10n.t('Policy Writer: index error')}`;
      status.tooltip = s.message;
      status.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
  };

  // policyWriter.rebuildIndex and policyWriter.checkWorkspace are the server's commands: the language client
  // registers them (they forward to workspace/executeCommand), so they are not registered here again.
  context.subscriptions.push(
    vscode.commands.registerCommand('policyWriter.showIndexStatistics', async () => {
      const stats = await client?.sendRequest<any>(Methods.indexStatistics);
      if (!stats) { void vscode.window.showInformationMessage(vscode.l10n.t('The corpus index is not ready yet.')); return; }
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: statisticsMarkdown(stats) });
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );

  context.subscriptions.push(client.onNotification(Methods.indexStatus, showStatus));
  await client.start();
  registerClientFeatures(context, client);
}

function statisticsMarkdown(s: any): string {
  const t = s.totals;
  const lines = [
    `# ${vscode.l10n.t('Policy Writer — corpus index')}`,
    '',
    `| | |`, `| --- | ---: |`,
    `| ${vscode.l10n.t('Documents')} | ${t.documents} |`,
    `| ${vscode.l10n.t('Characters')} | ${t.chars.toLocaleString('en-US')} |`,
    `| ${vscode.l10n.t('Passages')} | ${t.passages.toLocaleString('en-US')} (${t.duplicatePassages.toLocaleString('en-US')} ${vscode.l10n.t('near-duplicates collapsed')}) |`,
    `| ${vscode.l10n.t('Articles')} | ${t.articles} |`,
    `| ${vscode.l10n.t('Notes')} | ${t.notes} |`,
    `| ${vscode.l10n.t('Tokens')} | ${t.tokens.toLocaleString('en-US')} |`,
    `| ${vscode.l10n.t('Vocabulary')} | ${t.vocabulary.toLocaleString('en-US')} |`,
    ...s.features.map((f: any) => `| ${f.name} | ${f.count.toLocaleString('en-US')} |`),
    '',
    `## ${vscode.l10n.t('Documents')}`,
    '',
    `| ${vscode.l10n.t('File')} | ${vscode.l10n.t('Kind')} | ${vscode.l10n.t('Encoding')} | ${vscode.l10n.t('Passages')} | ${vscode.l10n.t('Articles')} | ${vscode.l10n.t('Notes')} |`,
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...s.documents.map((d: any) => `| ${vscode.workspace.asRelativePath(vscode.Uri.parse(d.uri))} | ${d.kind} | ${d.encoding} | ${d.passages} | ${d.articles} | ${d.notes} |`),
  ];
  return lines.join('\n') + '\n';
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
