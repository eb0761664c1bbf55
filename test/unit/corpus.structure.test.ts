import * as assert from 'assert';
import { parseStructure, parseArticleNumber, splitLongRun } from '../../server/src/core/corpus/structure';
import { seedFiles, hasSeeds, joinLines } from '../helpers/corpus';

describe('document structure', () => {
  it('reads an article number as year, issue and page range', () => {
    assert.deepStrictEqual(parseArticleNumber('0452 8832 (2024) 2 期 0021-17'), { year: 2024, issue: '2', pageFirst: 21, pageLast: 37 });
    assert.deepStrictEqual(parseArticleNumber('0452 8832（2024）2期 0038-18'), { year: 2024, issue: '2', pageFirst: 38, pageLast: 55 });
  });

  it('finds Pandoc notes and markers in Markdown, and keeps notes out of passages', () => {
    const text = joinLines('# 简报', '', '多边主义是国际秩序的基石。[^1]这一点各方都承认。[^2]', '', '[^1]: 王明：《论多边主义》，《国际观察》2020年第3期，第5页。', '[^2]: 同上。');
    const s = parseStructure(text, 'markdown');
    assert.deepStrictEqual(s.markers.map((m) => [m.label, text.slice(m.span.start, m.span.end)]), [['1', '[^1]'], ['2', '[^2]']]);
    assert.deepStrictEqual(s.notes.map((n) => [n.label, n.text]), [['1', '王明：《论多边主义》，《国际观察》2020年第3期，第5页。'], ['2', '同上。']]);
    assert.strictEqual(s.notes[0].textStart, text.indexOf('王明'));
    assert.deepStrictEqual(s.passages.map((p) => text.slice(p.start, p.end)), ['# 简报', '多边主义是国际秩序的基石。[^1]这一点各方都承认。[^2]']);
  });

  it('cuts a 10 MB line without breaks into bounded passages', () => {
    const sentence = '全球治理体系正在经历深刻调整，各方围绕规则制定的博弈日趋激烈。';
    const text = sentence.repeat(Math.ceil(5_000_000 / sentence.length));
    const t0 = Date.now();
    const s = parseStructure(text, 'text');
    assert.ok(Date.now() - t0 < 5000);
    assert.ok(s.passages.length > 1000);
    assert.ok(s.passages.every((p) => p.end - p.start <= 1000));
    assert.strictEqual(s.passages[0].start, 0);
    assert.strictEqual(s.passages[s.passages.length - 1].end, text.length);
  });

  it('cuts a run with no sentence end at all', () => {
    const spans = splitLongRun('x'.repeat(2500), 0, 2500);
    assert.deepStrictEqual(spans, [{ start: 0, end: 1000 }, { start: 1000, end: 2000 }, { start: 2000, end: 2500 }]);
  });

  (hasSeeds ? describe : describe.skip)('on the seed documents', () => {
    const seeds = seedFiles();
    const journal = () => parseStructure(seeds[4].text, 'text');

    it('splits the journal issue into its seven articles with their metadata', () => {
      const s = journal();
      assert.strictEqual(s.kind, 'journal');
      assert.deepStrictEqual(s.articles.map((a) => a.title), [
        '倡导平等有序的世界多极化：理论基础与实践路径',
        '倡导普惠包容的经济全球化：内涵、逻辑及时代意义',
        '全球安全赤字治理与中国的担当作为',
        '大趋势与小周期作用下的中美关系',
        '欧盟能源转型与中欧能源合作',
        '全球发展倡议下的中拉绿色合作：进展、挑战与路径',
        '日本准同盟战略：实践、动因及制约因素',
      ]);
      const a2 = s.articles[1];
      assert.deepStrictEqual([a2.authors, a2.year, a2.issue, a2.pageFirst, a2.pageLast, a2.clc], [['刘飞涛'], 2024, '2', 21, 37, 'F114.41']);
      assert.deepStrictEqual(s.articles[2].authors, ['吴志成', '李汶桦']);
      assert.deepStrictEqual(s.articles[0].keywords, ['世界多极化', '国际秩序', '多边主义']);
      assert.strictEqual(s.articles[3].titleEn, 'China-US Relations under the Great Trend and Small Cycles');
      assert.deepStrictEqual(s.articles[4].authorsEn, ['ZHOU Yunheng', 'WU Zonghan']);
      assert.ok(s.articles[6].abstractEn?.startsWith('Since Shinzo Abe took office'));
      assert.strictEqual(s.articles[6].pageFirst, 110);
    });

    it('finds all 318 notes and their markers', () => {
      const s = journal();
      assert.strictEqual(s.notes.length, 318);
      assert.strictEqual(s.markers.length, 318);
      assert.ok(s.notes[0].text.startsWith('《习近平会见2017年度驻外使节工作会议与会使节并发表重要讲话》'));
    });

    it('reads the abstract lists as lists of abstracts without the trailing label', () => {
      const s = parseStructure(seeds[0].text, 'text');
      assert.strictEqual(s.kind, 'abstracts');
      assert.ok(s.passages.every((p) => !seeds[0].text.slice(p.start, p.end).includes('相似文献')));
    });

    it('collects the terms the corpus marks', () => {
      const s = journal();
      for (const t of ['世界多极化', '全球南方', '一家独大', '联合国宪章']) assert.ok(s.markedTerms.includes(t), t);
    });
  });
});
