/**
 * The structure of one document: its articles (a journal issue holds several, each opened by a title, an
 * author line and a 〔提 要〕/〔关键词〕/〔作者简介〕/〔文章编号〕 block), its passages (paragraphs, or sentence groups
 * for very long ones), its footnote definitions and markers, and the terms it marks.
 * Parsing never fails: odd input yields fewer articles, never an exception.
 */
import type { Article, DocumentKind, DocumentStructure, Note, NoteMarker, PassageSpan, Span } from '../model';
import { hasCjk } from '../text/chars';

export type DocumentFormat = 'markdown' | 'text';

export function formatOf(uri: string): DocumentFormat {
  return /\.(md|markdown|mdx)$/i.test(uri) ? 'markdown' : 'text';
}

interface Line { start: number; end: number; text: string }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: contentEnd, text: text.slice(start, contentEnd) });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/** Passages longer than this are cut into sentence groups of about PASSAGE_TARGET characters. */
const LONG_PASSAGE = 1200;
const PASSAGE_TARGET = 400;
/** A run with no sentence end at all is cut hard at this length. */
const HARD_CUT = 1000;

const SENTENCE_END_RE = /[。！？!?]+[”’」』）)]*|\.(?=\s)|\n/g;

/** Splits [start, end) into sentence groups of about PASSAGE_TARGET characters; never longer than HARD_CUT. */
export function splitLongRun(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let groupStart = start;
  let pos = start;
  SENTENCE_END_RE.lastIndex = start;
  const pushUpTo = (cut: number) => {
    while (cut - groupStart > HARD_CUT) { out.push({ start: groupStart, end: groupStart + HARD_CUT }); groupStart += HARD_CUT; }
    if (cut - groupStart >= PASSAGE_TARGET) { out.push({ start: groupStart, end: cut }); groupStart = cut; }
  };
  for (let m = SENTENCE_END_RE.exec(text); m && m.index < end; m = SENTENCE_END_RE.exec(text)) {
    pos = m.index + m[0].length;
    pushUpTo(Math.min(pos, end));
    if (m[0].length === 0) SENTENCE_END_RE.lastIndex++;
  }
  pushUpTo(end);
  while (end - groupStart > HARD_CUT) { out.push({ start: groupStart, end: groupStart + HARD_CUT }); groupStart += HARD_CUT; }
  if (groupStart < end) {
    // A short tail joins the previous group rather than standing alone.
    if (out.length && end - groupStart < PASSAGE_TARGET / 4 && end - out[out.length - 1].start <= HARD_CUT) out[out.length - 1].end = end;
    else out.push({ start: groupStart, end });
  }
  return out;
}

const NOTE_BRACKET = /^\s*\[(\d{1,4})\]\s*(\S.*)$/;
const NOTE_PANDOC = /^\s{0,3}\[\^([^\]\s]+)\]:\s?(.*)$/;
const MARKER_BRACKET = /\^\[(\d{1,4})\]/g;
const MARKER_PANDOC = /\[\^([^\]\s]+)\](?!:)/g;

const HEADER_LINE = /^\s*〔\s*(提\s*要|摘\s*要|关\s*键\s*词|作者简介|中图分类号|文献标识码|文章编号)\s*〕\s*(.*)$/;
const AUTHOR_LINE = /^\s*□\s*(.+)$/;
const EDITOR_LINE = /^\s*【责任编辑[:：].*】\s*$/;
const ABSTRACT_LIST_TAIL = /\s*相似文献\s*$/;

/** Titles lose their note marks (^{*}) and the alignment space after full-width punctuation. */
function cleanTitle(s: string): string {
  return s.replace(/\^\{[^}]*\}|\^\[\d+\]/g, '').replace(/([：，；、])\s+/g, '$1').trim();
}

function splitList(s: string): string[] {
  return s.split(/[、，,;；]/).map((x) => x.trim()).filter((x) => x.length > 0 && x.length <= 30);
}

