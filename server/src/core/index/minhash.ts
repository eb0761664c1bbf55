/**
 * Near-duplicate detection: a bottom-k MinHash sketch of each passage's character 4-shingles (CJK text has
 * no spaces, so characters, not words), and grouping of passages whose sketches agree closely.
 */

const K = 24;
const SHINGLE = 4;

function isSkippable(c: number): boolean {
  // White space and common punctuation do not count toward sameness.
  return c <= 32 || c === 0x3000 || (c >= 0x3001 && c <= 0x3011) || (c >= 0xff01 && c <= 0xff0f) || c === 0xff1a || c === 0xff1b || c === 0xff1f || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

/** The K smallest distinct shingle hashes of text[start, end), ascending; fewer for short passages. */
export function sketchOf(text: string, start: number, end: number): Uint32Array {
  const codes: number[] = [];
  for (let i = start; i < end; i++) { const c = text.charCodeAt(i); if (!isSkippable(c)) codes.push(c >= 65 && c <= 90 ? c + 32 : c); }
  const hashes = new Set<number>();
  if (codes.length < SHINGLE) {
    if (codes.length) { let h = 2166136261; for (const c of codes) h = Math.imul(h ^ c, 16777619); hashes.add(h >>> 0); }
  } else {
    for (let i = 0; i + SHINGLE <= codes.length; i++) {
      let h = 2166136261;
      for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ codes[i + j], 16777619);
      h ^= h >>> 13; h = Math.imul(h, 0x5bd1e995); h ^= h >>> 15;
      hashes.add(h >>> 0);
    }
  }
  const all = Uint32Array.from(hashes).sort();
  return all.slice(0, K);
}

/** Estimated Jaccard similarity of two bottom-k sketches. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  const k = Math.min(K, Math.max(a.length, b.length));
  // Merge the two sorted sketches, take the k smallest of the union, count how many both hold.
  let i = 0, j = 0, taken = 0, both = 0;
  while (taken < k && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) i++;
    else if (i >= a.length || b[j] < a[i]) j++;
    else { both++; i++; j++; }
    taken++;
  }
  return both / taken;
}

export const DUPLICATE_THRESHOLD = 0.8;

/**
 * Groups near-duplicates: returns, for each item, the index of the first item it repeats, or -1.
 * Candidates are items sharing one of their smallest hashes (an LSH over the sketch's first entries).
 */
export function findDuplicates(sketches: readonly Uint32Array[], minLength: readonly number[], minChars = 20): Int32Array {
  const dupOf = new Int32Array(sketches.length).fill(-1);
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < sketches.length; i++) {
    const s = sketches[i];
    if (minLength[i] < minChars || s.length === 0) continue;
    let found = -1;
    for (let b = 0; b < Math.min(3, s.length) && found < 0; b++) {
      const list = buckets.get(s[b]);
      if (!list) continue;
      for (const other of list) if (similarity(s, sketches[other]) >= DUPLICATE_THRESHOLD) { found = other; break; }
    }
    if (found >= 0) { dupOf[i] = dupOf[found] >= 0 ? dupOf[found] : found; continue; }
    for (let b = 0; b < Math.min(3, s.length); b++) {
      const list = buckets.get(s[b]);
      if (list) { if (list.length < 64) list.push(i); } else buckets.set(s[b], [i]);
    }
  }
  return dupOf;
}
