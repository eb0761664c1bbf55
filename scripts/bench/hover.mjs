// Hover latency on the benchmark corpus: the longest known term under the cursor and its Markdown, at
// 2,000 cursor positions in a 20,000-character draft made of corpus passages.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

export async function run({ root, state }) {
  const { hoverAt } = require(path.join(root, 'out', 'server', 'src', 'lsp', 'hover.js'));
  const docs = state.corpus.docs;
  let draft = '';
  for (let i = 0; draft.length < 20_000; i += 7) { const d = docs[i % docs.length]; const p = d.passages[i % d.passages.length]; if (p) draft += d.text.slice(p.start, p.end) + '\n\n'; }
  const deps = { state: () => state, terms: () => [] };
  let s = 7;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const xs = [];
  let shown = 0;
  for (let i = 0; i < 2000; i++) {
    const at = Math.floor(rnd() * draft.length);
    const t0 = process.hrtime.bigint();
    const h = hoverAt(draft, at, 'markdown', deps);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (h) shown++;
  }
  const base = state.features.get('terms');
  return [
    { name: 'hover, p50', value: +pct(xs, 50).toFixed(3), unit: 'ms' },
    { name: 'hover, p99', value: +pct(xs, 99).toFixed(3), unit: 'ms', target: '≤ 15', note: `${shown} of 2000 positions had a hover; ${base?.terms.size ?? 0} terms` },
  ];
}
