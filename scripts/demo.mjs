#!/usr/bin/env node
// npm run demo: starts the language server on examples/ exactly as an editor would (LSP over stdio), and
// walks through what it offers on the example draft, printing each answer in the terminal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ws = path.join(root, 'examples');
const draftPath = path.join(ws, 'drafts', '简报草稿.md');
const draft = fs.readFileSync(draftPath, 'utf8');
const draftUri = pathToFileURL(draftPath).toString();
const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-writer-demo-'));

const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let ready;
const readyP = new Promise((r) => { ready = r; });
const diagnostics = new Map();
conn.onNotification('policyWriter/indexStatus', (s) => {
  if (s.state === 'indexing') console.log(`… indexing${s.message ? ': ' + s.message : ''}`);
  if (s.state === 'ready') ready(s);
  if (s.state === 'error') { console.error(`index error: ${s.message}`); process.exit(1); }
});
conn.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.set(p.uri, p.diagnostics));
conn.onNotification('window/logMessage', () => {});
conn.onRequest('window/workDoneProgress/create', () => null);
conn.onNotification('$/progress', (p) => { if (p.value?.message) process.stdout.write(`  ${p.value.percentage ?? ''}% ${p.value.message}\r`); });
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
let lastEdit;
conn.onRequest('workspace/applyEdit', (p) => { lastEdit = p.edit; return { applied: true }; });
conn.listen();

const heading = (t) => console.log(`\n\x1b[1m${t}\x1b[0m`);
const posOf = (needle, delta = 0) => {
  const i = draft.indexOf(needle) + delta;
  const before = draft.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const tryRequest = async (label, method, params) => {
  try { return await conn.sendRequest(method, params); } catch (e) { console.log(`  (${label}: ${e.message})`); return undefined; }
};

const folder = pathToFileURL(ws).toString();
const init = await conn.sendRequest('initialize', {
  processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'examples' }],
  initializationOptions: { storagePath: storage },
  capabilities: { workspace: { configuration: true, applyEdit: true }, window: { workDoneProgress: true }, textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: {} } },
});
conn.sendNotification('initialized', {});
heading('Policy Writer — demo on examples/');
console.log(`server capabilities: ${Object.keys(init.capabilities).join(', ')}`);
const t0 = Date.now();
const status = await readyP;
console.log(`\nready in ${Date.now() - t0} ms: ${status.documents} docs · ${status.passages} passages · ${status.terms} terms · ${status.phrases} phrases · ${status.references} references`);

conn.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });
heading(`The draft: ${path.relative(root, draftPath)}`);
console.log(draft.split('\n').map((l) => '  │ ' + l).join('\n'));

if (init.capabilities.hoverProvider) {
  for (const [label, needle] of [['a Chinese term', '东南亚国家联盟'], ['an abbreviation', 'CPTPP'], ['a footnote marker', '[^1]']]) {
    heading(`Hover on ${label}: ${needle}`);
    const h = await tryRequest('hover', 'textDocument/hover', { textDocument: { uri: draftUri }, position: posOf(needle, 1) });
    console.log(h ? String(h.contents.value ?? h.contents).split('\n').map((l) => '  ' + l).join('\n') : '  (nothing known)');
  }
}

if (init.capabilities.completionProvider) {
  heading('Completion after typing 推动构建人类');
  const text = draft + '\n推动构建人类';
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 2 }, contentChanges: [{ text }] });
  const lines = text.split('\n');
  const c = await tryRequest('completion', 'textDocument/completion', { textDocument: { uri: draftUri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
  const items = Array.isArray(c) ? c : c?.items ?? [];
  for (const it of items.slice(0, 5)) console.log(`  ${it.label}${it.detail ? '   — ' + it.detail : ''}`);
  if (!items.length) console.log('  (no suggestion)');
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version: 3 }, contentChanges: [{ text: draft }] });
}

heading('Similar passages for the draft\'s first paragraph');
const sim = await tryRequest('similar passages', 'policyWriter/similarPassages', { text: '全球治理体系面临代表性不足的问题，区域组织的作用日益突出。', uri: draftUri, limit: 3 });
for (const p of sim?.passages ?? []) console.log(`  ${p.score.toFixed(2)}  ${path.basename(decodeURIComponent(p.uri))}:${p.range.start.line + 1}  ${p.text.slice(0, 50)}…`);

heading('References the corpus holds (first five)');
const refs = await tryRequest('references', 'policyWriter/references', { limit: 5 });
for (const it of refs?.items ?? []) {
  const f = await tryRequest('format', 'policyWriter/formatCitation', { id: it.id, style: 'house' });
  console.log(`  ${f?.text ?? it.title}`);
}

heading('Checks on save');
conn.sendNotification('textDocument/didSave', { textDocument: { uri: draftUri } });
const deadline = Date.now() + 5000;
while (!diagnostics.has(draftUri) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
for (const d of diagnostics.get(draftUri) ?? []) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.code}  ${d.message}`);
if (!diagnostics.get(draftUri)?.length) console.log('  (no findings)');

await conn.sendRequest('shutdown');
conn.sendNotification('exit');
setTimeout(() => process.exit(0), 200);
