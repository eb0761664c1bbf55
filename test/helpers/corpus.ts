/** Test helpers: a real segmenter, a corpus built from texts in memory, the seed documents when present. */
import * as fs from 'fs';
import * as path from 'path';
import { jiebaSegmenter, addWords } from '../../server/src/adapters/jieba';
import { buildDocument, newVocabulary } from '../../server/src/core/index/document';
import { assembleCorpus, Corpus } from '../../server/src/core/index/corpus';
import { parseStructure, formatOf } from '../../server/src/core/corpus/structure';
import { standardFormulations } from '../../server/src/core/text/lexicon';

export { jiebaSegmenter };

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'seeds');
export const hasSeeds = fs.existsSync(seedsDir);

/** The seed documents as { uri, text }, or [] when ../shared is absent. */
export function seedFiles(): { uri: string; text: string }[] {
  if (!hasSeeds) return [];
  return fs.readdirSync(seedsDir).sort().map((f) => ({ uri: 'file://' + path.join(seedsDir, f), text: fs.readFileSync(path.join(seedsDir, f), 'utf8') }));
}

/** Builds a corpus the way the index does (marked terms into the dictionary first, then tokens). */
export function buildTestCorpus(files: { uri: string; text: string }[]): Corpus {
  const marked = new Set<string>(standardFormulations);
  for (const f of files) for (const t of parseStructure(f.text, formatOf(f.uri)).markedTerms) marked.add(t);
  addWords(marked);
  const vocab = newVocabulary();
  const docs = files.map((f) => buildDocument(f.uri, f.text, String(f.text.length), jiebaSegmenter, vocab));
  return assembleCorpus(docs, vocab);
}

/** Lines joined with \n, for readable multi-line fixtures. */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}