/** "刘 卿" is one name spaced for alignment; "吴志成 李汶桦" are two. */
function splitAuthors(s: string): string[] {
  const parts = s.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].length === 1 && i + 1 < parts.length && parts[i + 1].length <= 2) { out.push(parts[i] + parts[i + 1]); i++; }
    else out.push(parts[i]);
  }
  return out.filter((x) => x.length > 0);
}

/** `0452 8832 (2024) 2 期 0021-17`: year 2024, issue 2, first page 21, 17 pages (21–37). */
export function parseArticleNumber(s: string): { year?: number; issue?: string; pageFirst?: number; pageLast?: number } {
  const m = /\d{4}\s*-?\s*\d{3}[\dX]\s*[(（]\s*(\d{4})\s*[)）]\s*(\d+)\s*期\s*(\d+)\s*-\s*(\d+)/.exec(s);
  if (!m) return {};
  const first = parseInt(m[3], 10), count = parseInt(m[4], 10);
  return { year: parseInt(m[1], 10), issue: m[2], pageFirst: first, pageLast: count > 0 ? first + count - 1 : undefined };
}

const QUOTED_TERM = /“([\u4e00-\u9fff]{2,10})”/g;
const TITLED_TERM = /《([\u4e00-\u9fff]{2,16})》/g;

function collectMarkedTerms(text: string, articles: Article[]): string[] {
  const set = new Set<string>();
  for (const a of articles) for (const k of a.keywords) if (hasCjk(k) && k.length <= 16) set.add(k);
  for (const re of [QUOTED_TERM, TITLED_TERM]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) set.add(m[1]);
  }
  return [...set];
}

