// Completion latency on the benchmark corpus: the text before the cursor at 2,000 places of corpus passages.
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

export async function run({ root, state }) {
  const { completeFormulation } = require(path.join(root, 'out', 'server', 'src', 'core', 'formulations', 'complete.js'));
  const index = state.features.get('formulations');
  const docs = state.corpus.docs;
  let s = 11;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const xs = [];
  let offered = 0;
  for (let i = 0; i < 2000; i++) {
    const d = docs[Math.floor(rnd() * docs.length)];
    const p = d.passages[Math.floor(rnd() * d.passages.length)];
    if (!p) continue;
    const at = p.start + Math.floor(rnd() * (p.end - p.start));
    const lineStart = d.text.lastIndexOf('\n', at - 1) + 1;
    const before = d.text.slice(lineStart, at);
    const t0 = process.hrtime.bigint();
    const m = completeFormulation([index], before);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (m) offered++;
  }
  return [
    { name: 'completion, p50', value: +pct(xs, 50).toFixed(3), unit: 'ms' },
    { name: 'completion, p99', value: +pct(xs, 99).toFixed(3), unit: 'ms', target: '≤ 15', note: `${offered} of ${xs.length} places offered a formulation; ${index.items.length} formulations` },
  ];
}
