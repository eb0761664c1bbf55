#!/usr/bin/env node
// The packaged extension in a real VS Code (code-server in Debian's chromium, driven by playwright-core),
// on a copy of examples/. Each step waits for a condition and saves a screenshot under test-results/e2e/.
// Set up first with scripts/setup-e2e.sh. Prints "N passed, N failed".
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.POLICY_WRITER_E2E_CACHE || path.join(os.homedir(), '.cache', 'policy-writer-e2e');
const codeServer = path.join(cache, 'node_modules', '.bin', 'code-server');
const shots = path.join(root, 'test-results', 'e2e');
fs.mkdirSync(shots, { recursive: true });
if (!fs.existsSync(codeServer) || !fs.existsSync('/usr/bin/chromium')) {
  console.error('code-server or chromium missing: run scripts/setup-e2e.sh first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const vsix = path.join(root, 'dist', 'policy-writer.vsix');
if (!fs.existsSync(vsix) || process.argv.includes('--package')) execFileSync('npm', ['run', 'package'], { cwd: root, stdio: 'inherit' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-e2e-'));
const ws = path.join(tmp, 'examples');
fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
const userData = path.join(tmp, 'user'), extDir = path.join(tmp, 'ext');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
  'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false,
  'editor.hover.delay': 100, 'editor.quickSuggestions': { other: true, comments: false, strings: false },
}));
execFileSync(codeServer, ['--extensions-dir', extDir, '--user-data-dir', userData, '--install-extension', vsix], { stdio: 'inherit' });

const port = await new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const server = spawn(codeServer, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extDir, '--disable-telemetry', '--disable-update-check', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (d) => { serverLog += d; });
server.stderr.on('data', (d) => { serverLog += d; });

const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const cleanup = async () => { try { await browser.close(); } catch {} server.kill(); };
process.on('exit', () => server.kill());

const results = [];
let n = 0;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
async function step(name, fn) {
  n++;
  const shot = path.join(shots, `${String(n).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  try {
    await fn();
    await page.screenshot({ path: shot });
    results.push([name, true]);
    console.log(`✔ ${name}`);
  } catch (e) {
    try { await page.screenshot({ path: shot }); } catch {}
    results.push([name, false]);
    console.log(`✘ ${name}: ${e.message.split('\n')[0]}`);
  }
}
const waitText = async (selector, re, timeout = 90_000) => {
  await page.waitForFunction(([sel, src]) => [...document.querySelectorAll(sel)].some((e) => new RegExp(src).test(e.textContent ?? '')), [selector, re.source], { timeout });
};
async function openFile(name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
  await page.keyboard.type(name);
  await waitText('.quick-input-list .monaco-list-row', new RegExp(name.replace(/\./g, '\\.')));
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await waitText('.tab', new RegExp(name.replace(/\./g, '\\.')));
  await page.waitForSelector('.monaco-editor .view-lines');
}
async function command(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
  await page.keyboard.type(title);
  await waitText('.quick-input-list .monaco-list-row', new RegExp(title));
  await page.keyboard.press('Enter');
}

try {
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });

  await step('status bar reaches ready', async () => {
    await openFile('简报草稿.md');
    await waitText('.statusbar-item', /\d+ docs · \d+ passages · \d+ terms/);
  });

  await step('hover shows a corpus definition', async () => {
    const line = page.locator('.view-line', { hasText: '东南亚国家联盟坚持' }).first();
    const box = await line.boundingBox();
    // The term starts the line: rest the mouse on its third character.
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await waitText('.monaco-hover', /东南亚国家联盟[\s\S]*ASEAN/, 15_000);
  });

  await step('completion of a standard formulation from its first characters', async () => {
    await page.mouse.move(10, 10);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('推动全球治理体系朝着');
    await page.keyboard.press('Control+Space');
    await waitText('.suggest-widget .monaco-list-row', /更加公正合理的方向发展/, 15_000);
    await page.keyboard.press('Enter');
    await waitText('.view-line', /推动全球治理体系朝着更加公正合理的方向发展/, 5_000);
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
  });

  await step('a planted problem in the Problems panel, and its quick fix applied', async () => {
    await page.keyboard.press('Control+S');
    await page.keyboard.press('Control+Shift+M');
    await waitText('.markers-panel', /一带一路战略/, 30_000);
    // Go to the problem in the editor (F8 walks the problems from the top) and apply its quick fix.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('F8');
      const shown = await page.locator('.marker-widget').first().textContent({ timeout: 3_000 }).catch(() => '');
      if (/一带一路战略/.test(shown ?? '')) break;
    }
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    await waitText('.action-widget', /Replace with 一带一路倡议/, 10_000);
    // The preferred fix is the highlighted first row.
    await page.keyboard.press('Enter');
    await waitText('.view-line', /积极推进一带一路倡议/, 5_000);
  });

  await step('Insert Citation… from the palette adds a note', async () => {
    await page.locator('.view-line', { hasText: '东南亚国家联盟坚持' }).first().click();
    await page.keyboard.press('End');
    await command('Insert Citation…');
    await page.keyboard.type('数字贸易');
    await waitText('.quick-input-list .monaco-list-row', /亚太数字贸易规则的竞争与趋同/, 20_000);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '亚太数字贸易规则的竞争与趋同' }).first().click();
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await waitText('.view-line', /赵琳、孙浩：《亚太数字贸易规则的竞争与趋同》，《区域治理评论》2025年第1期，第20页。/, 15_000);
  });

  await step('Find Similar Passages lists the source', async () => {
    await page.locator('.view-line', { hasText: '东南亚国家联盟坚持' }).first().click();
    await command('Find Similar Passages');
    await waitText('.monaco-list-row', /论区域组织在全球治理改革中的作用/, 20_000);
  });
} finally {
  await cleanup();
  if (results.some(([, ok]) => !ok)) fs.writeFileSync(path.join(shots, 'code-server.log'), serverLog);
}
const passed = results.filter(([, ok]) => ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length === passed ? 0 : 1);
