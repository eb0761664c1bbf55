/**
 * One footnote's text into references: the corpus's Chinese forms (作者：《题名》，《期刊》2018年第5期，第88-89页。/
 * 《报纸》2022年4月22日，第2版。/ 出版社2010年版 / 网站，日期，URL), Western forms (Author, “Title,” *Journal*,
 * Vol.36, No.4, 1984, pp.461-495.), several references in one note (；), 同上 / Ibid., short forms, and
 * explanatory notes (not references). Never throws.
 */
import type { CslItem, CslName } from './csl';
import { parseName } from './csl';

export type ParsedRef = Omit<CslItem, 'id' | 'source' | 'origin'> & { locator?: string };

export type NoteParse =
  | { kind: 'references'; refs: ParsedRef[]; short: ParsedRef[] }
  | { kind: 'ibid'; locator?: string }
  | { kind: 'explanatory' };

const D = '[\\d\\-—–－~]+';
const year = (y: string) => ({ 'date-parts': [[Number(y)]] });
const ymd = (y: string, m?: string, d?: string) => ({ 'date-parts': [[Number(y), ...(m ? [Number(m)] : []), ...(d ? [Number(d)] : [])]] });
const pages = (p: string) => p.replace(/[—–－]/g, '-');
const cleanEnd = (s: string) => s.replace(/[。.\s]+$/, '');

