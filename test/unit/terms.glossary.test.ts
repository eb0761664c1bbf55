import * as assert from 'assert';
import { addGlossaryEntry, glossaryEntry } from '../../server/src/core/terms/glossary';
import { buildTermBase } from '../../server/src/core/terms/termBase';
import { parseTermsFile } from '../../server/src/core/terms/termsFile';
import { buildTestCorpus, joinLines } from '../helpers/corpus';

describe('Add Term to Glossary', () => {
  const corpus = () => buildTestCorpus([{ uri: 'file:///c/a.md', text: '数字经济伙伴关系协定（DEPA）是指新加坡、智利和新西兰发起的协定。' }]);

  it('writes an entry with the corpus definition prefilled, which the terms file parser reads back', () => {
    const entry = glossaryEntry('数字经济伙伴关系协定', buildTermBase(corpus()));
    const file = addGlossaryEntry('', entry);
    const parsed = parseTermsFile(file, 't.yaml');
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.value.terms[0].term, '数字经济伙伴关系协定');
    assert.strictEqual(parsed.value.terms[0].definition, '数字经济伙伴关系协定（DEPA）是指新加坡、智利和新西兰发起的协定。');
    assert.strictEqual(parsed.value.terms[0].english, '(DEPA)');
  });

  it('adds to the end of an existing terms list and keeps everything else as it was', () => {
    const existing = joinLines('# our glossary', 'terms:', '  - term: 多边主义', '    variants: []', 'phrases:', '  - 共商共建共享', '');
    const out = addGlossaryEntry(existing, glossaryEntry('小院高墙', undefined));
    assert.strictEqual(out, joinLines('# our glossary', 'terms:', '  - term: 多边主义', '    variants: []', '  - term: "小院高墙"', '    variants: []', 'phrases:', '  - 共商共建共享', ''));
    assert.deepStrictEqual(parseTermsFile(out, 't.yaml').value.terms.map((t) => t.term), ['多边主义', '小院高墙']);
  });
});
