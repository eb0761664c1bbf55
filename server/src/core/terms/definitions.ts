/**
 * Definitional sentences, Chinese and English: X是指…, X主要指…, X即…, 所谓X，就是/是指…, X是一种…,
 * 一般认为，X是…, "X refers to / is defined as / means …". A use is not a definition: 所谓的“规则”
 * (so-called) is left out, and a judgement (区域组织是一种必然的选择) ranks below a definition or is dropped.
 */
import type { Span } from '../model';

export interface DefinitionCandidate {
  term: string;
  /** The sentence that defines it. */
  text: string;
  span: Span;
  /** Higher is better: pattern strength, the term as the sentence's subject, the sentence's form. */
  score: number;
  pattern: string;
}

const SENTENCES = /[^。！？!?\n]+[。！？!?]?/g;
const TERM_ZH = '[\\u4e00-\\u9fffA-Za-z0-9·“”‘’《》\\-（）()]{2,30}?';
const CJK_ONLY = /^[\u4e00-\u9fff·]{2,20}$/;

interface Rule { re: RegExp; strength: number; name: string }

const ZH_RULES: Rule[] = [
  { re: new RegExp(`^所谓(${TERM_ZH})[，,]\\s*(?:就是|是指|即|指的是|主要是指|首先是指)`), strength: 5, name: '所谓X，就是' },
  { re: new RegExp(`^所谓(${TERM_ZH})(?:就是|是指|首先是指|主要是指)`), strength: 4, name: '所谓X是指' },
  { re: new RegExp(`^(${TERM_ZH})(?:是指|指的是|的含义是指|的定义是)`), strength: 4, name: 'X是指' },
  { re: new RegExp(`^(${TERM_ZH})(?:主要是指|主要指|一般是指|通常是指|通常指|泛指|特指)`), strength: 3, name: 'X主要指' },
  { re: new RegExp(`^(${TERM_ZH})[，,]?\\s*即(?!使|便|刻|将|可|时|日|兴|位|为)`), strength: 2, name: 'X即' },
  { re: new RegExp(`^(${TERM_ZH})是一种`), strength: 1, name: 'X是一种' },
];

/** Lead-ins after which the subject still opens the definition: 一般认为，/ 联合国环境规划署认为，/ 在国际法上， */
const LEAD_IN = /^(?:一般认为|通常认为|学界认为|有学者认为|[\u4e00-\u9fff]{2,12}认为|在[\u4e00-\u9fff]{2,12}[上中里]|从[\u4e00-\u9fff]{2,10}看|广义上|狭义上)[，,]\s*/;
/** Qualifiers before the term that keep it the subject: 国际关系意义上的安全, 广义上的同盟. */
const QUALIFIER = /^(?:[\u4e00-\u9fff]{2,10}意义上的|广义上的|狭义上的|本文所说的|这里的|本文中的)/;

/** Sentence openers that are never the term being defined. */
const NOT_A_TERM = /^(?:事实上|然而|因此|同时|此外|其中|但是|而且|并且|首先|其次|最后|总之|例如|比如|另外|可见|当然|目前|当前|如今|其|这|该|此|它|他|她|我|你|双方|各方)/;

function cleanTerm(raw: string): string | undefined {
  if (NOT_A_TERM.test(raw)) return undefined;
  // A closing quote without its opening one: the sentence was cut mid-quotation.
  if (/[”’》]$/.test(raw) && !/^[“‘《]/.test(raw)) return undefined;
  let t = raw.replace(QUALIFIER, '');
  t = t.replace(/^[“‘《]|[”’》]$/g, '');
  // 区域全面经济伙伴关系协定（RCEP） — the abbreviation is not part of the term.
  t = t.replace(/[（(][A-Za-z0-9&\- ]+[)）]$/, '');
  if (/[“”‘’《》]/.test(t)) return undefined;
  return t.length >= 2 ? t : undefined;
}

/** Every definitional sentence in a passage, with its term and score. */
export function findDefinitions(text: string, offset = 0): DefinitionCandidate[] {
  const out: DefinitionCandidate[] = [];
  SENTENCES.lastIndex = 0;
  for (let m = SENTENCES.exec(text); m; m = SENTENCES.exec(text)) {
    const raw = m[0];
    const lead = raw.match(/^\s*(?:\^\[\d+\])?\s*/)![0].length;
    let sentence = raw.slice(lead);
    let start = m.index + lead;
    // 所谓的 is "so-called": a use, never a definition.
    if (/^所谓的/.test(sentence)) continue;
    let bonus = 1;
    const li = LEAD_IN.exec(sentence);
    if (li) { sentence = sentence.slice(li[0].length); start += li[0].length; bonus = 1; }
    let hit: DefinitionCandidate | undefined;
    for (const r of ZH_RULES) {
      const x = r.re.exec(sentence);
      if (!x) continue;
      const term = cleanTerm(x[1]);
      if (!term) continue;
      // The definition must say something after the copula.
      if (sentence.length - x[0].length < 6) continue;
      let score = r.strength + bonus;
      if (r.name === 'X即' && !CJK_ONLY.test(term)) continue;
      if (r.name === 'X是一种') {
        // 区域组织是一种必然的选择: a judgement (an evaluative noun follows), not a definition.
        if (/^是一种(?:必然|重要|有效|新的|全新的|可行的|现实的|理性的|积极的|消极的|合理的)?(?:的)?(?:选择|趋势|必然|现象|态度|姿态|努力|尝试|手段|策略)/.test(sentence.slice(x[0].length - 3))) continue;
        if (!CJK_ONLY.test(term) || term.length > 10) continue;
      }
      if (!/^[\u4e00-\u9fffA-Za-z]/.test(term)) continue;
      if (term.length > 16) score -= 1;
      hit = { term, text: raw.slice(lead).trim(), span: { start: offset + m.index + lead, end: offset + m.index + raw.length }, score, pattern: r.name };
      break;
    }
    if (!hit) {
      const en = /^((?:[A-Z][\w'’\-]*|[a-z][\w'’\-]*)(?:\s+[\w'’\-]+){0,5})\s+(refers to|is defined as|means|denotes)\s+(.{10,})/.exec(sentence);
      if (en && !/^(?:This|It|That|He|She|They|We|Which|What)\b/.test(en[1])) {
        const term = en[1].replace(/^(?:The|A|An)\s+/, '');
        hit = { term, text: raw.slice(lead).trim(), span: { start: offset + start, end: offset + m.index + raw.length }, score: en[2] === 'means' ? 2 : 4, pattern: `X ${en[2]}` };
      }
    }
    if (hit) out.push(hit);
  }
  return out;
}