function chineseAuthors(s: string): CslName[] {
  return s.split(/[、，,]/).map((x) => x.replace(/^(?:参见|参阅|详见|转引自|见)/, '').replace(/(?:等|主编|编著|编|著|译)$/, '').trim()).filter(Boolean).map(parseName);
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const EN_DATE = new RegExp(`(?:(${MONTHS})\\s+(?:(\\d{1,2}),\\s*)?)?(\\d{4})`);

function parseChinese(t: string): { ref?: ParsedRef; short?: ParsedRef } {
  // Japanese sources write 「題名」、… and 『書名』: read them as 《》 with 、 for ，.
  if (/^(?:[^「『]{0,30}?)[「『]/.test(t) && !/《/.test(t)) t = t.replace(/[「『]/, '《').replace(/[」』]/, '》').replace(/、/g, '，');
  const m = /^(?:(?<au>[^：:《》“”]{1,60}?)[：:]\s*)?《(?<title>[^》]+)》(?:白皮书|报告)?(?<rest>.*)$/.exec(t);
  if (!m) return {};
  const author = m.groups!.au ? chineseAuthors(m.groups!.au) : undefined;
  const title = m.groups!.title.trim();
  const rest = cleanEnd(m.groups!.rest).replace(/^[，,]\s*/, '');
  const base = { title, ...(author?.length ? { author } : {}), language: /[\u3040-\u30ff]/.test(t) ? ('ja-JP' as const) : ('zh-CN' as const) };
  let x: RegExpExecArray | null;
  if ((x = new RegExp(`^《(?<c>[^》]+)》\\s*(?<y>\\d{4})\\s*年\\s*第\\s*(?<i>\\d+)\\s*期(?:[，,]\\s*第\\s*(?<p>${D})\\s*页)?$`).exec(rest))) {
    return { ref: { ...base, type: 'article-journal', 'container-title': x.groups!.c, issued: year(x.groups!.y), issue: x.groups!.i, ...(x.groups!.p ? { locator: pages(x.groups!.p) } : {}) } };
  }
  if ((x = /^《(?<c>[^》]+)》\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日(?:[，,]\s*第\s*(?<s>\d+)\s*版)?$/.exec(rest))) {
    return { ref: { ...base, type: 'article-newspaper', 'container-title': x.groups!.c, issued: ymd(x.groups!.y, x.groups!.m, x.groups!.d), ...(x.groups!.s ? { section: x.groups!.s } : {}) } };
  }
  if ((x = new RegExp(`^(?<pub>[^，,《》]+?)\\s*(?<y>\\d{4})\\s*年版(?:[，,]\\s*第\\s*(?<p>${D})\\s*页)?$`).exec(rest))) {
    return { ref: { ...base, type: 'book', publisher: x.groups!.pub.trim(), issued: year(x.groups!.y), ...(x.groups!.p ? { locator: pages(x.groups!.p) } : {}) } };
  }
  if ((x = /^(?<site>[^，,<]+?)(?:[，,]\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)?[，,]\s*<?(?<url>https?:\/\/[^\s<>]+?)>?$/.exec(rest))) {
    return { ref: { ...base, type: 'webpage', 'container-title': x.groups!.site.trim(), ...(x.groups!.y ? { issued: ymd(x.groups!.y, x.groups!.m, x.groups!.d) } : {}), URL: x.groups!.url } };
  }
  // 作者：《题名》，第155页。 / 《题名》。 : a short form of a reference given in full elsewhere.
  if ((x = new RegExp(`^(?:第\\s*(?<p>${D})\\s*页)?$`).exec(rest))) return { short: { ...base, type: 'document', ...(x.groups!.p ? { locator: pages(x.groups!.p) } : {}) } };
  return {};
}

function parseWestern(t: string): ParsedRef | undefined {
  const m = /^(?:(?<au>[^“"]+?),\s*)?[“"](?<title>[^”"]+?)[,，]?[”"](?<rest>.*)$/.exec(t);
  if (m) {
    const author = m.groups!.au ? m.groups!.au.split(/\s+and\s+|,\s*/).filter(Boolean).map(parseName) : undefined;
    const rest = cleanEnd(m.groups!.rest).replace(/^[\s,，]+/, '');
    const base = { title: m.groups!.title.trim(), ...(author?.length ? { author } : {}), language: 'en-US' as const };
    let x: RegExpExecArray | null;
    if ((x = /^\*(?<c>[^*]+)\*(?:,\s*Vol\.\s*(?<v>[\w-]+))?(?:,\s*No\.\s*(?<i>[\w/-]+))?,\s*(?<y>\d{4})(?:,\s*pp?\.\s*(?<p>[\d\-–—]+))?$/.exec(rest))) {
      return { ...base, type: 'article-journal', 'container-title': x.groups!.c.trim(), issued: year(x.groups!.y), ...(x.groups!.v ? { volume: x.groups!.v } : {}), ...(x.groups!.i ? { issue: x.groups!.i } : {}), ...(x.groups!.p ? { page: pages(x.groups!.p) } : {}) };
    }
    const url = /<?(https?:\/\/[^\s<>]+?)>?$/.exec(rest);
    const head = url ? rest.slice(0, url.index).replace(/[,，]\s*$/, '') : rest;
    const parts = head.split(/,\s*/).filter(Boolean);
    let issued: ParsedRef['issued'];
    let container: string | undefined;
    // The date is the tail of the comma-separated parts (January 30, 2024 / February 1920 / 2023).
    const whole = new RegExp(`^${EN_DATE.source}$`);
    let datePart = -1;
    for (let i = 0; i < parts.length; i++) if (whole.test(parts.slice(i).join(', '))) { datePart = i; break; }
    if (datePart >= 0) {
      const d = whole.exec(parts.slice(datePart).join(', '))!;
      const month = d[1] ? MONTHS.split('|').indexOf(d[1]) + 1 : undefined;
      issued = ymd(d[3], month ? String(month) : undefined, d[2]);
      if (datePart > 0) container = parts.slice(0, datePart).join(', ').replace(/^\*|\*$/g, '');
    } else if (parts.length) container = parts.join(', ').replace(/^\*|\*$/g, '');
    if (!url && !issued && !container) return undefined;
    return { ...base, type: url ? 'webpage' : 'article-journal', ...(container ? { 'container-title': container } : {}), ...(issued ? { issued } : {}), ...(url ? { URL: url[1] } : {}) };
  }
  const b = /^(?<au>[^,*]+?),\s*\*(?<title>[^*]+)\*(?:,\s*(?<place>[^:,]+):\s*(?<pub>[^,]+))?,\s*(?<y>\d{4})(?:,\s*pp?\.\s*(?<p>[\d\-–—]+))?[.。]?$/.exec(t);
  if (b) {
    return { type: 'book', title: b.groups!.title.trim(), author: b.groups!.au.split(/\s+and\s+/).map(parseName), ...(b.groups!.pub ? { publisher: b.groups!.pub.trim(), 'publisher-place': b.groups!.place.trim() } : {}), issued: year(b.groups!.y), language: 'en-US', ...(b.groups!.p ? { locator: pages(b.groups!.p) } : {}) };
  }
  return undefined;
}

export function parseNote(text: string): NoteParse {
  const t = text.trim().replace(/^(?:参见|参阅|详见|转引自|见)\s*/, '');
  const ibid = /^\*?(?:同上|Ibid\.?)\*?(?:[，,]\s*(?:第\s*)?(?<p>[\d\-—–]+)\s*页?|[，,]\s*pp?\.\s*(?<q>[\d\-–—]+))?[。.]?$/i.exec(t);
  if (ibid) return { kind: 'ibid', locator: ibid.groups?.p ?? ibid.groups?.q };
  const refs: ParsedRef[] = [], short: ParsedRef[] = [];
  // Several references in one note are separated by ；
  for (const part of t.split(/[；;](?=\s*(?:参见|见)?\s*(?:[^；;]{0,40}[：:]\s*)?[《“"A-Z*])/)) {
    const p = part.trim().replace(/^(?:参见|参阅|详见|转引自|见)\s*/, '');
    if (!p) continue;
    if (/^[^《]*[“"][^”"]+[”"]/.test(p) && !/《/.test(p.slice(0, 30))) {
      const w = parseWestern(p);
      if (w) { refs.push(w); continue; }
    }
    const c = parseChinese(p);
    if (c.ref) refs.push(c.ref);
    else if (c.short) short.push(c.short);
    else { const w = parseWestern(p); if (w) refs.push(w); }
  }
  if (!refs.length && !short.length) return { kind: 'explanatory' };
  return { kind: 'references', refs, short };
}
