/** Character classes and normalisation shared by every text feature. */

/** Han ideographs (BMP blocks and, as surrogate pairs, the supplementary planes) and 〇. */
export const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]|[\ud840-\ud87f][\udc00-\udfff]/;
export const CJK_RUN = /(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]|[\ud840-\ud87f][\udc00-\udfff])+/g;

export function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

export function hasCjk(s: string): boolean {
  return CJK_CHAR.test(s);
}

/** Fold full-width ASCII forms (Ａ１，) to half-width and the ideographic space to a space; for matching only. */
export function foldWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(WIDE_ALL, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
const WIDE = /[\uff01-\uff5e\u3000]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000]/g;

/** The matching form of a token: width folded, Latin lower-cased. */
export function normalizeToken(s: string): string {
  return foldWidth(s).toLowerCase();
}

/** Offsets at which each line begins. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and character (UTF-16) of an offset, by binary search over line starts. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function offsetAt(lineStarts: readonly number[], textLength: number, pos: { line: number; character: number }): number {
  if (pos.line >= lineStarts.length) return textLength;
  if (pos.line < 0) return 0;
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : textLength;
  return Math.min(lineStarts[pos.line] + Math.max(0, pos.character), next);
}
