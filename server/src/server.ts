/**
 * startServer(connection, deps): capabilities and wiring. Each feature registers its handlers from its own
 * module in lsp/; this file owns the index's life cycle, settings, terms files and status reporting.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, InitializeParams,
  InitializeResult, MessageType, TextDocuments, TextDocumentSyncKind, WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import './core/features';
import { CorpusIndexer } from './adapters/indexer';
import { defaultStoragePath } from './adapters/storage';
import { watchFolders } from './adapters/watcher';
import type { ILogger } from './core/model';
import { parseTermsFile, TermsFile } from './core/terms/termsFile';
import { Commands, IndexStatus, Methods, resolveSettings, Settings } from './shared/protocol';
import type { ServerDeps } from './lsp/deps';
import { registerStatistics } from './lsp/statistics';
import { registerChecks, addToTermsFile, ADD_TO_TERMS_FILE, checkWorkspace } from './lsp/check';
import { registerHover, registerGlossary } from './lsp/hover';
import { registerCompletion } from './lsp/completion';
import { registerSimilar } from './lsp/similar';
import { registerCitations, insertCitation, renumberFootnotes } from './lsp/cite';

export interface StartOptions {
  /** Worker threads for cold indexing (tests may pass 0 or 1). */
  workers?: number;
  codeVersion?: string;
}

const CODE_ACTION_KINDS: string[] = ['quickfix', 'source.fixAll.policyWriter'];

/** Handlers registered by feature modules (see the lines below `registrations`). */
type Registration = (connection: Connection, deps: ServerDeps) => void;
const registrations: Registration[] = [registerStatistics, registerChecks, registerHover, registerGlossary, registerCompletion, registerSimilar, registerCitations];

/** Lets feature modules add their handlers without editing the wiring below. */
export function addRegistration(r: Registration): void {
  registrations.push(r);
}

