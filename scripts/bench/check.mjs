// Checking a 20,000-character draft (made of the project's own fixture drafts, planted problems included),
// beside autocorrect-node's lint of the same text (typography only).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

export async function run({ root, state }) {
  const { checkDocument } = require(path.join(root, 'out', 'server', 'src', 'core', 'check', 'index.js'));
  const { expansionOf } = require(path.join(root, 'out', 'server', 'src', 'core', 'terms', 'abbreviationIndex.js'));
  const { findOverlaps, OVERLAP } = require(path.join(root, 'out', 'server', 'src', 'core', 'similar', 'overlap.js'));
  const autocorrect = require('autocorrect-node');
  const dir = path.join(root, 'test', 'fixtures', 'drafts');
  const parts = ['planted.md', 'clean.md'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\[\^\d+\]:.*\n?/g, ''));
  let draft = '';
  for (let i = 0; draft.length < 20_000; i++) draft += parts[i % 2].replace(/^# .*\n/, `## 第${i + 1}部分\n`) + '\n';
  draft = draft.slice(0, 20_000);
  const abbr = state?.features.get('terms')?.abbreviations;
  const overlap = state?.features.get(OVERLAP);
  const opts = {
    format: 'markdown',
    corpusAbbreviation: (a) => expansionOf(abbr, a),
    overlaps: overlap ? (t) => findOverlaps(overlap, state.corpus, t) : undefined,
  };
  const time = (fn, n) => { const xs = []; for (let i = 0; i < n; i++) { const t0 = process.hrtime.bigint(); fn(); xs.push(Number(process.hrtime.bigint() - t0) / 1e6); } return xs; };
  time(() => checkDocument(draft, opts), 5);
  const ours = time(() => checkDocument(draft, opts), 60);
  const typographyOnly = time(() => checkDocument(draft, { format: 'markdown' }), 60);
  time(() => autocorrect.lintFor(draft, 'draft.md'), 5);
  const theirs = time(() => autocorrect.lintFor(draft, 'draft.md'), 60);
  const findings = checkDocument(draft, opts).length;
  return [
    { name: `check a ${draft.length.toLocaleString('en-US')}-character draft, all checks with the corpus, p50`, value: +pct(ours, 50).toFixed(2), unit: 'ms' },
    { name: 'check a 20,000-character draft, all checks with the corpus, p99', value: +pct(ours, 99).toFixed(2), unit: 'ms', target: '≤ 50', note: `${findings} findings` },
    { name: 'check the same draft without the corpus (typography, notes, terms), p99', value: +pct(typographyOnly, 99).toFixed(2), unit: 'ms' },
    { name: 'autocorrect-node lintFor on the same draft, p99', value: +pct(theirs, 99).toFixed(2), unit: 'ms' },
  ];
}
