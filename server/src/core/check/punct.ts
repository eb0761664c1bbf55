/**
 * punct-halfwidth: half-width , . ; : ? ! ( ) inside Chinese text — between CJK characters or closing a
 * CJK sentence. English sentences, numbers (2.5%, 1,000), URLs, code and Western-style notes keep theirs.
 */
import { Code, finding, Finding } from './findings';
import { isCjkCode } from '../text/chars';

const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** CJK characters and the full-width punctuation that only stands in CJK text. */
function isCjkContext(c: number): boolean {
  return isCjkCode(c) || (c >= 0x3001 && c <= 0x303f && c !== 0x3000) || (c >= 0xff01 && c <= 0xff60) || c === 0x201c || c === 0x201d || c === 0x2018 || (c >= 0xd840 && c <= 0xd87f);
}

function prevNonSpace(t: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) { const c = t.charCodeAt(j); if (c !== 32 && c !== 9) return c; }
  return -1;
}

function nextNonSpace(t: string, i: number): { c: number; at: number } {
  for (let j = i + 1; j < t.length; j++) { const c = t.charCodeAt(j); if (c !== 32 && c !== 9) return { c, at: j }; }
  return { c: -1, at: t.length };
}

const isLineEnd = (c: number) => c === -1 || c === 10 || c === 13;

/** `masked` has code, URLs etc. blanked (see mask.ts); spans are offsets into the original text. */
export function checkHalfwidthPunctuation(masked: string): Finding[] {
  const out: Finding[] = [];
  const pairedParens = new Set<number>();
  // Parentheses: a pair whose content holds Chinese, opened right after Chinese text.
  for (let i = masked.indexOf('('); i !== -1; i = masked.indexOf('(', i + 1)) {
    let depth = 0, close = -1;
    for (let j = i + 1; j < masked.length && masked[j] !== '\n'; j++) {
      if (masked[j] === '(') depth++;
      else if (masked[j] === ')') { if (depth === 0) { close = j; break; } depth--; }
    }
    if (close < 0) continue;
    const inner = masked.slice(i + 1, close);
    let innerCjk = false;
    for (let k = 0; k < inner.length; k++) if (isCjkCode(inner.charCodeAt(k))) { innerCjk = true; break; }
    if (!innerCjk) continue;
    for (const at of [i, close]) {
      pairedParens.add(at);
      out.push(finding(Code.PunctHalfwidth, { start: at, end: at + 1 }, `half-width "${masked[at]}" in Chinese text: use "${FULL[masked[at]]}"`, [
        { title: `Replace with ${FULL[masked[at]]}`, edits: [{ span: { start: at, end: at + 1 }, newText: FULL[masked[at]] }], safe: true },
      ]));
    }
  }
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch !== ',' && ch !== '.' && ch !== ';' && ch !== ':' && ch !== '?' && ch !== '!') continue;
    const before = prevNonSpace(masked, i);
    if (before === -1 || !isCjkContext(before)) continue;
    const next = nextNonSpace(masked, i);
    // "中文, English" and "见第5页." stay: only Chinese on both sides, or the end of a Chinese sentence.
    const closing = isLineEnd(next.c) || next.c === 0x201d || next.c === 0x300d || next.c === 0x300f || next.c === 0x5b || next.c === 0x5e;
    if (ch === '.') {
      // "…结束." at a line end or before more Chinese; never "3.5" (a digit precedes) nor "…等. The"
      if (!(closing || isCjkContext(next.c))) continue;
      if (masked[i + 1] === '.') continue; // ellipsis written with dots
    } else if (!(closing || isCjkContext(next.c))) continue;
    // The fix also takes the spaces a half-width mark brings, when Chinese follows them.
    let end = i + 1;
    if (!isLineEnd(next.c) && isCjkContext(next.c)) end = next.at;
    const full = FULL[ch];
    out.push(finding(Code.PunctHalfwidth, { start: i, end: i + 1 }, `half-width "${ch}" in Chinese text: use "${full}"`, [
      { title: `Replace with ${full}`, edits: [{ span: { start: i, end }, newText: full }], safe: true },
    ]));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
