/** CSL-JSON items as the citation features keep them: each with a stable id and where the corpus holds it. */
import type { SourceLocation } from '../model';

export interface CslName { family?: string; given?: string; literal?: string }

export interface CslItem {
  id: string;
  type: 'article-journal' | 'article-newspaper' | 'book' | 'chapter' | 'webpage' | 'report' | 'document';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  'publisher-place'?: string;
  issued?: { 'date-parts': number[][] };
  volume?: string;
  issue?: string;
  page?: string;
  /** Newspaper page (版). */
  section?: string;
  URL?: string;
  language: 'zh-CN' | 'en-US' | 'ja-JP';
  /** Where the corpus (or a bibliography file) holds it. */
  source: SourceLocation[];
  /** What it came from: a corpus note, a corpus article, a bibliography file. */
  origin: 'note' | 'article' | 'bibliography';
}

const hash = (s: string) => { let h = 2166136261; for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619); return (h >>> 0).toString(36); };

/** A stable id: the first author, the year and a hash of the normalised title. */
export function itemId(item: Pick<CslItem, 'title' | 'author' | 'issued'>): string {
  const a = item.author?.[0];
  const who = (a?.family ?? a?.literal ?? 'anon').replace(/\s+/g, '').toLowerCase().slice(0, 12);
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? 'nd';
  return `${who}${year}-${hash(item.title.replace(/[\s\p{P}]+/gu, '').toLowerCase())}`;
}

/** 王毅 → family 王, given 毅 (two-character family names are rare enough to ignore); Glenn H. Snyder → Snyder, Glenn H. */
export function parseName(s: string): CslName {
  const t = s.trim().replace(/^[（(]?[^）)]*[）)]$/, (m) => m);
  if (/^[\u4e00-\u9fff·]+$/.test(t)) return t.includes('·') ? { literal: t } : { family: t.slice(0, 1), given: t.slice(1) };
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(t)) return { literal: t };
  const parts = t.split(/\s+/);
  if (parts.length === 1) return { literal: t };
  return { family: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
}

export function nameText(n: CslName): string {
  if (n.literal) return n.literal;
  const cjk = /[\u4e00-\u9fff]/.test(n.family ?? '');
  return cjk ? `${n.family ?? ''}${n.given ?? ''}` : [n.given, n.family].filter(Boolean).join(' ');
}
