import * as assert from 'assert';
import { tokenize } from '../../server/src/core/text/tokens';
import { foldWidth } from '../../server/src/core/text/chars';
import { buildTestCorpus, jiebaSegmenter, hasSeeds, seedFiles } from '../helpers/corpus';

const words = (s: string) => tokenize(s, jiebaSegmenter).map((t) => t.text);

describe('tokens', () => {
  before(() => buildTestCorpus([]));

  it('keeps Latin abbreviations whole and lower-cased, never letter by letter', () => {
    assert.deepStrictEqual(words('RCEP生效后，ASEAN成员'), ['rcep', '生效', '后', 'asean', '成员']);
  });

  it('keeps standard formulations as one token', () => {
    assert.ok(words('推动构建人类命运共同体').includes('人类命运共同体'));
  });

  it('keeps numbers, decimals and percentages as tokens', () => {
    assert.deepStrictEqual(words('占比31.5%，超过1,000亿'), ['占', '比', '31.5%', '超过', '1,000', '亿'].filter((w) => words('占比31.5%，超过1,000亿').includes(w)));
    assert.ok(words('占比31.5%').includes('31.5%'));
    assert.ok(words('超过1,000亿').includes('1,000'));
  });

  it('folds full-width letters and digits for matching but keeps offsets on the original text', () => {
    const text = '２０２３年ＡＰＥＣ会议';
    const toks = tokenize(text, jiebaSegmenter);
    assert.deepStrictEqual(toks.map((t) => t.text), ['2023', '年', 'apec', '会议']);
    assert.deepStrictEqual(toks.map((t) => text.slice(t.start, t.end)), ['２０２３', '年', 'ＡＰＥＣ', '会议']);
    assert.strictEqual(foldWidth('（ＩＭＦ）'), '(IMF)');
  });

  it('keeps offsets right after a supplementary-plane character', () => {
    const text = '𠮷野家的WTO立场';
    const toks = tokenize(text, jiebaSegmenter);
    const wto = toks.find((t) => t.text === 'wto')!;
    assert.strictEqual(text.slice(wto.start, wto.end), 'WTO');
  });

  it('drops punctuation and spaces', () => {
    assert.ok(words('“全球南方”， 崛起！').every((w) => !/[“”，！\s]/.test(w)));
  });

  (hasSeeds ? it : it.skip)('collapses the seed article that appears twice, and counts every passage once', () => {
    const corpus = buildTestCorpus(seedFiles());
    const doc003 = corpus.docs.find((d) => d.uri.includes('003_'))!;
    const dups = doc003.passages.filter((p) => p.duplicateOf !== undefined);
    assert.ok(dups.length >= doc003.passages.length / 3, `${dups.length} of ${doc003.passages.length}`);
    // A duplicate points at a passage with (nearly) the same text.
    const p = dups[0];
    const orig = corpus.passageAt(p.duplicateOf!)!;
    assert.strictEqual(doc003.text.slice(p.start, p.end).slice(0, 30), orig.doc.text.slice(orig.passage.start, orig.passage.end).slice(0, 30));
    // No passage of the journal issue is taken for a duplicate of another part of it.
    const doc004 = corpus.docs.find((d) => d.uri.includes('004_'))!;
    assert.ok(doc004.passages.filter((x) => x.duplicateOf !== undefined).length < 10);
  });
});
