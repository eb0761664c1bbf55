/**
 * Abbreviation pairs as texts write them: 世界贸易组织（WTO）, 《全面与进步跨太平洋伙伴关系协定》（CPTPP）,
 * “未来投资与贸易伙伴关系”(FITP), International Monetary Fund (IMF), IMF (International Monetary Fund).
 */
import type { Span } from '../model';

export interface AbbreviationPair {
  abbr: string;
  expansion: string;
  lang: 'zh' | 'en';
  /** The whole definition: expansion and abbreviation with their brackets. */
  span: Span;
  /** Where the abbreviation itself is. */
  abbrSpan: Span;
}

/** Two or more capitals (letters or digits after the first), as in WTO, G20, ASEAN, UNESCO; not Roman numerals. */
export const ABBR = /\b[A-Z][A-Za-z0-9&]*[A-Z0-9][A-Za-z0-9&]*s?\b/g;
const ROMAN = /^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

export function isAbbreviation(s: string): boolean {
  const caps = s.replace(/[^A-Z]/g, '').length;
  return caps >= 2 && s.length <= 12 && !ROMAN.test(s) && s.replace(/s$/, '').replace(/[^a-z]/g, '').length <= 1;
}

// Words that end a noun phrase's left edge in running Chinese text: what comes after them is the name.
const LEFT_EDGES = ['包括', '以及', '其中', '通过', '作为', '根据', '例如', '比如', '加入', '签署', '发起', '推出', '宣布', '提出', '参加', '参与', '启动', '退出', '审查', '成立', '建立', '主办', '领导', '支持', '反对', '重返', '进入', '依托', '利用', '借助', '推动', '推进', '加强', '扩大', '深化', '完善', '召开', '举行', '出席', '成为', '违反', '踢出', '开展', '组建', '设立', '牵头', '名为', '称为', '一个', '一项', '这一', '该', '表明', '源自', '本文', '副总理', '总理', '主席', '教授', '学者', '总统', '大使', '秘书长', '外长', '司长', '研究员', '专家', '记者', '机构'];
const LEFT_CHARS = new Set('的是了在对将被把向从于由为或等即如使让同年据其'.split(''));

/** The name at the end of a run of Chinese characters: cut after the last verb or function word before it. */
export function trimChineseName(run: string): string {
  let best = run;
  for (const w of LEFT_EDGES) {
    const i = best.lastIndexOf(w);
    if (i >= 0 && best.length - (i + w.length) >= 2) best = best.slice(i + w.length);
  }
  // Single-character function words: only where they leave a name of three or more characters
  // (与、和、及 often stand inside names — 全面与进步跨太平洋伙伴关系协定 — and are never cut at).
  for (let i = best.length - 4; i >= 0; i--) {
    if (LEFT_CHARS.has(best[i])) { best = best.slice(i + 1); break; }
  }
  // 和杰克·列维: a transliterated name does not begin with a conjunction.
  if (best.includes('·')) best = best.replace(/^[和与及]/, '');
  return best.length > 30 ? best.slice(best.length - 30) : best;
}

const initials = (words: string[]) => words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');

/** The shortest tail of an English phrase whose capitalised words' initials spell the abbreviation. */
function englishExpansion(phrase: string, abbr: string): string | undefined {
  const letters = abbr.replace(/[^A-Z]/g, '');
  const words = phrase.trim().split(/\s+/);
  for (let k = 1; k <= words.length; k++) {
    const tail = words.slice(words.length - k);
    if (!/^[A-Z]/.test(tail[0])) continue;
    const ini = initials(tail);
    if (ini === letters || (ini.length >= 2 && letters.startsWith(ini) && ini.length === letters.length - 1 && /\d/.test(abbr))) return tail.join(' ');
    if (ini.length > letters.length) return undefined;
  }
  return undefined;
}

