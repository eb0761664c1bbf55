/**
 * The corpus as the features see it: documents, their articles, passages and notes, and their tokens.
 * Every offset is a UTF-16 code unit index into the document's text (what JS string indices are).
 */

export interface Span { start: number; end: number }

/** A problem a parser found; parsers report these instead of throwing. */
export interface Problem { message: string; span?: Span }

/** A footnote definition: `[^1]: text` (Pandoc) or `[1] text` / `[1]text` (the corpus's plain-text form). */
export interface Note {
  label: string;
  style: 'pandoc' | 'bracket';
  /** The whole definition, from its label to the end of its text. */
  span: Span;
  /** Where the note's text begins (after the label). */
  textStart: number;
  text: string;
}

/** A footnote marker in running text: `[^1]` (Pandoc) or `^[1]` (the corpus's plain-text form). */
export interface NoteMarker { label: string; style: 'pandoc' | 'bracket'; span: Span }

/** What the corpus tells about one article (a journal-issue file holds several). */
export interface ArticleMeta {
  title: string;
  titleEn?: string;
  authors: string[];
  authorsEn?: string[];
  keywords: string[];
  keywordsEn?: string[];
  abstract?: string;
  abstractEn?: string;
  /** 中图分类号, e.g. D81 */
  clc?: string;
  /** 文章编号 as written, e.g. 0452 8832 (2024) 2 期 0021-17 */
  articleNumber?: string;
  journal?: string;
  year?: number;
  issue?: string;
  pageFirst?: number;
  pageLast?: number;
}

export interface Article extends ArticleMeta {
  /** From the title (or abstract block) to just before the next article. */
  span: Span;
  /** Where the 〔提 要〕 block, keywords etc. are, when present. */
  headerSpan?: Span;
}

export type PassageKind = 'paragraph' | 'sentence' | 'heading' | 'abstract' | 'note';

export interface PassageSpan {
  start: number;
  end: number;
  kind: PassageKind;
  /** Index into `DocumentStructure.articles`, or -1 when the passage belongs to no article. */
  article: number;
}

export type DocumentKind = 'journal' | 'abstracts' | 'plain';

export interface DocumentStructure {
  kind: DocumentKind;
  articles: Article[];
  passages: PassageSpan[];
  notes: Note[];
  markers: NoteMarker[];
  /** Terms the document itself marks: keywords, “quoted terms”, 《titles》, abbreviation pairs. */
  markedTerms: string[];
}

/**
 * The tokens of one document, as parallel arrays: token i is `vocab[ids[i]]`, found at
 * `text.slice(starts[i], ends[i])`. Only words, numbers and Latin words are tokens: punctuation and
 * white space are not, so a gap between `ends[i]` and `starts[i+1]` means a break.
 * Token text is normalised for matching: Latin lower-cased, full-width forms folded to half-width.
 */
export interface TokenArrays { ids: Uint32Array; starts: Uint32Array; ends: Uint32Array }

/** One indexed passage, with the range of its tokens in the document's token arrays. */
export interface IndexedPassage extends PassageSpan {
  /** Global passage id, stable within one index build. */
  id: number;
  tokenStart: number;
  tokenEnd: number;
  /** Id of the passage this one repeats (near-duplicate), if any: features show the original only. */
  duplicateOf?: number;
  /** Bottom-k MinHash sketch of its character shingles (near-duplicate detection). */
  sketch: Uint32Array;
  /**
   * Set when the passage's tokens are not kept (it repeats another passage, whose tokens stand for it):
   * its token range is then empty. Should it stop being a duplicate, its document is re-indexed.
   */
  tokensDropped?: boolean;
}

export interface IndexedDocument {
  uri: string;
  /** Content fingerprint (size + hash), to tell a changed file. */
  fingerprint: string;
  /** Encoding the file was read in, and what reading it reported. */
  encoding: string;
  problems: Problem[];
  text: string;
  /** Offsets at which each line starts (line 0 at 0). */
  lineStarts: number[];
  structure: DocumentStructure;
  tokens: TokenArrays;
  passages: IndexedPassage[];
  /** Set when the whole document repeats another (by uri). */
  duplicateOf?: string;
}

/** The token vocabulary: id → normalised token text. */
export interface Vocabulary { terms: string[]; ids: Map<string, number> }

/** What every feature builds from: the documents and their shared vocabulary. */
export interface CorpusView {
  docs: readonly IndexedDocument[];
  vocab: Vocabulary;
  /** Global passage id → [document index, passage index]. */
  passageAt(id: number): { doc: IndexedDocument; passage: IndexedPassage } | undefined;
}

/** Splits CJK text into words. The core never loads nodejieba itself: an adapter implements this. */
export interface ISegmenter {
  /** Words of a run of CJK text, in order, concatenating back to the input. */
  cut(text: string): string[];
}

/** Where a finding about the corpus came from, for "open the source at this line". */
export interface SourceLocation { uri: string; span: Span }

export interface ILogger {
  log(message: string): void;
  error(message: string): void;
}

export const nullLogger: ILogger = { log() {}, error() {} };
