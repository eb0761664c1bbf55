#!/usr/bin/env node
// npm run bench [-- --json] [-- --mb 20] [-- --growth]: builds the benchmark corpus, then measures the index
// against one thread of raw nodejieba.cut over the same text (in one run, on this machine), the warm restart,
// memory, and every feature's piece in scripts/bench/*.mjs (hover, completion, similar passages, checks).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (n) => args.includes(`--${n}`);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const json = flag('json');
const sizes = flag('growth') ? [5, 20, 80] : [Number(opt('mb', 20))];
const only = opt('only', '');
const log = (...m) => { if (!json) console.log(...m); };

// Compiled core for in-process pieces (tsc output, as the tests use).
if (!fs.existsSync(path.join(root, 'out', 'server', 'src', 'adapters', 'indexer.js')) || !flag('no-compile')) {
  spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: json ? 'ignore' : 'inherit' });
}

function corpusDir(mb) {
  const cache = path.join(os.tmpdir(), `policy-writer-bench-${mb}mb`);
  if (fs.existsSync(path.join(cache, '.complete'))) return cache;
  fs.rmSync(cache, { recursive: true, force: true });
  const shared = path.resolve(root, '..', 'shared', 'tools', 'make-scaled-corpus.mjs');
  const gen = fs.existsSync(shared) ? shared : path.join(root, 'scripts', 'make-corpus.mjs');
  log(`building a ${mb} MB corpus with ${path.relative(root, gen)} …`);
  execFileSync(process.execPath, [gen, '--out', cache, '--mb', String(mb)], { stdio: json ? 'ignore' : 'inherit' });
  fs.writeFileSync(path.join(cache, '.complete'), '');
  return cache;
}

function node(script, scriptArgs, extra = []) {
  const r = spawnSync(process.execPath, [...extra, script, ...scriptArgs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout;
}

const rows = [];
const row = (name, value, unit, target, note) => { rows.push({ name, value, unit, target, note }); log(`  ${name.padEnd(58)} ${String(value).padStart(10)} ${unit.padEnd(6)} ${target ?? ''}${note ? '  ' + note : ''}`); };

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
log(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB, Node ${machine.node}`);

for (const mb of sizes) {
  const dir = corpusDir(mb);
  const bytes = fs.readdirSync(dir).filter((f) => !f.startsWith('.')).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
  log(`\n${mb} MB corpus (${(bytes / 1e6).toFixed(1)} MB in ${fs.readdirSync(dir).length - 1} files)`);

  if (!only || only === 'index') {
    const raw = JSON.parse(node(path.join(root, 'scripts', 'bench', 'raw-cut.cjs'), [dir]));
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-bench-cache-'));
    const cold = JSON.parse(node(path.join(root, 'dist', 'cli.js'), ['index', '--corpus', dir, '--cache', cache, '--json']));
    const warm = JSON.parse(node(path.join(root, 'dist', 'cli.js'), ['index', '--corpus', dir, '--cache', cache, '--json']));
    fs.rmSync(cache, { recursive: true, force: true });
    row(`[${mb} MB] raw nodejieba.cut, one thread (dictionary load)`, raw.loadMs, 'ms');
    row(`[${mb} MB] raw nodejieba.cut, one thread (cutting)`, raw.cutMs, 'ms');
    row(`[${mb} MB] cold index, whole (${cold.timings.workers} workers)`, cold.timings.totalMs, 'ms');
    row(`[${mb} MB] cold index ÷ raw cut (cutting only)`, +(cold.timings.totalMs / raw.cutMs).toFixed(2), '×', '≤ 1.0');
    row(`[${mb} MB] cold index ÷ raw cut (with its dictionary load)`, +(cold.timings.totalMs / (raw.cutMs + raw.loadMs)).toFixed(2), '×');
    row(`[${mb} MB] sentence cache hit rate while indexing`, +((cold.timings.cacheHits / Math.max(1, cold.timings.cacheHits + cold.timings.cacheMisses)) * 100).toFixed(1), '%', '', 'the generated corpus repeats its seeds\' sentences');
    row(`[${mb} MB] warm restart (snapshot)`, warm.timings.totalMs, 'ms');
    row(`[${mb} MB] warm ÷ cold`, +(warm.timings.totalMs / cold.timings.totalMs).toFixed(2), '×', '≤ 0.2');
    const mem = JSON.parse(node(path.join(root, 'scripts', 'bench', 'memory.cjs'), [dir], ['--expose-gc']));
    row(`[${mb} MB] index memory (JS heap + array buffers, after GC)`, +(mem.indexBytes / 1e6).toFixed(1), 'MB');
    row(`[${mb} MB] index memory ÷ corpus bytes`, +(mem.indexBytes / bytes).toFixed(2), '×', '≤ 3');
    row(`[${mb} MB] process RSS after indexing`, +(mem.rss / 1e6).toFixed(0), 'MB', '', 'includes nodejieba\'s dictionary');
  }

  // Feature pieces, given one in-process index of this corpus.
  const pieces = fs.readdirSync(path.join(root, 'scripts', 'bench')).filter((f) => f.endsWith('.mjs') && (!only || f.startsWith(only))).sort();
  if (pieces.length && (!only || only !== 'index')) {
    const { CorpusIndexer } = await import(pathToFileURL(path.join(root, 'out', 'server', 'src', 'adapters', 'indexer.js')));
    await import(pathToFileURL(path.join(root, 'out', 'server', 'src', 'core', 'features.js')));
    const { resolveSettings } = await import(pathToFileURL(path.join(root, 'out', 'server', 'src', 'shared', 'protocol.js')));
    const indexer = new CorpusIndexer({ folders: [dir], settings: resolveSettings({}), terms: [], logger: { log() {}, error: (m) => console.error(m) } });
    const state = await indexer.start();
    for (const p of pieces) {
      const mod = await import(pathToFileURL(path.join(root, 'scripts', 'bench', p)));
      try {
        for (const r of await mod.run({ corpus: state.corpus, state, root, corpusDir: dir, mb })) row(`[${mb} MB] ${r.name}`, r.value, r.unit, r.target, r.note);
      } catch (e) { row(`[${mb} MB] ${p}`, 'failed', '', '', String(e?.message ?? e)); }
    }
  }
}

// Distinct text: the seed documents alone hold (almost) no near-duplicates, so every passage is segmented.
const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds');
if (fs.existsSync(seeds) && (!only || only === 'index')) {
  const bytes = fs.readdirSync(seeds).reduce((a, f) => a + fs.statSync(path.join(seeds, f)).size, 0);
  log(`\nseed documents only (${(bytes / 1e6).toFixed(2)} MB, distinct text)`);
  const raw = JSON.parse(node(path.join(root, 'scripts', 'bench', 'raw-cut.cjs'), [seeds]));
  const cold = JSON.parse(node(path.join(root, 'dist', 'cli.js'), ['index', '--corpus', seeds, '--no-cache', '--json']));
  row('[seeds] raw nodejieba.cut, one thread (load + cutting)', raw.loadMs + raw.cutMs, 'ms');
  row('[seeds] cold index, whole', cold.timings.totalMs, 'ms');
  row('[seeds] cold index ÷ raw (load + cutting)', +(cold.timings.totalMs / Math.max(1, raw.loadMs + raw.cutMs)).toFixed(2), '×', '', 'every passage segmented: no duplicates to skip');
}

if (json) console.log(JSON.stringify({ machine, rows }, null, 2));
