import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseBibliography } from '../../server/src/core/cite/bibliography';
import { formatCitation } from '../../server/src/core/cite/format';
import { repoRoot } from '../helpers/corpus';

const fixture = (f: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'bib', f), 'utf8');

describe('bibliography files', () => {
  it('reads BibTeX entries, and reports a malformed one with its line while the rest load', () => {
    const r = parseBibliography(fixture('library.bib'), 'file:///w/library.bib');
    assert.deepStrictEqual(r.items.map((i) => [i.title, i.type, i.language]), [
      ['The Security Dilemma in Alliance Politics', 'article-journal', 'en-US'],
      ['国际安全概论', 'book', 'zh-CN'],
      ['Multilateralism: An Agenda for Research', 'webpage', 'en-US'],
    ]);
    assert.strictEqual(r.problems.length, 1);
    assert.strictEqual(r.problems[0].line, 19, JSON.stringify(r.problems));
    assert.strictEqual(formatCitation(r.items[0], 'gb7714'), 'SNYDER G H. The Security Dilemma in Alliance Politics[J]. World Politics, 1984, 36(4): 461-495.');
    assert.strictEqual(formatCitation(r.items[1], 'house', '1'), '王帆、卢静：《国际安全概论》，世界知识出版社2010年版，第1页。');
  });

  it('reads CSL-JSON, skipping an entry without a title with its line', () => {
    const r = parseBibliography(fixture('library.json'), 'file:///w/library.json');
    assert.deepStrictEqual(r.items.map((i) => i.title), ['论区域组织在全球治理改革中的作用']);
    assert.deepStrictEqual(r.problems, [{ line: 12, message: 'entry without a title (or not an object): skipped' }]);
    assert.strictEqual(parseBibliography('[{"id": 1,', 'file:///w/x.json').problems[0].line, 1);
  });
});
