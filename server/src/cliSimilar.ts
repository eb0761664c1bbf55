/** `policy-writer similar --corpus DIR "<text>" [--limit N] [--format json]`: the passages closest to a text. */
import type { ILogger } from './core/model';
import { openCorpus } from './cliCorpus';
import { similarPassages } from './lsp/similar';

export async function runSimilarCommand(rest: string[], flags: Record<string, string | boolean>, logger: ILogger, out: (s: string) => void = (s) => { process.stdout.write(s); }): Promise<number> {
  const text = rest.join(' ').trim();
  if (!text) { process.stderr.write('policy-writer similar: give the text to look for\n'); return 2; }
  const { state } = await openCorpus(flags, logger);
  const r = similarPassages({ state: () => state }, { text, limit: Number(flags.limit) || 5 });
  if (flags.format === 'json' || flags.json) { out(JSON.stringify(r, null, 2) + '\n'); return 0; }
  for (const p of r.passages) {
    const file = decodeURIComponent(p.uri.slice(p.uri.lastIndexOf('/') + 1));
    out(`${p.score.toFixed(3)}  ${file}:${p.range.start.line + 1}  ${p.title ?? ''}\n        ${p.text.replace(/\s+/g, ' ').slice(0, 120)}${p.text.length > 120 ? '…' : ''}\n`);
  }
  if (!r.passages.length) out('no similar passage\n');
  return 0;
}
