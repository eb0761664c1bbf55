/**
 * Tokens for matching: CJK runs cut into words by an ISegmenter (nodejieba behind an adapter), Latin
 * words and numbers by our own rules (the segmenter would cut "RCEP" into letters), punctuation dropped.
 */
import type { ISegmenter } from '../model';
import { foldWidth, isCjkCode } from './chars';

export interface Token { text: string; start: number; end: number }

/** Latin words (with inner ' - . as in U.S. or non-state), numbers (2.5, 1,000, 20%), kana runs. */
const NON_CJK_TOKEN = /[A-Za-z\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f]|['’\-](?=[A-Za-z]))*|\d+(?:[.,]\d+)*%?|[\u3040-\u30ff]+/g;

/** Sentence ends keep segmenter calls short (and cacheable): 。！？；!?; and line breaks. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 33 || c === 63 || c === 59 || c === 10;
}

function isCjkToken(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCjkCode(c)) continue;
    if (c >= 0xd840 && c <= 0xd87f) { i++; continue; }
    return false;
  }
  return s.length > 0;
}

function hasCjkCode(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (isCjkCode(c) || (c >= 0xd840 && c <= 0xd87f)) return true; }
  return false;
}

/**
 * Calls `emit(normalisedText, start, end)` for each token of `text[from, to)` in order.
 * Offsets are absolute in `text`.
 */
export function forEachToken(text: string, segmenter: ISegmenter, emit: (token: string, start: number, end: number) => void, from = 0, to = text.length): void {
  const folded = foldWidth(text.slice(from, to));
  // Latin and numbers, found once over the whole stretch and merged in by offset.
  const others: Token[] = [];
  NON_CJK_TOKEN.lastIndex = 0;
  for (let m = NON_CJK_TOKEN.exec(folded); m; m = NON_CJK_TOKEN.exec(folded)) {
    others.push({ text: m[0].toLowerCase(), start: from + m.index, end: from + m.index + m[0].length });
  }
  let oi = 0;
  const flushOthersBefore = (pos: number) => {
    while (oi < others.length && others[oi].start < pos) { const o = others[oi++]; emit(o.text, o.start, o.end); }
  };
  // CJK: sentence by sentence, only stretches that hold CJK characters go to the segmenter.
  let s = 0;
  while (s < folded.length) {
    let e = s;
    while (e < folded.length && !isSentenceEnd(folded.charCodeAt(e))) e++;
    if (e < folded.length) e++;
    const sentence = folded.slice(s, e);
    if (hasCjkCode(sentence)) {
      let off = s;
      for (const w of segmenter.cut(sentence)) {
        const wStart = off;
        off += w.length;
        if (isCjkToken(w)) { flushOthersBefore(from + wStart); emit(w, from + wStart, from + off); }
        else if (hasCjkCode(w)) {
          // A mixed word (rare: user dictionary entries like G20峰会): keep its CJK part.
          for (let i = 0; i < w.length;) {
            if (!hasCjkCode(w[i])) { i++; continue; }
            let j = i; while (j < w.length && hasCjkCode(w[j])) j++;
            flushOthersBefore(from + wStart + i);
            emit(w.slice(i, j), from + wStart + i, from + wStart + j);
            i = j;
          }
        }
      }
    }
    s = e;
  }
  flushOthersBefore(Infinity);
}

/** The tokens of a text, as objects (for queries; the index uses forEachToken into typed arrays). */
export function tokenize(text: string, segmenter: ISegmenter): Token[] {
  const out: Token[] = [];
  forEachToken(text, segmenter, (t, start, end) => out.push({ text: t, start, end }));
  return out;
}
