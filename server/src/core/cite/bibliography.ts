/**
 * The user's bibliography files: BibTeX (as Zotero / Better BibTeX export it) through citation-js, and
 * CSL-JSON. Each entry is read on its own, so a malformed one is reported with its line and skipped while
 * the rest load. Never throws.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { CslItem, CslName } from './csl';
import { itemId, parseName } from './csl';

export interface BibliographyProblem { line: number; message: string }
export interface ParsedBibliography { items: CslItem[]; problems: BibliographyProblem[] }

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const TYPES = new Set(['article-journal', 'article-newspaper', 'book', 'chapter', 'webpage', 'report']);

function toItem(raw: Record<string, any>, uri: string, start: number, end: number): CslItem | undefined {
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (!title) return undefined;
  const cjk = /[\u4e00-\u9fff]/.test(title);
  // Chinese names come as one "family" (王帆): split them as the notes' names are.
  const author: CslName[] | undefined = Array.isArray(raw.author) ? raw.author.map((a: CslName) => (a.family && !a.given && /^[\u4e00-\u9fff]{2,4}$/.test(a.family) ? parseName(a.family) : { family: a.family, given: a.given, literal: a.literal })) : undefined;
  const item: Omit<CslItem, 'id'> = {
    type: TYPES.has(raw.type) ? raw.type : raw.type === 'paper-conference' ? 'chapter' : 'document',
    title,
    ...(author?.length ? { author: author.map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as CslName) } : {}),
    ...(raw['container-title'] ? { 'container-title': String(raw['container-title']) } : {}),
    ...(raw.publisher ? { publisher: String(raw.publisher) } : {}),
    ...(raw['publisher-place'] ? { 'publisher-place': String(raw['publisher-place']) } : {}),
    ...(raw.issued?.['date-parts'] ? { issued: { 'date-parts': raw.issued['date-parts'] } } : {}),
    ...(raw.volume ? { volume: String(raw.volume) } : {}),
    ...(raw.issue ? { issue: String(raw.issue) } : {}),
    ...(raw.page ? { page: String(raw.page) } : {}),
    ...(raw.URL ? { URL: String(raw.URL) } : {}),
    language: cjk ? 'zh-CN' : 'en-US',
    source: [{ uri, span: { start, end } }],
    origin: 'bibliography',
  };
  return { ...item, id: itemId(item) };
}

export function parseBibTeX(text: string, uri: string): ParsedBibliography {
  const out: ParsedBibliography = { items: [], problems: [] };
  const starts: number[] = [];
  const re = /^[ \t]*@(\w+)\s*[{(]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!/^(comment|preamble|string)$/i.test(m[1])) starts.push(m.index);
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const chunk = text.slice(start, end);
    try {
      const data = new Cite(chunk).data as Record<string, any>[];
      if (!data.length) throw new Error('no entry could be read');
      for (const raw of data) {
        const it = toItem(raw, uri, start, end);
        if (it) out.items.push(it); else out.problems.push({ line: lineOf(text, start), message: 'entry without a title: skipped' });
      }
    } catch (e) {
      // The entry's first line: where the writer has to look.
      out.problems.push({ line: lineOf(text, start), message: `malformed entry skipped: ${(e as Error).message.split('\n')[0]}` });
    }
  });
  return out;
}

export function parseCslJson(text: string, uri: string): ParsedBibliography {
  const out: ParsedBibliography = { items: [], problems: [] };
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    out.problems.push({ line: pos ? lineOf(text, Number(pos[1])) : 1, message: `not valid JSON: ${(e as Error).message}` });
    return out;
  }
  const list = Array.isArray(data) ? data : [data];
  let from = 0;
  for (const raw of list) {
    // Where this entry is: its id as written, searched in order.
    const idAt = raw && typeof raw === 'object' && (raw as any).id !== undefined ? text.indexOf(JSON.stringify(String((raw as any).id)), from) : -1;
    const start = idAt >= 0 ? text.lastIndexOf('{', idAt) : from;
    if (idAt >= 0) from = idAt + 1;
    const it = raw && typeof raw === 'object' ? toItem(raw as Record<string, any>, uri, start, start + 1) : undefined;
    if (it) out.items.push(it); else out.problems.push({ line: lineOf(text, start), message: 'entry without a title (or not an object): skipped' });
  }
  return out;
}

export function parseBibliography(text: string, uri: string): ParsedBibliography {
  return /\.json$/i.test(uri) ? parseCslJson(text, uri) : parseBibTeX(text, uri);
}
