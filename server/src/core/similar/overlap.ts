/**
 * passage-overlap: a stretch of a draft nearly identical to a corpus passage, with no note citing it.
 * The corpus side is an LSH table over the passages' MinHash sketches (their smallest hashes).
 */
import type { Corpus } from '../index/corpus';
import { registerFeature } from '../service';
import { similarity, sketchOf } from '../index/minhash';
import { Code, finding, Finding } from '../check/findings';
import { positionAt } from '../text/chars';

const BANDS = 4;
const MIN_CHARS = 30;
export const OVERLAP_THRESHOLD = 0.6;

export type OverlapIndex = Map<number, number[]>;

export function buildOverlapIndex(corpus: Corpus): OverlapIndex {
  const table: OverlapIndex = new Map();
  for (const d of corpus.docs) for (const p of d.passages) {
    if (p.duplicateOf !== undefined || p.end - p.start < MIN_CHARS) continue;
    for (let b = 0; b < Math.min(BANDS, p.sketch.length); b++) {
      const list = table.get(p.sketch[b]);
      if (list) list.push(p.id); else table.set(p.sketch[b], [p.id]);
    }
  }
  return table;
}

/** Paragraphs of the draft (≥ 30 characters, no note marker) whose sketch matches a corpus passage's. */
export function findOverlaps(index: OverlapIndex, corpus: Corpus, text: string, selfUri?: string): Finding[] {
  const out: Finding[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const para = m[0];
    if (para.trim().length < MIN_CHARS || /\[\^[^\]]+\]|\^\[\d+\]/.test(para) || /^\s*\[\^?[^\]]+\]:?/.test(para)) continue;
    const sketch = sketchOf(text, m.index, m.index + para.length);
    const seen = new Set<number>();
    let best: { id: number; sim: number } | undefined;
    for (let b = 0; b < Math.min(BANDS, sketch.length); b++) {
      for (const id of index.get(sketch[b]) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const hit = corpus.passageAt(id);
        if (!hit || hit.doc.uri === selfUri) continue;
        const sim = similarity(sketch, hit.passage.sketch);
        if (sim >= OVERLAP_THRESHOLD && (!best || sim > best.sim)) best = { id, sim };
      }
    }
    if (!best) continue;
    const hit = corpus.passageAt(best.id)!;
    const pos = positionAt(hit.doc.lineStarts, hit.passage.start);
    const name = decodeURIComponent(hit.doc.uri.slice(hit.doc.uri.lastIndexOf('/') + 1));
    const article = hit.passage.article >= 0 ? hit.doc.structure.articles[hit.passage.article]?.title : undefined;
    const f = finding(Code.PassageOverlap, { start: m.index, end: m.index + para.trimEnd().length },
      `this paragraph repeats ${article ? `《${article}》 (${name}:${pos.line + 1})` : `${name}:${pos.line + 1}`} (${Math.round(best.sim * 100)}% alike) with no note citing it`);
    f.related = [{ uri: hit.doc.uri, span: { start: hit.passage.start, end: hit.passage.end }, message: 'the corpus passage' }];
    out.push(f);
  }
  return out;
}

export const OVERLAP = 'overlap';

registerFeature<OverlapIndex>({ name: OVERLAP, version: 1, withoutTokens: true, build: buildOverlapIndex });
