// The @vscode/test-electron suite: runs inside a downloaded VS Code with the extension under development,
// on examples/, and checks the status reaches ready and a hover shows a corpus definition.
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

async function until(what, probe, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

exports.run = async function run() {
  const ws = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(path.join(ws, 'drafts', '简报草稿.md'));
  await vscode.window.showTextDocument(doc);
  const line = doc.getText().split('\n').findIndex((l) => l.startsWith('东南亚国家联盟坚持'));
  const hover = await until('a hover', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
    return hovers.find((h) => h.contents.some((c) => /ASEAN/.test(c.value ?? String(c))));
  });
  assert.ok(hover);
  const diags = await until('diagnostics', () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'policy-writer').length >= 4);
  assert.ok(diags);
};
