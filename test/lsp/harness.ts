/**
 * Starts `dist/server.js --stdio` as a child process and speaks LSP to it, as an editor would.
 * Waits are conditions with deadlines, never fixed sleeps.
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { IndexStatus } from '../../server/src/shared/protocol';
import { repoRoot } from '../helpers/corpus';
import { applyEdits } from '../../server/src/core/check/findings';
import { computeLineStarts, offsetAt } from '../../server/src/core/text/chars';

export const serverJs = path.join(repoRoot, 'dist', 'server.js');
export const examplesDir = path.join(repoRoot, 'examples');

export interface TestServer {
  connection: ProtocolConnection;
  capabilities: any;
  statuses: IndexStatus[];
  diagnostics: Map<string, any[]>;
  logs: string[];
  applied: any[];
  storagePath: string;
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  waitForReady(afterCount?: number): Promise<IndexStatus>;
  open(file: string, languageId?: string, text?: string): Promise<string>;
  stop(): Promise<void>;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(opts: { folder: string; storagePath?: string; settings?: unknown; configuration?: boolean; watchedFiles?: boolean }): Promise<TestServer> {
  const storagePath = opts.storagePath ?? tempDir('pw-storage-');
  const child = cp.spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (d) => stderr.push(String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const statuses: IndexStatus[] = [];
  const diagnostics = new Map<string, any[]>();
  const logs: string[] = [];
  const applied: any[] = [];
  // Untyped method names: this harness speaks the protocol as a generic client would.
  const on = connection as unknown as { onNotification(m: string, h: (p: any) => void): void; onRequest(m: string, h: (p: any) => unknown): void };
  on.onNotification('policyWriter/indexStatus', (s: IndexStatus) => statuses.push(s));
  on.onNotification('textDocument/publishDiagnostics', (p: any) => diagnostics.set(p.uri, p.diagnostics));
  on.onNotification('window/logMessage', (p: any) => logs.push(p.message));
  on.onNotification('window/showMessage', (p: any) => logs.push('showMessage: ' + p.message));
  on.onRequest('window/showMessageRequest', () => null);
  on.onRequest('window/workDoneProgress/create', () => null);
  on.onNotification('$/progress', () => {});
  on.onRequest('client/registerCapability', () => null);
  on.onRequest('workspace/configuration', (p: any) => p.items.map(() => opts.settings ?? {}));
  on.onRequest('workspace/applyEdit', (p: any) => { applied.push(p.edit); return { applied: true }; });
  connection.listen();
  const folderUri = pathToFileURL(opts.folder).toString();
  const init: any = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(opts.folder) }],
    initializationOptions: { storagePath, settings: opts.settings ?? {} },
    capabilities: {
      workspace: { configuration: opts.configuration ?? false, didChangeWatchedFiles: { dynamicRegistration: opts.watchedFiles ?? true }, applyEdit: true },
      window: { workDoneProgress: true },
      textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: {} },
    },
  });
  await connection.sendNotification('initialized', {});

  const waitFor = async <T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined && v !== false) return v as T;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server log:\n${logs.slice(-20).join('\n')}\n${stderr.join('')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const versions = new Map<string, number>();
  return {
    connection, capabilities: init.capabilities, statuses, diagnostics, logs, applied, storagePath, waitFor,
    waitForReady: (afterCount = 0) => waitFor('index ready', () => statuses.slice(afterCount).find((s) => s.state === 'ready')),
    async open(file: string, languageId?: string, text?: string) {
      const uri = pathToFileURL(file).toString();
      const v = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, v);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: languageId ?? (file.endsWith('.md') ? 'markdown' : 'plaintext'), version: v, text: text ?? fs.readFileSync(file, 'utf8') },
      });
      return uri;
    },
    async stop() {
      try { await connection.sendRequest('shutdown'); await connection.sendNotification('exit'); } catch { /* already gone */ }
      connection.dispose();
      await new Promise<void>((resolve) => { if (child.exitCode !== null) resolve(); else { child.once('exit', () => resolve()); setTimeout(() => { child.kill(); resolve(); }, 3000); } });
    },
  };
}

/** A copy of a folder in a temporary directory, for tests that change files. */
export function copyFolder(src: string): string {
  const dst = tempDir('pw-ws-');
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}

/** Applies LSP text edits to a text (what an editor does with a workspace edit). */
export function applyLspEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const ls = computeLineStarts(text);
  return applyEdits(text, edits.map((e) => ({ span: { start: offsetAt(ls, text.length, e.range.start), end: offsetAt(ls, text.length, e.range.end) }, newText: e.newText })));
}