const ZH_BEFORE = /(《[^《》\n]{2,40}》|“[^“”\n]{2,40}”|"[^"\n]{2,40}"|[\u4e00-\u9fff]{2,})\s*[（(]\s*([A-Za-z][A-Za-z0-9&\-]{1,11})\s*[)）]/g;
const EN_BEFORE = /((?:(?:[A-Z][A-Za-z'’\-]*|of|and|for|the|on|in|de|&)\s+){1,9}(?:[A-Z][A-Za-z'’\-]*))\s*\(\s*([A-Z][A-Za-z0-9&]{1,11})\s*\)/g;
const ABBR_BEFORE_EN = /\b([A-Z][A-Za-z0-9&]{1,11})\s*\(\s*([A-Z][A-Za-z'’\-]*(?:\s+(?:[A-Z][A-Za-z'’\-]*|of|and|for|the|on|in|de|&)){1,9})\s*\)/g;
const ABBR_BEFORE_ZH = /\b([A-Z][A-Za-z0-9&]{1,11})\s*[（(]\s*(?:即|全称|全称为)?\s*(《[^《》\n]{2,40}》|[\u4e00-\u9fff]{3,30})\s*[)）]/g;

const IN_PAREN = /[（(]\s*([A-Z][A-Za-z'’\-]*(?:\s+(?:[A-Z][A-Za-z'’\-]*|of|and|for|the|on|in|de|&)){1,9})\s*[,，;；]\s*([A-Z][A-Za-z0-9&]{1,11})\s*[)）]/g;

/** Every abbreviation pair written in the text, in order. Never throws. */
export function findAbbreviationPairs(text: string): AbbreviationPair[] {
  const out: AbbreviationPair[] = [];
  for (let m = (ZH_BEFORE.lastIndex = 0, ZH_BEFORE.exec(text)); m; m = ZH_BEFORE.exec(text)) {
    const abbr = m[2];
    if (!isAbbreviation(abbr)) continue;
    let exp = m[1];
    let expStart = m.index;
    if (/^[《“"]/.test(exp)) { exp = exp.slice(1, -1); }
    else { const name = trimChineseName(exp); expStart += exp.length - name.length; exp = name; }
    if (exp.length < 2) continue;
    const abbrAt = m.index + m[0].lastIndexOf(abbr);
    out.push({ abbr, expansion: exp, lang: 'zh', span: { start: expStart, end: m.index + m[0].length }, abbrSpan: { start: abbrAt, end: abbrAt + abbr.length } });
  }
  for (let m = (EN_BEFORE.lastIndex = 0, EN_BEFORE.exec(text)); m; m = EN_BEFORE.exec(text)) {
    const abbr = m[2];
    if (!isAbbreviation(abbr)) continue;
    const exp = englishExpansion(m[1], abbr);
    if (!exp) continue;
    const expStart = m.index + m[1].length - exp.length - (m[1].length - m[1].trimEnd().length);
    const abbrAt = m.index + m[0].lastIndexOf(abbr);
    out.push({ abbr, expansion: exp, lang: 'en', span: { start: expStart, end: m.index + m[0].length }, abbrSpan: { start: abbrAt, end: abbrAt + abbr.length } });
  }
  for (let m = (ABBR_BEFORE_EN.lastIndex = 0, ABBR_BEFORE_EN.exec(text)); m; m = ABBR_BEFORE_EN.exec(text)) {
    const abbr = m[1];
    if (!isAbbreviation(abbr)) continue;
    const exp = m[2].trim();
    if (initials(exp.split(/\s+/))[0] !== abbr[0]) continue;
    out.push({ abbr, expansion: exp, lang: 'en', span: { start: m.index, end: m.index + m[0].length }, abbrSpan: { start: m.index, end: m.index + abbr.length } });
  }
  for (let m = (ABBR_BEFORE_ZH.lastIndex = 0, ABBR_BEFORE_ZH.exec(text)); m; m = ABBR_BEFORE_ZH.exec(text)) {
    const abbr = m[1];
    if (!isAbbreviation(abbr)) continue;
    out.push({ abbr, expansion: m[2].replace(/^《|》$/g, ''), lang: 'zh', span: { start: m.index, end: m.index + m[0].length }, abbrSpan: { start: m.index, end: m.index + abbr.length } });
  }
  // 国际货币基金组织（International Monetary Fund, IMF）
  for (let m = (IN_PAREN.lastIndex = 0, IN_PAREN.exec(text)); m; m = IN_PAREN.exec(text)) {
    const abbr = m[2];
    if (!isAbbreviation(abbr) || initials(m[1].split(/\s+/))[0] !== abbr[0]) continue;
    const abbrAt = m.index + m[0].lastIndexOf(abbr);
    out.push({ abbr, expansion: m[1], lang: 'en', span: { start: m.index, end: m.index + m[0].length }, abbrSpan: { start: abbrAt, end: abbrAt + abbr.length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
