/**
 * The reference library: every reference the corpus holds — in its notes (同上 and short forms resolved to
 * the reference they repeat, explanatory notes left out) and as its own articles — merged by stable id, each
 * with the places it was found. Plain data, persisted with the index.
 */
import type { Corpus } from '../index/corpus';
import type { IndexedDocument } from '../model';
import { registerFeature } from '../service';
import { CslItem, itemId, nameText } from './csl';
import { parseNote, ParsedRef } from './notes';
import { toSimplified } from '../check/script';

export interface ReferenceLibrary {
  items: Map<string, CslItem>;
  /** Note-level results, for measuring the parser: note uri#label → the ids it cites. */
  notes: { uri: string; label: string; start: number; end: number; text: string; kind: string; ids: string[]; locators: (string | undefined)[]; /** Only references given in full (no short form, not 同上). */ full: boolean }[];
}

const norm = (s: string) => s.replace(/[\s\p{P}]+/gu, '').toLowerCase();

/** Items by normalised title, for resolving short forms without scanning the library. */
type TitleIndex = Map<string, CslItem[]>;

function addItem(lib: ReferenceLibrary, titles: TitleIndex, ref: ParsedRef, source: { uri: string; span: { start: number; end: number } }, origin: CslItem['origin']): string {
  const { locator: _l, ...rest } = ref;
  void _l;
  const id = itemId(rest);
  const old = lib.items.get(id);
  if (old) { if (!old.source.some((s) => s.uri === source.uri && s.span.start === source.span.start)) old.source.push(source); return id; }
  const item: CslItem = { ...rest, id, source: [source], origin };
  lib.items.set(id, item);
  const key = norm(item.title);
  const list = titles.get(key);
  if (list) list.push(item); else titles.set(key, [item]);
  return id;
}

/** The reference of an article of the corpus (its id is the library's id for it). */
export function articleReference(doc: IndexedDocument, articleIndex: number): ParsedRef | undefined {
  const a = doc.structure.articles[articleIndex];
  if (!a?.title) return undefined;
  return {
    type: 'article-journal',
    title: a.title,
    author: a.authors.map((n) => ({ family: n.slice(0, 1), given: n.slice(1) })),
    ...(a.journal ? { 'container-title': toSimplified(a.journal) } : {}),
    ...(a.year ? { issued: { 'date-parts': [[a.year]] } } : {}),
    ...(a.issue ? { issue: a.issue } : {}),
    ...(a.pageFirst ? { page: a.pageLast ? `${a.pageFirst}-${a.pageLast}` : String(a.pageFirst) } : {}),
    language: 'zh-CN',
  };
}

export function articleReferenceId(doc: IndexedDocument, articleIndex: number): string | undefined {
  const ref = articleReference(doc, articleIndex);
  return ref ? itemId(ref) : undefined;
}

function articleItems(lib: ReferenceLibrary, titles: TitleIndex, doc: IndexedDocument): void {
  doc.structure.articles.forEach((a, ai) => {
    const item = articleReference(doc, ai);
    if (!item) return;
    addItem(lib, titles, item, { uri: doc.uri, span: { start: a.span.start, end: a.span.start + a.title.length } }, 'article');
  });
}

export function buildReferenceLibrary(corpus: Corpus): ReferenceLibrary {
  const lib: ReferenceLibrary = { items: new Map(), notes: [] };
  const titles: TitleIndex = new Map();
  for (const doc of corpus.docs) {
    articleItems(lib, titles, doc);
    let previous: { ids: string[] } | undefined;
    for (const n of doc.structure.notes) {
      const source = { uri: doc.uri, span: n.span };
      const r = parseNote(n.text);
      const entry = { uri: doc.uri, label: n.label, start: n.span.start, end: n.span.end, text: n.text, kind: r.kind, ids: [] as string[], locators: [] as (string | undefined)[], full: r.kind === 'references' && r.short.length === 0 };
      if (r.kind === 'ibid') {
        entry.ids = previous?.ids ?? [];
        entry.locators = entry.ids.map(() => r.locator);
      } else if (r.kind === 'references') {
        for (const ref of r.refs) { entry.ids.push(addItem(lib, titles, ref, source, 'note')); entry.locators.push(ref.locator); }
        for (const s of r.short) {
          // A short form repeats a reference given in full: the same title, in this document first, then anywhere.
          const same = titles.get(norm(s.title)) ?? [];
          const found = same.find((it) => it.source.some((x) => x.uri === doc.uri)) ?? same[0];
          if (found) { entry.ids.push(found.id); entry.locators.push(s.locator); if (!found.source.some((x) => x.span.start === source.span.start)) found.source.push(source); }
        }
      }
      lib.notes.push(entry);
      if (entry.ids.length) previous = entry;
    }
  }
  return lib;
}

/**
 * The round trip: each note that gives one reference in full, formatted back with `format`, compared with
 * the note as written (white space aside). Returns how many reproduce it, of how many.
 */
export function roundTrip(lib: ReferenceLibrary, format: (item: CslItem, locator?: string) => string): { same: number; total: number; misses: { note: string; formatted: string }[] } {
  const n = (s: string) => s.replace(/\s+/g, '');
  let same = 0, total = 0;
  const misses: { note: string; formatted: string }[] = [];
  for (const note of lib.notes) {
    if (!note.full || note.ids.length !== 1) continue;
    total++;
    const formatted = format(lib.items.get(note.ids[0])!, note.locators[0]);
    if (n(formatted) === n(note.text)) same++; else misses.push({ note: note.text, formatted });
  }
  return { same, total, misses };
}

/** Items whose authors, title, container or year contain every word of the query; all items for no query. */
export function searchReferences(lib: ReferenceLibrary, query = '', limit = 50): CslItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: CslItem[] = [];
  for (const it of lib.items.values()) {
    const hay = [it.title, it['container-title'] ?? '', ...(it.author ?? []).map(nameText), String(it.issued?.['date-parts']?.[0]?.[0] ?? ''), it.publisher ?? ''].join(' ').toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(it);
  }
  // Cited most often first.
  return out.sort((a, b) => b.source.length - a.source.length || a.title.localeCompare(b.title)).slice(0, limit);
}

export const REFERENCES = 'references';

registerFeature<ReferenceLibrary>({ name: REFERENCES, version: 1, withoutTokens: true, build: buildReferenceLibrary, count: (d) => d.items.size });
