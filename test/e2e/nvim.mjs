#!/usr/bin/env node
// A second editor: Neovim's built-in LSP client (Debian's neovim) against dist/server.js --stdio, on a copy of
// examples/. Checks that the index becomes ready, a hover shows a corpus definition, and a formulation completes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (spawnSync('nvim', ['--version']).status !== 0) { console.error('nvim not found: run scripts/setup-e2e.sh'); console.log('0 passed, 1 failed'); process.exit(1); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-nvim-'));
const ws = path.join(tmp, 'examples');
fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
const out = path.join(tmp, 'result.json');
const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(root, 'test', 'e2e', 'nvim-lsp.lua')}`], {
  env: { ...process.env, PW_ROOT: ws, PW_OUT: out, PW_SERVER: path.join(root, 'dist', 'server.js'), PW_STORAGE: path.join(tmp, 'storage') },
  encoding: 'utf8', timeout: 120_000,
});
const results = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
const checks = [
  ['the index becomes ready', results.ready === true],
  ['hover shows what the corpus knows of 东南亚国家联盟', /ASEAN/.test(results.hover ?? '')],
  ['completion offers 推动全球治理体系朝着更加公正合理的方向发展', (results.completion ?? []).includes('推动全球治理体系朝着更加公正合理的方向发展')],
];
for (const [name, ok] of checks) console.log(`${ok ? '✔' : '✘'} ${name}`);
const passed = checks.filter(([, ok]) => ok).length;
if (passed < checks.length) console.error(r.stderr || r.stdout, JSON.stringify(results).slice(0, 500));
console.log(`${passed} passed, ${checks.length - passed} failed`);
process.exit(passed === checks.length ? 0 : 1);
