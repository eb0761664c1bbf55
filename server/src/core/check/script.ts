/**
 * script-mixed: traditional characters in a document otherwise in simplified Chinese. Only characters
 * whose simplified form is certain (one-to-one) are listed, so the fix is safe.
 */
import { Code, finding, Finding } from './findings';

const PAIRS = '國国際际問问題题會会經经濟济發发關关係系與与對对這这為为們们來来時时說说現现實实學学體体點点將将當当從从還还進进過过開开長长個个門门東东車车書书見见話话讓让則则樣样區区組组織织華华灣湾臺台黨党軍军戰战權权義义務务員员變变歷历應应該该並并觀观論论導导響响總总統统選选舉举議议認认識识協协環环境境邊边運运動动處处機机構构賽赛營营盟盟聯联區区險险軟软硬硬貿贸質质際际層层級级類类陸陆單单雙双邏逻輯辑維维護护頭头區区歐欧亞亚對对邊边禮礼讀读寫写買买賣卖錢钱銀银價价擴扩脅胁衛卫災灾難难爭争鬥斗傳传統统爾尔蘭兰羅罗亞亚衝冲擊击減减廣广韓韩線线網网絡络節节檢检測测數数據据鐵铁殺杀顧顾貧贫億亿萬万歲岁週周壓压據据規规劃划';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) if (PAIRS[i] !== PAIRS[i + 1]) T2S.set(PAIRS[i], PAIRS[i + 1]);
const SIMPLIFIED = new Set([...T2S.values()]);

/** Traditional characters (those with a certain one-to-one simplified form) written in simplified form. */
export function toSimplified(s: string): string {
  return [...s].map((c) => T2S.get(c) ?? c).join('');
}

export function checkScript(masked: string): Finding[] {
  let trad = 0, simp = 0;
  for (const ch of masked) { if (T2S.has(ch)) trad++; else if (SIMPLIFIED.has(ch)) simp++; }
  // A document written in traditional characters is not "mixed": only the minority is flagged.
  if (trad === 0 || simp === 0 || trad >= simp) return [];
  const out: Finding[] = [];
  const re = new RegExp(`[${[...T2S.keys()].join('')}]+`, 'g');
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const simplified = [...m[0]].map((c) => T2S.get(c) ?? c).join('');
    out.push(finding(Code.ScriptMixed, span, `traditional characters “${m[0]}” in a simplified-Chinese document: “${simplified}”`, [
      { title: `Write ${simplified}`, edits: [{ span, newText: simplified }], safe: true },
    ]));
  }
  return out;
}
