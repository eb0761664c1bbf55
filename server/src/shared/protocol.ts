/** Names shared by the client, the server and the command line: methods, commands, settings. */

export const Methods = {
  indexStatus: 'policyWriter/indexStatus',
  similarPassages: 'policyWriter/similarPassages',
  references: 'policyWriter/references',
  formatCitation: 'policyWriter/formatCitation',
  indexStatistics: 'policyWriter/indexStatistics',
  glossaryEntry: 'policyWriter/glossaryEntry',
} as const;

export const Commands = {
  insertCitation: 'policyWriter.insertCitation',
  renumberFootnotes: 'policyWriter.renumberFootnotes',
  rebuildIndex: 'policyWriter.rebuildIndex',
  checkWorkspace: 'policyWriter.checkWorkspace',
} as const;

export type CitationStyle = 'house' | 'gb7714' | 'chicago' | 'apa';
export type CheckOn = 'save' | 'type';

/** The `policyWriter` settings section, as in the contract. */
export interface Settings {
  corpus: { include: string[]; exclude: string[] };
  bibliography: string[];
  citation: { style: CitationStyle };
  terms: { files: string[] };
  check: { on: CheckOn; severity?: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>; cjkLatinSpacing?: boolean };
}

export const defaultSettings: Settings = {
  corpus: {
    include: ['**/*.{md,markdown,txt}'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'],
  },
  bibliography: [],
  citation: { style: 'house' },
  terms: { files: ['.policy-writer/terms.yaml'] },
  check: { on: 'save' },
};

/** Merge a partial settings object (from the client) over the defaults; unknown keys are ignored. */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const arr = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : d);
  const style = r.citation?.style;
  return {
    corpus: {
      include: arr(r.corpus?.include ?? r['corpus.include'], defaultSettings.corpus.include),
      exclude: arr(r.corpus?.exclude ?? r['corpus.exclude'], defaultSettings.corpus.exclude),
    },
    bibliography: arr(r.bibliography, defaultSettings.bibliography),
    citation: { style: ['house', 'gb7714', 'chicago', 'apa'].includes(style) ? style : defaultSettings.citation.style },
    terms: { files: arr(r.terms?.files ?? r['terms.files'], defaultSettings.terms.files) },
    check: {
      on: r.check?.on === 'type' ? 'type' : 'save',
      severity: r.check?.severity && typeof r.check.severity === 'object' ? r.check.severity : undefined,
      cjkLatinSpacing: r.check?.cjkLatinSpacing === true,
    },
  };
}

export type IndexState = 'indexing' | 'ready' | 'error';

export interface IndexStatus {
  state: IndexState;
  documents: number;
  passages: number;
  terms: number;
  phrases: number;
  references: number;
  elapsedMs: number;
  message?: string;
}

export interface SimilarPassagesParams { text: string; uri?: string; limit?: number }
export interface SimilarPassage {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  score: number;
  title?: string;
  referenceId?: string;
  /** Terms the query and the passage share (for highlighting). */
  shared?: string[];
}
export interface SimilarPassagesResult { passages: SimilarPassage[] }
