/** What the protocol handlers get from the server: the current index, open documents, settings, logging. */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexState } from '../core/service';
import type { ILogger } from '../core/model';
import type { Settings } from '../shared/protocol';
import type { TermsFile } from '../core/terms/termsFile';

export interface ServerDeps {
  /** The current index (undefined until the first index is ready). */
  state(): IndexState | undefined;
  documents: TextDocuments<TextDocument>;
  settings(uri?: string): Promise<Settings>;
  /** The terms files as last read (also available as state().ctx.terms once indexed). */
  terms(): readonly TermsFile[];
  /** Workspace folder paths (file system paths). */
  folders(): string[];
  logger: ILogger;
  /** Called by handlers that want to know when the index changes (e.g. to re-check open documents). */
  onIndexChanged(listener: () => void): void;
  /** Called with file system paths when files change on disk (bibliography files, for instance). */
  onFilesChanged(listener: (changed: string[], deleted: string[]) => void): void;
}
