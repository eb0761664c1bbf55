/**
 * Formatting a reference through citeproc-js: `house` (server/data/csl/house.csl, the corpus journal's own note
 * style: 作者：《题名》，《期刊》年份年第期，第页。 for Chinese items, Chicago-like notes for Western ones), and
 * GB/T 7714-2015, Chicago notes and APA from the CSL styles repository (English items get English terms).
 */
import type { CslItem } from './csl';
import type { CitationStyle } from '../../shared/protocol';
import gbStyle from '../../../data/csl/china-national-standard-gb-t-7714-2015-numeric.json';
import chicagoStyle from '../../../data/csl/chicago-fullnote-bibliography.json';
import apaStyle from '../../../data/csl/apa.json';
import houseStyle from '../../../data/csl/house.json';
import zhLocale from '../../../data/csl/locales-zh-CN.json';
import enLocale from '../../../data/csl/locales-en-US.json';

// The styles and locales are bundled (esbuild) or copied next to the compiled code (tsc) as JSON.
const STYLES = { gb7714: gbStyle, chicago: chicagoStyle, apa: apaStyle, house: houseStyle } as Record<string, unknown>;
const LOCALES = { 'zh-CN': zhLocale, 'en-US': enLocale } as Record<string, unknown>;

/** One engine per style and language, reused: items are looked up by id from `current`. */
const engines = new Map<string, { engine: any; items: Map<string, unknown> }>();

function engineFor(style: CitationStyle, lang: 'zh-CN' | 'en-US') {
  const key = `${style}|${lang}`;
  let e = engines.get(key);
  if (!e) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const CSL = require('citeproc');
    const items = new Map<string, unknown>();
    const sys = { retrieveLocale: (l: string) => LOCALES[l] ?? LOCALES['en-US'], retrieveItem: (id: string) => items.get(id) };
    const engine = new CSL.Engine(sys, STYLES[style], lang, true);
    engine.setOutputFormat('text');
    engines.set(key, (e = { engine, items }));
  }
  return e;
}

/** Formats with citeproc-js: a note (house, Chicago) or a bibliography entry (GB/T 7714, APA); plain text. */
export function formatCsl(item: CslItem, style: CitationStyle, locator?: string): string {
  const lang = item.language === 'en-US' ? 'en-US' : 'zh-CN';
  const { source: _s, origin: _o, ...csl } = item;
  void _s; void _o;
  // The house style tells Western items from Chinese ones by the presence of `language`.
  const data = style === 'house' && lang !== 'en-US' ? (({ language: _l, ...x }) => x)(csl) : { ...csl, language: lang };
  const { engine, items } = engineFor(style, lang);
  items.set(item.id, data);
  if (style === 'chicago' || style === 'house') {
    engine.updateItems([item.id]);
    const text = String(engine.makeCitationCluster([{ id: item.id, ...(locator ? { locator } : {}) }])).trim();
    // The corpus writes page ranges with a hyphen (第88-89页, pp.461-495); citeproc-js makes it an en dash.
    return style === 'house' ? text.replace(/(\d)–(\d)/g, '$1-$2') : text;
  }
  engine.updateItems([item.id]);
  const bib = engine.makeBibliography();
  const text = String(bib[1][0]).trim().replace(/^\[\d+\]\s*/, '');
  return locator && style === 'gb7714' ? text.replace(/: [\d\-–]+\.$|\.$/, `: ${locator}.`) : text;
}

export function formatCitation(item: CslItem, style: CitationStyle, locator?: string): string {
  return formatCsl(item, style, locator);
}

