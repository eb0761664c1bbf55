import * as assert from 'assert';
import { parseNote } from '../../server/src/core/cite/notes';
import { buildReferenceLibrary, roundTrip, searchReferences } from '../../server/src/core/cite/library';
import { formatCitation } from '../../server/src/core/cite/format';
import { insertNoteEdits } from '../../server/src/core/notes/footnotes';
import { applyEdits } from '../../server/src/core/check/findings';
import type { CslItem } from '../../server/src/core/cite/csl';
import { buildTestCorpus, hasSeeds, seedFiles, joinLines } from '../helpers/corpus';

const one = (note: string) => { const r = parseNote(note); assert.strictEqual(r.kind, 'references', note); return (r as any).refs[0]; };

describe('citations', () => {
  describe('reading the corpus\'s notes (a labelled sample of seed 004\'s forms)', () => {
    it('a Chinese journal article', () => {
      const r = one('吴志成：《经济全球化演进的历史逻辑与中国的担当作为》，《世界经济与政治》2023年第6期，第2-22页。');
      assert.deepStrictEqual([r.type, r.author, r.title, r['container-title'], r.issued, r.issue, r.locator], ['article-journal', [{ family: '吴', given: '志成' }], '经济全球化演进的历史逻辑与中国的担当作为', '世界经济与政治', { 'date-parts': [[2023]] }, '6', '2-22']);
    });
    it('a newspaper article with its page (版)', () => {
      const r = one('寰宇平：《让世界听到更多的金砖声音、见证更大的金砖作用》，《人民日报》2023年8月22日，第2版。');
      assert.deepStrictEqual([r.type, r['container-title'], r.issued, r.section], ['article-newspaper', '人民日报', { 'date-parts': [[2023, 8, 22]] }, '2']);
    });
    it('a book with several authors and a page', () => {
      const r = one('王帆、卢静：《国际安全概论》，世界知识出版社2010年版，第1页。');
      assert.deepStrictEqual([r.type, r.author.length, r.publisher, r.issued, r.locator], ['book', 2, '世界知识出版社', { 'date-parts': [[2010]] }, '1']);
    });
    it('a web page with a date and URL, with or without angle brackets', () => {
      const r = one('《美国对华认知中的谬误和事实真相》，外交部网站，2022年6月19日，https://www.mfa.gov.cn/x.shtml。');
      assert.deepStrictEqual([r.type, r['container-title'], r.issued, r.URL], ['webpage', '外交部网站', { 'date-parts': [[2022, 6, 19]] }, 'https://www.mfa.gov.cn/x.shtml']);
      assert.strictEqual(one('《联合国宪章》，联合国网站，<https://www.un.org/zh/about-us/un-charter/full-text>。').URL, 'https://www.un.org/zh/about-us/un-charter/full-text');
    });
    it('a Western journal article (Chicago-like)', () => {
      const r = one('Glenn H. Snyder, “The Security Dilemma in Alliance Politics,” *World Politics*, Vol.36, No.4, 1984, pp.461-495.');
      assert.deepStrictEqual([r.type, r.author, r['container-title'], r.volume, r.issue, r.page, r.language], ['article-journal', [{ family: 'Snyder', given: 'Glenn H.' }], 'World Politics', '36', '4', '461-495', 'en-US']);
    });
    it('a Western web page with a full date', () => {
      const r = one('Mike Stone, “US Arms Exports Hit Record High in Fiscal 2023,” Reuters, January 30, 2024, <https://www.reuters.com/x>.');
      assert.deepStrictEqual([r.type, r['container-title'], r.issued, r.URL], ['webpage', 'Reuters', { 'date-parts': [[2024, 1, 30]] }, 'https://www.reuters.com/x']);
    });
    it('a Japanese source in 「」', () => {
      const r = one('「国家安全保障戦略について」、日本内閣官房、2013年12月17日、<https://www.cas.go.jp/jp/siryou/nss-j.pdf>。');
      assert.deepStrictEqual([r.type, r.title, r.language], ['webpage', '国家安全保障戦略について', 'ja-JP']);
    });
    it('several references in one note, 参见 dropped', () => {
      const r = parseNote('参见李将：《论规则观》，《国际法研究》2023年第5期；蔡从燕：《论秩序》，《中外法学》2021年第2期。');
      assert.deepStrictEqual((r as any).refs.map((x: any) => x['container-title']), ['国际法研究', '中外法学']);
    });
    it('同上 and Ibid., short forms, and explanatory notes', () => {
      assert.deepStrictEqual(parseNote('同上，第45页。'), { kind: 'ibid', locator: '45' });
      assert.deepStrictEqual(parseNote('*Ibid.*, p.102.'), { kind: 'ibid', locator: '102' });
      const s = parseNote('孙德刚：《联而不盟：国际安全合作中的准联盟理论》，第66页。') as any;
      assert.deepStrictEqual([s.refs.length, s.short[0].title, s.short[0].locator], [0, '联而不盟：国际安全合作中的准联盟理论', '66']);
      assert.strictEqual(parseNote('需要指出的是，2023年以前日本官方一般使用“同志国”概念。').kind, 'explanatory');
    });
  });

  (hasSeeds ? describe : describe.skip)('the library of the seed corpus', () => {
    const lib = () => buildReferenceLibrary(buildTestCorpus(seedFiles()));

    it('resolves short forms and 同上 to the full reference: no degraded items', () => {
      const l = lib();
      const wy = [...l.items.values()].filter((i) => i.title === '深入贯彻中央外事工作会议精神 不断开创中国特色大国外交新局面');
      assert.strictEqual(wy.length, 1);
      assert.strictEqual(wy[0]['container-title'], '求是');
      assert.ok(wy[0].source.length >= 2, 'the full note and its short form both point at it');
      assert.ok([...l.items.values()].every((i) => i.type !== 'document'));
    });

    it('resolves 同上 to the reference of the note before it, with its own page', () => {
      const l = lib();
      const i = l.notes.findIndex((n) => n.kind === 'ibid' && n.locators[0]);
      assert.ok(i > 0);
      const ibid = l.notes[i];
      const before = l.notes.slice(0, i).reverse().find((n) => n.ids.length && n.uri === ibid.uri)!;
      assert.deepStrictEqual(ibid.ids, before.ids);
    });

    it('holds each article of the journal issue as a reference', () => {
      const a = searchReferences(lib(), '刘飞涛').find((i) => i.origin === 'article')!;
      assert.deepStrictEqual([a.title, a['container-title'], a.issued, a.issue, a.page], ['倡导普惠包容的经济全球化：内涵、逻辑及时代意义', '国际问题研究', { 'date-parts': [[2024]] }, '2', '21-37']);
    });

    it('formats notes back in the house style: the round-trip share', () => {
      const r = roundTrip(lib(), (item, locator) => formatCitation(item, 'house', locator));
      // Measured: the share is in the README; it must not fall.
      assert.ok(r.total >= 230 && r.same / r.total >= 0.45, `${r.same}/${r.total}`);
    });
  });

  describe('styles', () => {
    const wang: CslItem = { id: 'w', type: 'article-journal', title: '深入贯彻中央外事工作会议精神 不断开创中国特色大国外交新局面', author: [{ family: '王', given: '毅' }], 'container-title': '求是', issued: { 'date-parts': [[2024]] }, issue: '2', language: 'zh-CN', source: [], origin: 'note' };
    const snyder: CslItem = { id: 's', type: 'article-journal', title: 'The Security Dilemma in Alliance Politics', author: [{ family: 'Snyder', given: 'Glenn H.' }], 'container-title': 'World Politics', issued: { 'date-parts': [[1984]] }, volume: '36', issue: '4', page: '461-495', language: 'en-US', source: [], origin: 'note' };
    it('GB/T 7714 through citeproc-js, exactly', () => {
      assert.strictEqual(formatCitation(wang, 'gb7714', '20'), '王毅. 深入贯彻中央外事工作会议精神 不断开创中国特色大国外交新局面[J]. 求是, 2024(2): 20.');
      assert.strictEqual(formatCitation(snyder, 'gb7714'), 'SNYDER G H. The Security Dilemma in Alliance Politics[J]. World Politics, 1984, 36(4): 461-495.');
    });
    it('the house style: Chinese punctuation for Chinese items, Chicago-like for Western ones', () => {
      assert.strictEqual(formatCitation(wang, 'house', '20'), '王毅：《深入贯彻中央外事工作会议精神 不断开创中国特色大国外交新局面》，《求是》2024年第2期，第20页。');
      assert.strictEqual(formatCitation(snyder, 'house'), 'Glenn H. Snyder, “The Security Dilemma in Alliance Politics,” *World Politics*, Vol.36, No.4, 1984, pp.461-495.');
    });
    it('several authors: 等 for Chinese items, et al. for English ones (GB/T 7714)', () => {
      const four = (base: CslItem, names: [string, string][]) => ({ ...base, author: names.map(([family, given]) => ({ family, given })) });
      assert.match(formatCitation(four(wang, [['王', '毅'], ['李', '四'], ['张', '三'], ['赵', '五']]), 'gb7714'), /^王毅, 李四, 张三, 等\. /);
      assert.match(formatCitation(four(snyder, [['Snyder', 'Glenn'], ['Walt', 'Stephen'], ['Levy', 'Jack'], ['Osgood', 'Robert']]), 'gb7714'), /^SNYDER G, WALT S, LEVY J, et al\. /);
    });

    it('Chicago and APA give English terms to English items', () => {
      assert.match(formatCitation(snyder, 'chicago', '470'), /^Glenn H\. Snyder, “The Security Dilemma in Alliance Politics,” World Politics 36, no\. 4 \(1984\): 470\.$/);
      assert.strictEqual(formatCitation(snyder, 'apa'), 'Snyder, G. H. (1984). The Security Dilemma in Alliance Politics. World Politics, 36(4), 461–495.');
    });
  });

  describe('inserting a note', () => {
    it('puts the marker at the cursor and the definition in order, renumbering the notes after it', () => {
      const text = joinLines('甲。[^1]乙。丙。[^2]', '', '[^1]: 第一条。', '[^2]: 第二条。', '');
      const { edits, label } = insertNoteEdits(text, 'markdown', text.indexOf('丙'), '新引文。');
      assert.strictEqual(label, '2');
      assert.strictEqual(applyEdits(text, edits), joinLines('甲。[^1]乙。[^2]丙。[^3]', '', '[^1]: 第一条。', '[^2]: 新引文。', '[^3]: 第二条。', ''));
    });
    it('reuses the note of a source cited before', () => {
      const text = joinLines('甲。[^1]乙。', '', '[^1]: 第一条。', '');
      const { edits, label } = insertNoteEdits(text, 'markdown', text.indexOf('乙') + 2, '第一条。');
      assert.strictEqual(label, '1');
      assert.strictEqual(applyEdits(text, edits), joinLines('甲。[^1]乙。[^1]', '', '[^1]: 第一条。', ''));
    });
    it('writes the plain-text form in a .txt draft, and starts a note block where there is none', () => {
      const text = '区域组织的作用日益突出。\n';
      const { edits } = insertNoteEdits(text, 'text', text.indexOf('。') + 1, '陈明：《论区域组织》。');
      assert.strictEqual(applyEdits(text, edits), '区域组织的作用日益突出。^[1]\n\n[1] 陈明：《论区域组织》。\n');
    });
  });
});
