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
  // A rolling window of the last SHINGLE kept characters; the K smallest hashes kept sorted by insertion
  // (after the first few hundred shingles almost every hash is larger than the K-th and costs one compare).
  const best = new Uint32Array(K);
  let count = 0;
  const win = [0, 0, 0, 0];
  let kept = 0;
  const offer = (h: number) => {
    if (count === K && h >= best[K - 1]) return;
    for (let j = 0; j < count; j++) if (best[j] === h) return;
    // Insert in order; when full, the largest falls off the end.
    let i = count < K ? count++ : K - 1;
    while (i > 0 && best[i - 1] > h) { best[i] = best[i - 1]; i--; }
    best[i] = h;
  };
  for (let p = start; p < end; p++) {
    let c = text.charCodeAt(p);
    if (isSkippable(c)) continue;
    if (c >= 65 && c <= 90) c += 32;
    win[kept & 3] = c;
    kept++;
    if (kept < SHINGLE) continue;
    let h = 2166136261;
    for (let j = kept - SHINGLE; j < kept; j++) h = Math.imul(h ^ win[j & 3], 16777619);
    h ^= h >>> 13; h = Math.imul(h, 0x5bd1e995); h ^= h >>> 15;
    offer(h >>> 0);
  }
  if (kept > 0 && kept < SHINGLE) {
    let h = 2166136261;
    for (let j = 0; j < kept; j++) h = Math.imul(h ^ win[j & 3], 16777619);
    offer(h >>> 0);
  }
  return best.slice(0, count);
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