/** Capabilities contributed by features (merged into the initialize result). */
const extraCapabilities: Record<string, unknown>[] = [];
export function addCapabilities(c: Record<string, unknown>): void {
  extraCapabilities.push(c);
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const logger: ILogger = {
    log: (m) => connection.console.log(m),
    error: (m) => connection.console.error(m),
  };
  let folders: string[] = [];
  let storagePath: string | undefined;
  let hasConfiguration = false;
  let hasWatchedFiles = false;
  let initSettings: Settings = resolveSettings({});
  let settingsCache: Promise<Settings> | undefined;
  let terms: TermsFile[] = [];
  let indexer: CorpusIndexer | undefined;
  const indexListeners: (() => void)[] = [];
  const fileListeners: ((changed: string[], deleted: string[]) => void)[] = [];
  let lastStatus: IndexStatus | undefined;

  const settings = (): Promise<Settings> => {
    if (!hasConfiguration) return Promise.resolve(initSettings);
    settingsCache ??= connection.workspace.getConfiguration({ section: 'policyWriter' }).then((s) => resolveSettings(s ?? initSettings), () => initSettings);
    return settingsCache;
  };

  const deps: ServerDeps = {
    state: () => indexer?.state,
    documents,
    settings: () => settings(),
    terms: () => terms,
    folders: () => folders,
    logger,
    onIndexChanged: (l) => { indexListeners.push(l); },
    onFilesChanged: (l) => { fileListeners.push(l); },
  };

  const sendStatus = (s: IndexStatus) => {
    lastStatus = s;
    void connection.sendNotification(Methods.indexStatus, s);
    if (s.state === 'ready') for (const l of indexListeners) { try { l(); } catch (e) { logger.error(String(e)); } }
  };

  /** Reads the terms files; a broken one is reported by name and line, the rest keeps working. */
  const readTerms = (s: Settings): TermsFile[] => {
    const out: TermsFile[] = [];
    for (const rel of s.terms.files) {
      for (const folder of folders.length ? folders : [process.cwd()]) {
        const file = path.resolve(folder, rel);
        let text: string;
        try { text = fs.readFileSync(file, 'utf8'); } catch { continue; }
        const { value, problems } = parseTermsFile(text, file);
        for (const p of problems) {
          logger.error(`terms file ${p.message}`);
          void connection.window.showWarningMessage(`Policy Writer: terms file ${p.message}`);
        }
        out.push(value);
      }
    }
    return out;
  };

  let progress: WorkDoneProgressServerReporter | undefined;
  const startIndex = async (rebuild: boolean) => {
    const s = await settings();
    terms = readTerms(s);
    if (!indexer || rebuild) {
      indexer = new CorpusIndexer({
        folders, settings: s, terms, storagePath, logger, workers: options.workers, codeVersion: options.codeVersion,
        onStatus: (st) => {
          sendStatus(st);
          if (st.state === 'ready' && progress) { progress.done(); progress = undefined; }
        },
        onProgress: (message, percentage) => progress?.report(percentage, message),
      });
    }
    try {
      progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('Policy Writer: indexing the corpus', 0, undefined, false);
    } catch { progress = undefined; }
    try {
      await (rebuild ? indexer.rebuild() : indexer.start());
    } catch (e) {
      logger.error(`indexing failed: ${(e as Error).stack ?? e}`);
      sendStatus({ state: 'error', documents: 0, passages: 0, terms: 0, phrases: 0, references: 0, elapsedMs: 0, message: (e as Error).message });
      progress?.done(); progress = undefined;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (!folders.length && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    const init = (params.initializationOptions ?? {}) as { storagePath?: string; settings?: unknown };
    initSettings = resolveSettings(init.settings ?? {});
    storagePath = init.storagePath || (folders.length ? defaultStoragePath(folders) : undefined);
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    hasWatchedFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        executeCommandProvider: { commands: [...new Set<string>([...Object.values(Commands), ...commandHandlers.keys()])] },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['^', '@'], resolveProvider: false },
      },
      serverInfo: { name: 'policy-writer', version: options.codeVersion },
    };
    for (const c of extraCapabilities) Object.assign(result.capabilities, c);
    return result;
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyWriter' });
    if (hasWatchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    else {
      // The client cannot tell us about file changes: watch the folders ourselves.
      watchFolders(folders, (changed, deleted) => void onFilesChanged(changed, deleted), (m) => logger.error(m));
    }
    void startIndex(false);
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache = undefined;
    void settings().then((s) => {
      const fresh = readTerms(s);
      terms = fresh;
      const before = JSON.stringify(indexer ? (indexer as unknown as { opts: { settings: Settings } }).opts.settings.corpus : null);
      if (JSON.stringify(s.corpus) !== before) void startIndex(true);
      else void indexer?.setTerms(fresh);
    });
  });

  const termsPaths = async () => (await settings()).terms.files.flatMap((rel) => folders.map((f) => path.resolve(f, rel)));

  const onFilesChanged = async (changed: string[], deleted: string[]) => {
    const tp = new Set(await termsPaths());
    if ([...changed, ...deleted].some((p) => tp.has(p))) { terms = readTerms(await settings()); void indexer?.setTerms(terms); }
    fileListeners.forEach((l) => l(changed, deleted));
    if (changed.length || deleted.length) void indexer?.update(changed, deleted);
  };

  connection.onDidChangeWatchedFiles((params) => {
    const changed: string[] = [], deleted: string[] = [];
    for (const c of params.changes) {
      if (!c.uri.startsWith('file:')) continue;
      (c.type === FileChangeType.Deleted ? deleted : changed).push(fileURLToPath(c.uri));
    }
    void onFilesChanged(changed, deleted);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === Commands.rebuildIndex) { await startIndex(true); return null; }
    return commandHandlers.get(params.command)?.(params.arguments ?? [], deps, connection) ?? null;
  });

  connection.onRequest(Methods.indexStatus, () => lastStatus ?? indexer?.currentStatus() ?? null);

  for (const r of registrations) r(connection, deps);

  documents.listen(connection);
  connection.listen();
  void MessageType;
}

/** workspace/executeCommand handlers contributed by features. */
type CommandHandler = (args: unknown[], deps: ServerDeps, connection: Connection) => unknown;
const commandHandlers = new Map<string, CommandHandler>([[ADD_TO_TERMS_FILE, addToTermsFile], [Commands.checkWorkspace, checkWorkspace], [Commands.insertCitation, insertCitation], [Commands.renumberFootnotes, renumberFootnotes]]);
export function addCommand(id: string, handler: CommandHandler): void {
  commandHandlers.set(id, handler);
}
