import * as assert from 'assert';
import { buildFormulationIndex, buildIndex, completeFormulation, FormulationIndex } from '../../server/src/core/formulations/complete';
import { phrasesFromSnippets } from '../../server/src/lsp/completion';
import { parseTermsFile } from '../../server/src/core/terms/termsFile';
import { buildTestCorpus, hasSeeds, seedFiles } from '../helpers/corpus';

const top5 = (ix: FormulationIndex[], typed: string) => {
  const m = completeFormulation(ix, typed);
  return m ? { replace: m.replace, items: m.items.slice(0, 5).map((f) => f.text) } : undefined;
};

describe('formulations', () => {
  (hasSeeds ? describe : describe.skip)('mined from the seed corpus', () => {
    let ix: FormulationIndex;
    before(() => { ix = buildFormulationIndex(buildTestCorpus(seedFiles())); });

    // [typed, expected phrase, characters replaced] — formulations of all five seeds.
    const cases: [string, string, number][] = [
      ['当前全球卫生治', '全球卫生治理', 5],         // 000
      ['关注非传统安', '非传统安全问题', 4],         // 001
      ['维护基于规则的国', '基于规则的国际秩序', 6], // 002
      ['要坚持真正的多', '坚持真正的多边主义', 6],   // 002, 004
      ['加强区域组', '区域组织', 3],                 // 003
      ['发挥维和行', '维和行动', 3],                 // 003
      ['倡导平等有序', '倡导平等有序的世界多极化', 6], // 004
      ['抵御逆全球化潮', '逆全球化潮流', 5],         // 004
      ['当今世界正处于百年未有之', '百年未有之大变局', 5], // 004 and the shipped list
      ['应对和平赤字、', '和平赤字、发展赤字、安全赤字、治理赤字', 5], // 004, an enumeration
      ['in global gov', 'global governance', 10],  // 001, English
    ];
    for (const [typed, phrase, replace] of cases) {
      it(`completes ${phrase} from “${typed}”, replacing exactly the typed part`, () => {
        const r = top5([ix], typed)!;
        assert.ok(r, `nothing offered for ${typed}`);
        assert.ok(r.items.includes(phrase), `${phrase} not in ${r.items.join(' | ')}`);
        assert.strictEqual(r.replace, replace);
        // Accepting it gives the phrase once, not a doubled prefix.
        assert.ok((typed.slice(0, typed.length - r.replace) + phrase).endsWith(phrase));
        assert.ok(!(typed.slice(0, typed.length - r.replace) + phrase).includes(phrase.slice(0, 2) + phrase.slice(0, 2)));
      });
    }

    it('offers no mere fragments (的国际, 和发展)', () => {
      const fragments = ix.items.filter((f) => /^(的|和发展|的国际|与|在|对于)/.test(f.text) || /的$/.test(f.text));
      assert.deepStrictEqual(fragments.map((f) => f.text), []);
      const r = top5([ix], '坚持合作和发');
      assert.ok(!r || !r.items.includes('和发展'));
      assert.ok(!top5([ix], '世界的国')?.items.some((x) => x.startsWith('的国')));
    });

    it('keeps an example sentence and its source for mined phrases', () => {
      const f = ix.items.find((x) => x.text === '逆全球化潮流')!;
      assert.ok(f.example!.includes('逆全球化潮流'));
      assert.match(f.source!.uri, /004_/);
    });

    it('never offers a deprecated formulation', () => {
      assert.ok(!ix.items.some((f) => /一带一路(战略|工程|计划|议程)/.test(f.text)));
    });
  });

  it('merges the team\'s phrasebook (terms files and snippets) ahead of the corpus', () => {
    const corpus = buildFormulationIndex(buildTestCorpus([{ uri: 'file:///c/a.md', text: '推动全球治理体系改革。推动全球治理体系改革。推动全球治理体系改革。' }]));
    const terms = parseTermsFile('phrases:\n  - 推动全球治理体系朝着更加公正合理的方向发展\n', 't.yaml').value;
    const snippets = phrasesFromSnippets('{ "和平共处": { "prefix": "hp", "body": ["和平共处五项原则"] }, "template": { "prefix": "t", "body": ["${1:x}"] } }');
    assert.deepStrictEqual(snippets, ['和平共处五项原则']);
    const team = buildIndex([...terms.phrases, ...snippets].map((text) => ({ text, frequency: 0, origin: 'team' as const })));
    assert.strictEqual(top5([team, corpus], '我们要推动全球治理')!.items[0], '推动全球治理体系朝着更加公正合理的方向发展');
    assert.deepStrictEqual(top5([team, corpus], '坚持和平共处五项'), { replace: 6, items: ['和平共处五项原则'] });
  });

  it('drops a formulation a terms file deprecates', () => {
    const team = buildIndex([{ text: '新冠疫情防控', frequency: 0, origin: 'team' }]);
    const terms = [parseTermsFile('terms:\n  - term: 新冠肺炎疫情\n    deprecated: [新冠疫情]\n', 't.yaml').value];
    assert.strictEqual(completeFormulation([team], '加强新冠', terms), undefined);
  });
});
