import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildSimilarIndex, findSimilar, SimilarIndex } from '../../server/src/core/similar/index';
import { buildTestCorpus, hasSeeds, seedFiles, jiebaSegmenter, repoRoot } from '../helpers/corpus';
import type { Corpus } from '../../server/src/core/index/corpus';

interface Paraphrase { seed: string; query: string; target: string; crossLingual?: boolean }
const paraphrases: Paraphrase[] = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'paraphrases.json'), 'utf8'));

describe('similar passages', () => {
  (hasSeeds ? describe : describe.skip)('on the seed corpus, with paraphrases written for it', () => {
    let corpus: Corpus;
    let index: SimilarIndex;
    before(() => { corpus = buildTestCorpus(seedFiles()); index = buildSimilarIndex(corpus); });
    const textOf = (pid: number) => { const x = corpus.passageAt(pid)!; return x.doc.text.slice(x.passage.start, x.passage.end); };

    for (const p of paraphrases) {
      it(`finds the source of “${p.query.slice(0, 24)}…” in the top three${p.crossLingual ? ' (across languages)' : ''}`, () => {
        const hits = findSimilar(index, corpus, jiebaSegmenter, p.query, 3);
        const texts = hits.map((h) => textOf(h.passageId));
        assert.ok(texts.some((t) => t.includes(p.target)), `${p.target} not in:\n${texts.map((t) => t.slice(0, 40)).join('\n')}`);
        const src = corpus.passageAt(hits[texts.findIndex((t) => t.includes(p.target))].passageId)!;
        assert.match(src.doc.uri, new RegExp(`${p.seed}_`));
      });
    }

    it('never lists the same text twice: the article seed 003 holds twice appears once', () => {
      const hits = findSimilar(index, corpus, jiebaSegmenter, '与全球性机构相比，地区组织离问题更近，能更迅速地发现危机并加以缓解。', 10);
      const heads = hits.map((h) => textOf(h.passageId).slice(0, 30));
      assert.strictEqual(new Set(heads).size, heads.length);
      assert.strictEqual(heads.filter((h) => h.startsWith('相比全球机构')).length, 1);
    });

    it('scores are comparable within a list: best first, between 0 and 1', () => {
      const hits = findSimilar(index, corpus, jiebaSegmenter, paraphrases[0].query, 10);
      assert.ok(hits.every((h, i) => h.score <= 1 && h.score > 0 && (i === 0 || hits[i - 1].score >= h.score)));
    });

    it('leaves the querying document out', () => {
      const uri = corpus.docs.find((d) => d.uri.includes('003_'))!.uri;
      const hits = findSimilar(index, corpus, jiebaSegmenter, paraphrases[6].query, 5, uri);
      assert.ok(hits.every((h) => corpus.passageAt(h.passageId)!.doc.uri !== uri));
    });
  });
});
