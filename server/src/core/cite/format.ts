/**
 * Formatting a reference: `house` (the corpus journal's own note style: 作者：《题名》，《期刊》年份年第期，第页。 for
 * Chinese items, Chicago-like notes for Western ones), and GB/T 7714-2015, Chicago notes and APA through
 * citeproc-js with the CSL styles in server/data/csl (English items get English terms: "et al.").
 */
import type { CslItem, CslName } from './csl';
import { nameText } from './csl';
import type { CitationStyle } from '../../shared/protocol';
import gbStyle from '../../../data/csl/china-national-standard-gb-t-7714-2015-numeric.json';
import chicagoStyle from '../../../data/csl/chicago-fullnote-bibliography.json';
import apaStyle from '../../../data/csl/apa.json';
import zhLocale from '../../../data/csl/locales-zh-CN.json';
import enLocale from '../../../data/csl/locales-en-US.json';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function authorsZh(a?: CslName[]): string { return a?.length ? `${a.map(nameText).join('、')}：` : ''; }
function authorsEn(a?: CslName[]): string {
  if (!a?.length) return '';
  const names = a.map(nameText);
  return (names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`) + ', ';
}

/** The house note for an item, with an optional page locator. */
export function formatHouse(it: CslItem | Omit<CslItem, 'id' | 'source' | 'origin'>, locator?: string): string {
  const [y, m, d] = it.issued?.['date-parts']?.[0] ?? [];
  if (it.language !== 'en-US') {
    const head = `${authorsZh(it.author)}《${it.title}》`;
    const page = locator ? `，第${locator}页` : '';
    switch (it.type) {
      case 'article-journal': return `${head}，《${it['container-title'] ?? ''}》${y ?? ''}年第${it.issue ?? ''}期${page}。`;
      case 'article-newspaper': return `${head}，《${it['container-title'] ?? ''}》${y}年${m}月${d}日${it.section ? `，第${it.section}版` : ''}。`;
      case 'book': return `${head}，${it.publisher ?? ''}${y ?? ''}年版${page}。`;
      case 'webpage': return `${head}，${it['container-title'] ?? ''}${y ? `，${y}年${m ?? ''}月${d ?? ''}日` : ''}，<${it.URL ?? ''}>。`;
      default: return `${head}${page}。`;
    }
  }
  const date = y ? `${m ? `${MONTHS[m - 1]} ${d ? `${d}, ` : ''}` : ''}${y}` : '';
  switch (it.type) {
    case 'article-journal': return `${authorsEn(it.author)}“${it.title},” *${it['container-title'] ?? ''}*${it.volume ? `, Vol.${it.volume}` : ''}${it.issue ? `, No.${it.issue}` : ''}, ${y ?? ''}${it.page || locator ? `, pp.${locator ?? it.page}` : ''}.`;
    case 'book': return `${authorsEn(it.author)}*${it.title}*${it.publisher ? `, ${it['publisher-place'] ? `${it['publisher-place']}: ` : ''}${it.publisher}` : ''}, ${y ?? ''}${locator ? `, p.${locator}` : ''}.`;
    default: return `${authorsEn(it.author)}“${it.title},” ${[it['container-title'], date, it.URL ? `<${it.URL}>` : ''].filter(Boolean).join(', ')}.`;
  }
}

// The styles and locales are bundled (esbuild) or copied next to the compiled code (tsc) as JSON.
const STYLES = { gb7714: gbStyle, chicago: chicagoStyle, apa: apaStyle } as Record<string, unknown>;
const LOCALES = { 'zh-CN': zhLocale, 'en-US': enLocale } as Record<string, unknown>;

/** Formats with citeproc-js: a bibliography entry (GB/T 7714, APA) or a full note (Chicago); plain text. */
export function formatCsl(item: CslItem, style: Exclude<CitationStyle, 'house'>, locator?: string): string {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const CSL = require('citeproc');
  const lang = item.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { source: _s, origin: _o, ...csl } = item;
  void _s; void _o;
  const sys = { retrieveLocale: (l: string) => LOCALES[l] ?? LOCALES['en-US'], retrieveItem: () => ({ ...csl, language: lang }) };
  const engine = new CSL.Engine(sys, STYLES[style], lang);
  engine.setOutputFormat('text');
  if (style === 'chicago') {
    const r = engine.processCitationCluster({ citationItems: [{ id: item.id, ...(locator ? { locator } : {}) }], properties: { noteIndex: 1 } }, [], []);
    return String(r[1][0][1]).trim();
  }
  engine.updateItems([item.id]);
  const bib = engine.makeBibliography();
  const text = String(bib[1][0]).trim().replace(/^\[\d+\]\s*/, '');
  return locator && style === 'gb7714' ? text.replace(/: [\d\-–]+\.$|\.$/, `: ${locator}.`) : text;
}

export function formatCitation(item: CslItem, style: CitationStyle, locator?: string): string {
  return style === 'house' ? formatHouse(item, locator) : formatCsl(item, style, locator);
}

