/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or plainly ASCII-heavy without),
 * GB18030/GBK when the bytes are not UTF-8 but are valid GB18030; invalid bytes become U+FFFD and the rest
 * is kept. Binary data (NUL bytes, many control characters) is recognised and not decoded.
 */
import type { Problem } from '../model';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'binary';

export interface Decoded { text: string; encoding: Encoding; problems: Problem[] }

function countControl(bytes: Uint8Array, n: number): { nul: number; ctrl: number; nulEven: number; nulOdd: number } {
  let nul = 0, ctrl = 0, nulEven = 0, nulOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) { nul++; if (i & 1) nulOdd++; else nulEven++; }
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctrl++;
  }
  return { nul, ctrl, nulEven, nulOdd };
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try { return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes); } catch { return undefined; }
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Decodes a file's bytes; never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const problems: Problem[] = [];
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeWith('utf-8', bytes, false)!;
    const bad = countReplacement(text);
    if (bad) problems.push({ message: `${bad} invalid UTF-8 byte sequence(s) replaced` });
    return { text, encoding: 'utf-8', problems };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith('utf-16le', bytes, false)!, encoding: 'utf-16le', problems };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith('utf-16be', bytes, false)!, encoding: 'utf-16be', problems };

  const sample = Math.min(bytes.length, 64 * 1024);
  const c = countControl(bytes, sample);
  if (c.nul > 0) {
    // UTF-16 without a BOM: NULs on one side of every ASCII character.
    if (c.nul > sample / 4 && (c.nulOdd > 0.9 * c.nul || c.nulEven > 0.9 * c.nul)) {
      const enc = c.nulOdd > c.nulEven ? 'utf-16le' : 'utf-16be';
      return { text: decodeWith(enc, bytes, false)!, encoding: enc, problems: [{ message: `no byte order mark; read as ${enc.toUpperCase()}` }] };
    }
    return { text: '', encoding: 'binary', problems: [{ message: 'binary file (NUL bytes): skipped' }] };
  }
  if (c.ctrl > sample * 0.1) return { text: '', encoding: 'binary', problems: [{ message: 'binary file (control characters): skipped' }] };

  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', problems };
  const gb = decodeWith('gb18030', bytes, true);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030', problems };
  // Neither decodes cleanly: keep whichever loses less, replacing the invalid bytes.
  const lossyUtf8 = decodeWith('utf-8', bytes, false)!;
  const lossyGb = decodeWith('gb18030', bytes, false)!;
  const badUtf8 = countReplacement(lossyUtf8), badGb = countReplacement(lossyGb);
  if (badGb < badUtf8 / 4) {
    return { text: lossyGb, encoding: 'gb18030', problems: [{ message: `${badGb} invalid GB18030 byte sequence(s) replaced` }] };
  }
  return { text: lossyUtf8, encoding: 'utf-8', problems: [{ message: `${badUtf8} invalid UTF-8 byte sequence(s) replaced` }] };
}
