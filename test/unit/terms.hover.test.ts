import * as assert from 'assert';
import { buildTermBase, termAt, TermBase } from '../../server/src/core/terms/termBase';
import { findDefinitions } from '../../server/src/core/terms/definitions';
import { findAbbreviationPairs } from '../../server/src/core/terms/abbreviations';
import { termHoverMarkdown } from '../../server/src/core/terms/hover';
import { parseTermsFile } from '../../server/src/core/terms/termsFile';
import { hoverAt } from '../../server/src/lsp/hover';
import { buildTestCorpus, hasSeeds, seedFiles, joinLines } from '../helpers/corpus';
import type { Corpus } from '../../server/src/core/index/corpus';

const defs = (s: string) => findDefinitions(s).map((d) => [d.term, d.pattern]);

describe('terms: definitions, abbreviations, equivalents', () => {
  it('reads definitional sentences, Chinese and English', () => {
    assert.deepStrictEqual(defs('一般认为，多边主义是指三个或三个以上国家协调政策的做法。'), [['多边主义', 'X是指']]);
    assert.deepStrictEqual(defs('所谓“小院高墙”，就是在关键技术领域划定范围并严加限制。'), [['小院高墙', '所谓X，就是']]);
    assert.deepStrictEqual(defs('区域全面经济伙伴关系协定（RCEP）是指由十五国签署的自由贸易协定。'), [['区域全面经济伙伴关系协定', 'X是指']]);
    assert.deepStrictEqual(defs('Soft balancing refers to the use of institutions to constrain a stronger state.'), [['Soft balancing', 'X refers to']]);
  });

  it('does not take a so-called use or a judgement for a definition', () => {
    assert.deepStrictEqual(defs('所谓的“规则”不过是少数国家的家法帮规。'), []);
    assert.deepStrictEqual(defs('所谓的规则是列强统治下的不平等规则。'), []);
    assert.deepStrictEqual(defs('区域组织是一种必然的选择。'), []);
    assert.deepStrictEqual(defs('事实上，即使面临冲击，合作仍在继续。'), []);
  });

  it('reads abbreviations both ways, with the name cut out of running text', () => {
    const pairs = (s: string) => findAbbreviationPairs(s).map((p) => [p.abbr, p.expansion]);
    assert.deepStrictEqual(pairs('违反世界贸易组织(WTO)原则'), [['WTO', '世界贸易组织']]);
    assert.deepStrictEqual(pairs('签署《全面与进步跨太平洋伙伴关系协定》（CPTPP）后'), [['CPTPP', '全面与进步跨太平洋伙伴关系协定']]);
    assert.deepStrictEqual(pairs('The IMF (International Monetary Fund) lends.'), [['IMF', 'International Monetary Fund']]);
    assert.deepStrictEqual(pairs('the International Monetary Fund (IMF) lends.'), [['IMF', 'International Monetary Fund']]);
  });

  (hasSeeds ? describe : describe.skip)('on the seed corpus', () => {
    let corpus: Corpus;
    let base: TermBase;
    before(() => { corpus = buildTestCorpus(seedFiles()); base = buildTermBase(corpus); });
    const seedOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1, uri.lastIndexOf('/') + 4);

    it('knows what abbreviations stand for, and where the corpus says so (seeds 002, 003, 004)', () => {
      const exp = (a: string) => base.terms.get(a)!.expansions.map((e) => [e.text, seedOf(e.source.uri)]);
      assert.deepStrictEqual(exp('UNASUR'), [['南美洲国家联盟', '003']]);
      assert.deepStrictEqual(exp('PAHO'), [['泛美卫生组织', '003']]);
      assert.deepStrictEqual(exp('FITP'), [['未来投资与贸易伙伴关系', '003']]);
      assert.deepStrictEqual(exp('CASS'), [['中国社会科学院', '002']]);
      assert.deepStrictEqual(exp('RCEP')[0], ['区域全面经济伙伴关系协定', '003']);
      assert.deepStrictEqual(base.terms.get('泛美卫生组织')!.abbreviations.map((e) => e.text), ['PAHO']);
    });

    it('pairs names with their English equivalents, and article titles with their English titles', () => {
      const en = (t: string) => base.terms.get(t)?.english.map((e) => e.text);
      assert.deepStrictEqual(en('白礁岛'), ['Pedra Branca']);
      assert.deepStrictEqual(en('颜金勇'), ['Gan Kim Yong']);
      assert.deepStrictEqual(en('拉丁美洲多边主义研究所'), ['Institute for Multilateralism in Latin America']);
      assert.deepStrictEqual(en('解放日'), ['Liberation Day']);
      assert.deepStrictEqual(en('欧盟能源转型与中欧能源合作'), ['EU Energy Transition and China-EU Energy Cooperation']);
      assert.deepStrictEqual(base.terms.get('Gan Kim Yong')?.chinese.map((e) => e.text), ['颜金勇']);
    });

    it('ranks the definitions the corpus gives (seeds 000, 001, 004)', () => {
      const best = (t: string) => base.terms.get(t)?.definitions[0]?.text.slice(0, 12);
      assert.strictEqual(best('经济全球化'), '经济全球化是指在人类创新');
      assert.strictEqual(best('单边主义'), '单边主义主要指一国或国家');
      assert.strictEqual(best('去风险'), '所谓“去风险”，就是限制');
      assert.strictEqual(best('能源转型'), '能源转型泛指一个国家或社');
      assert.strictEqual(best('制度性话语权'), '制度性话语权是一种结构性');
      assert.strictEqual(best('全球安全'), '全球安全是一种本体安全,');
    });

    it('gives no definition for so-called uses of a word', () => {
      assert.deepStrictEqual(base.terms.get('规则')?.definitions ?? [], []);
      for (const t of base.terms.values()) for (const d of t.definitions) assert.ok(!/^所谓的/.test(d.text), d.text);
    });

    it('knows keywords with the articles that list them and how often the corpus uses them', () => {
      const t = base.terms.get('世界多极化')!;
      assert.deepStrictEqual(t.keywordOf.map((k) => k.title), ['倡导平等有序的世界多极化：理论基础与实践路径']);
      assert.ok(t.frequency >= 20, String(t.frequency));
    });

    it('finds the longest known term under the cursor in running Chinese text', () => {
      const line = '各国应当共同推动经济全球化朝着更加开放的方向发展';
      const hit = termAt(base, line, line.indexOf('全球化'))!;
      assert.deepStrictEqual([hit.term, line.slice(hit.start, hit.end)], ['经济全球化', '经济全球化']);
      const abbr = 'UNASUR的成员国';
      assert.strictEqual(termAt(base, abbr, 2)?.term, 'UNASUR');
      assert.strictEqual(termAt(base, '今天天气很好', 2), undefined);
    });

    it('renders a hover with the definition quoted and a link to its source line', () => {
      const md = termHoverMarkdown('经济全球化', { base, terms: [], docs: corpus.docs })!;
      assert.match(md, /^\*\*经济全球化\*\*/);
      assert.match(md, /> 经济全球化是指在人类创新和技术进步推动下/);
      assert.match(md, /\[004_e70d9b73e7429119\.txt:\d+\]\(file:\/\/.*004_e70d9b73e7429119\.txt#L\d+\) 《倡导普惠包容的经济全球化：内涵、逻辑及时代意义》/);
      assert.strictEqual(termHoverMarkdown('今天', { base, terms: [], docs: corpus.docs }), undefined);
    });
  });

  it('puts the team\'s own definition first and shows the preferred form of a variant', () => {
    const corpus = buildTestCorpus([{ uri: 'file:///c/a.md', text: '新冠肺炎疫情是指2019年底暴发的疫情。' }]);
    const base = buildTermBase(corpus);
    const terms = [parseTermsFile(joinLines('terms:', '  - term: 新冠肺炎疫情', '    variants: [新冠疫情]', '    definition: 团队采用的定义。', '    english: COVID-19 pandemic'), 'file:///t/terms.yaml').value];
    const md = termHoverMarkdown('新冠疫情', { base, terms, docs: corpus.docs })!;
    assert.match(md, /\*\*新冠疫情\*\* → \*\*新冠肺炎疫情\*\* \(preferred form\)/);
    assert.ok(md.indexOf('团队采用的定义') < md.indexOf('2019年底暴发'), md);
    assert.match(md, /— team glossary \(terms\.yaml:2\)/);
    assert.match(md, /English: COVID-19 pandemic/);
  });

  it('shows a footnote marker\'s note, and nothing where nothing is known', () => {
    const text = joinLines('正文。[^1]', '', '[^1]: 张伟：《世界贸易组织改革的前景》。');
    const deps = { state: () => undefined, terms: () => [] };
    assert.match(hoverAt(text, 4, 'markdown', deps)!.markdown, /Note 1[\s\S]*张伟：《世界贸易组织改革的前景》/);
    assert.strictEqual(hoverAt(text, 1, 'markdown', deps), undefined);
  });
});