/** Parses a document's structure; `format` decides the footnote forms and how lines make paragraphs. */
export function parseStructure(text: string, format: DocumentFormat): DocumentStructure {
  const lines = splitLines(text);
  const notes: Note[] = [];
  const markers: NoteMarker[] = [];
  const noteLine = new Uint8Array(lines.length);
  const codeLine = new Uint8Array(lines.length);

  let inFence = false;
  lines.forEach((l, i) => {
    if (format === 'markdown' && /^\s{0,3}(```|~~~)/.test(l.text)) { inFence = !inFence; codeLine[i] = 1; return; }
    if (inFence) { codeLine[i] = 1; return; }
    const p = NOTE_PANDOC.exec(l.text);
    if (p) {
      const textStart = l.start + l.text.length - p[2].length;
      notes.push({ label: p[1], style: 'pandoc', span: { start: l.start + l.text.indexOf('['), end: l.end }, textStart, text: p[2] });
      noteLine[i] = 1;
      return;
    }
    const b = NOTE_BRACKET.exec(l.text);
    if (b && !/^\s*\[\d+\]\s*[(（]/.test(l.text)) {
      const textStart = l.start + l.text.length - b[2].length;
      notes.push({ label: b[1], style: 'bracket', span: { start: l.start + l.text.indexOf('['), end: l.end }, textStart, text: b[2] });
      noteLine[i] = 1;
    }
  });
  for (const [re, style] of [[MARKER_BRACKET, 'bracket'], [MARKER_PANDOC, 'pandoc']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) markers.push({ label: m[1], style, span: { start: m.index, end: m.index + m[0].length } });
  }
  markers.sort((a, b) => a.span.start - b.span.start);

  // Articles: each header block (〔提 要〕 …) belongs to the title and □ author lines above it.
  const articles: Article[] = [];
  const articleStartLine: number[] = [];
  let journal: string | undefined;
  let issueYear: number | undefined;
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const t = lines[i].text.trim();
    if (!journal && /^[\u4e00-\u9fff]{2,12}$/.test(t)) journal = t;
    const y = /(\d{4})\s*年\s*第\s*(\d+)\s*期/.exec(t);
    if (y) issueYear = parseInt(y[1], 10);
  }
  for (let i = 0; i < lines.length; i++) {
    const h = HEADER_LINE.exec(lines[i].text);
    if (!h || !/^(提|摘)/.test(h[1])) continue;
    // Walk up over blank lines to the author line and the title.
    let j = i - 1;
    while (j >= 0 && !lines[j].text.trim()) j--;
    let authors: string[] = [];
    if (j >= 0 && AUTHOR_LINE.test(lines[j].text)) {
      authors = splitAuthors(AUTHOR_LINE.exec(lines[j].text)![1]);
      j--;
      while (j >= 0 && !lines[j].text.trim()) j--;
    }
    if (j < 0) continue;
    const titleLine = j;
    const article: Article = { title: cleanTitle(lines[titleLine].text), authors, keywords: [], span: { start: lines[titleLine].start, end: text.length }, journal, year: issueYear };
    // The header block: consecutive 〔…〕 lines (blank lines between them allowed).
    let k = i;
    let headerEnd = lines[i].end;
    const authorBios: string[] = [];
    for (; k < lines.length; k++) {
      const line = lines[k].text;
      if (!line.trim()) continue;
      const hh = HEADER_LINE.exec(line);
      if (!hh) {
        // A wrapped header line (a long 〔作者简介〕) continues when another header line follows shortly.
        let ahead = k + 1, seen = 0;
        while (ahead < lines.length && seen < 3 && !HEADER_LINE.test(lines[ahead].text)) { if (lines[ahead].text.trim()) seen++; ahead++; }
        if (ahead < lines.length && seen < 3 && HEADER_LINE.test(lines[ahead].text) && line.trim().length <= 80) {
          if (/^[\u4e00-\u9fff]{2,4}[，,]/.test(line.trim())) authorBios.push(line.trim());
          headerEnd = lines[k].end;
          continue;
        }
        break;
      }
      headerEnd = lines[k].end;
      const key = hh[1].replace(/\s+/g, ''), value = hh[2].trim();
      if (key === '提要' || key === '摘要') article.abstract = value;
      else if (key === '关键词') article.keywords = splitList(value);
      else if (key === '作者简介') authorBios.push(value);
      else if (key === '中图分类号') article.clc = value;
      else if (key === '文章编号') { article.articleNumber = value; Object.assign(article, parseArticleNumber(value)); }
    }
    const bioNames = authorBios.map((b) => /^([\u4e00-\u9fff]{2,4})[，,]/.exec(b)?.[1]).filter((x): x is string => !!x);
    if (bioNames.length >= article.authors.length && bioNames.length > 0) article.authors = bioNames;
    article.headerSpan = { start: lines[i].start, end: headerEnd };
    articles.push(article);
    articleStartLine.push(titleLine);
  }
  // An article ends at its 【责任编辑】 line, or where the next one begins.
  for (let a = 0; a < articles.length; a++) {
    const limit = a + 1 < articles.length ? articleStartLine[a + 1] : lines.length;
    let end = a + 1 < articles.length ? lines[articleStartLine[a + 1]].start : text.length;
    for (let i = articleStartLine[a]; i < limit; i++) if (EDITOR_LINE.test(lines[i].text)) { end = lines[i].end; break; }
    articles[a].span.end = end;
  }
  attachEnglishTitles(lines, articles);

  const isAbstractList = articles.length === 0 && lines.filter((l) => ABSTRACT_LIST_TAIL.test(l.text)).length >= 2;
  const kind: DocumentKind = articles.length ? 'journal' : isAbstractList ? 'abstracts' : 'plain';

  // Passages: paragraphs (Markdown: runs of non-blank lines; text: each line), notes and code left out.
  const passages: PassageSpan[] = [];
  let articleIdx = 0;
  const articleOf = (offset: number) => {
    while (articleIdx < articles.length && articles[articleIdx].span.end <= offset) articleIdx++;
    return articleIdx < articles.length && articles[articleIdx].span.start <= offset ? articleIdx : -1;
  };
  const pushParagraph = (start: number, end: number, headingLike: boolean) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (kind === 'abstracts') {
      const tail = ABSTRACT_LIST_TAIL.exec(text.slice(start, end));
      if (tail) end -= tail[0].length;
    }
    if (end <= start) return;
    const article = articleOf(start);
    const pkind = kind === 'abstracts' ? 'abstract' : headingLike ? 'heading' : 'paragraph';
    if (end - start > LONG_PASSAGE) {
      for (const s of splitLongRun(text, start, end)) passages.push({ start: s.start, end: s.end, kind: 'sentence', article });
    } else passages.push({ start, end, kind: pkind, article });
  };
  let paraStart = -1, paraEnd = -1;
  const flush = () => { if (paraStart >= 0) pushParagraph(paraStart, paraEnd, false); paraStart = -1; };
  lines.forEach((l, i) => {
    const blank = !l.text.trim();
    if (blank || noteLine[i] || codeLine[i]) { flush(); return; }
    const heading = format === 'markdown' && /^\s{0,3}#{1,6}\s/.test(l.text);
    if (format === 'text' || heading) {
      flush();
      const short = l.text.trim().length <= 40 && !/[。！？.!?]$/.test(l.text.trim());
      pushParagraph(l.start, l.end, heading || short);
      return;
    }
    if (paraStart < 0) paraStart = l.start;
    paraEnd = l.end;
  });
  flush();

  return { kind, articles, passages, notes, markers, markedTerms: collectMarkedTerms(text, articles) };
}

/**
 * A journal issue lists its articles' English titles (and at the end, English abstracts) in the same order
 * as the articles: "Table of Contents" … and "Abstracts" … blocks of title, AUTHOR line, abstract.
 */
function attachEnglishTitles(lines: Line[], articles: Article[]): void {
  if (!articles.length) return;
  const toc = lines.findIndex((l) => /^\s*Table of Contents\s*$/i.test(l.text));
  if (toc >= 0) {
    const entries = englishEntries(lines, toc + 1, articles.length, false);
    entries.forEach((e, i) => { articles[i].titleEn = e.title; if (e.authors.length) articles[i].authorsEn = e.authors; });
  }
  const lastArticleEnd = articles[articles.length - 1].span.end;
  const abs = lines.findIndex((l) => l.start >= lastArticleEnd && /^\s*Abstracts\s*$/i.test(l.text));
  if (abs >= 0) {
    const entries = englishEntries(lines, abs + 1, articles.length, true);
    entries.forEach((e, i) => {
      if (!articles[i].titleEn) articles[i].titleEn = e.title;
      if (e.abstract) articles[i].abstractEn = e.abstract;
    });
  }
}

const EN_AUTHOR = /^\s*[A-Z][A-Z'\-]+ [A-Z][a-z]+(?:[- ][A-Za-z]+)?(?:\s*(?:&|and|,)\s*[A-Z][A-Z'\-]+ [A-Z][a-z]+(?:[- ][A-Za-z]+)?)*\s*$/;

/** Blocks of (title lines, AUTHOR line, abstract lines) from `from` on, until CJK text or `max` entries. */
function englishEntries(lines: Line[], from: number, max: number, withAbstract: boolean): { title: string; authors: string[]; abstract?: string }[] {
  let stop = from;
  while (stop < lines.length && !hasCjk(lines[stop].text)) stop++;
  const authorIdx: number[] = [];
  for (let i = from; i < stop; i++) if (EN_AUTHOR.test(lines[i].text)) authorIdx.push(i);
  const titleStart: number[] = [];
  const out: { title: string; authors: string[]; abstract?: string }[] = [];
  for (const a of authorIdx) {
    const parts: string[] = [];
    let j = a - 1, first = a;
    while (j >= from && parts.length < 3) {
      const t = lines[j].text.trim();
      if (!t) { j--; continue; }
      if (t.length > 150 || EN_AUTHOR.test(t) || (parts.length > 0 && /[.;]$/.test(t))) break;
      parts.unshift(t); first = j; j--;
    }
    titleStart.push(first);
  }
  authorIdx.forEach((a, k) => {
    if (out.length >= max) return;
    const title = lines.slice(titleStart[k], a).map((l) => l.text.trim()).filter(Boolean).join(' ');
    const authors = lines[a].text.trim().split(/\s*(?:&|,|\band\b)\s*/).filter(Boolean);
    let abstract: string | undefined;
    if (withAbstract) {
      const end = k + 1 < authorIdx.length ? titleStart[k + 1] : stop;
      abstract = lines.slice(a + 1, end).map((l) => l.text.trim()).filter(Boolean).join(' ') || undefined;
    }
    if (title) out.push({ title, authors, abstract });
  });
  return out;
}
