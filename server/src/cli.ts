/** The command line: the same core as the server, for scripts and CI pipelines. */
import './core/features';
import { openCorpus } from './cliCorpus';
import type { ILogger } from './core/model';
import { runCheckCommand } from './cliCheck';
import { runSimilarCommand } from './cliSimilar';

const USAGE = `policy-writer <command> [options]

Commands:
  index   --corpus DIR [--json] [--no-cache]     index a corpus and print its statistics
  check   <files or globs> [--corpus DIR] [--format text|json] [--fix]
  similar --corpus DIR "<text>" [--limit N] [--format text|json]
  refs    --corpus DIR [query] [--format text|json]

Options:
  --corpus DIR     the folder of sources (default: the current folder)
  --cache DIR      where the persisted index lives (default: $XDG_CACHE_HOME/policy-writer/<hash>)
  --no-cache       neither read nor write a persisted index
  --verbose        log what the index does on stderr
`;

export function parseFlags(argv: string[]): { flags: Record<string, string | boolean>; rest: string[] } {
  const flags: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (['json', 'fix', 'no-cache', 'verbose', 'help'].includes(k)) flags[k] = true;
      else if (k === 'corpus' || k === 'format' || k === 'cache' || k === 'limit' || k === 'style') { if (i + 1 < argv.length) flags[k] = argv[++i]; }
      else if (i + 1 < argv.length) flags[k] = argv[++i];
      else flags[k] = true;
    } else rest.push(a);
  }
  return { flags, rest };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const { flags, rest } = parseFlags(args);
  const logger: ILogger = flags.verbose ? { log: (m) => process.stderr.write(m + '\n'), error: (m) => process.stderr.write(m + '\n') } : { log() {}, error: (m) => process.stderr.write(m + '\n') };
  if (!command || command === 'help' || command === '--help' || flags.help) { process.stdout.write(USAGE); return command ? 0 : 2; }
  if (command === 'index') {
    const { indexer } = await openCorpus(flags, logger);
    const status = indexer.currentStatus();
    const t = indexer.lastTimings;
    if (flags.json || flags.format === 'json') process.stdout.write(JSON.stringify({ ...status, timings: t }, null, 2) + '\n');
    else process.stdout.write(`${status.documents} docs · ${status.passages.toLocaleString('en-US')} passages · ${status.terms.toLocaleString('en-US')} terms · ${status.phrases.toLocaleString('en-US')} phrases · ${status.references.toLocaleString('en-US')} references (${t?.source ?? ''}, ${t?.totalMs ?? 0} ms)\n`);
    return 0;
  }
  const sub = subcommands[command];
  if (!sub) { process.stderr.write(`unknown command: ${command}\n\n${USAGE}`); return 2; }
  return sub(rest, flags, logger);
}

/** Subcommands added by feature modules (check, similar, refs). */
export const subcommands: Record<string, (rest: string[], flags: Record<string, string | boolean>, logger: ILogger) => Promise<number>> = {
  check: (rest, flags, logger) => runCheckCommand(rest, flags, logger),
  similar: (rest, flags, logger) => runSimilarCommand(rest, flags, logger),
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`policy-writer: ${(e as Error).message}\n`); process.exitCode = 2; });
}
