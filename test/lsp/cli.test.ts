import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { copyFolder, examplesDir, tempDir } from './harness';
import { repoRoot } from '../helpers/corpus';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => cp.spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: tempDir('pw-cache-') } });

describe('command line', function () {
  this.timeout(60_000);

  it('index prints the statistics of a corpus', () => {
    const r = run(['index', '--corpus', 'corpus'], examplesDir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^3 docs · \d+ passages/);
  });

  it('check gives the editor\'s findings, grouped by file with line:column, as text and JSON', () => {
    const text = run(['check', 'drafts/*.md', '--corpus', 'corpus'], examplesDir);
    assert.strictEqual(text.status, 0, text.stderr);
    assert.match(text.stdout, /drafts\/简报草稿\.md\n {2}3:20 {2}warning {5}punct-halfwidth/);
    const json = JSON.parse(run(['check', 'drafts/*.md', '--corpus', 'corpus', '--format', 'json'], examplesDir).stdout);
    assert.deepStrictEqual(json.files[0].findings.map((f: any) => [f.code, f.line, f.column, f.text]), [
      ['punct-halfwidth', 3, 20, ','],
      ['abbr-undefined', 5, 1, 'CPTPP'],
      ['term-deprecated', 5, 32, '一带一路战略'],
      ['term-variant', 5, 44, '东南亚联盟'],
    ]);
  });

  it('check --fix writes the fixes and the draft then checks clean', () => {
    const ws = copyFolder(examplesDir);
    const r = run(['check', 'drafts', '--corpus', 'corpus', '--fix'], ws);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 finding\(s\) in 0 of 1 file/);
    const fixed = fs.readFileSync(path.join(ws, 'drafts', '简报草稿.md'), 'utf8');
    assert.ok(fixed.includes('全面与进步跨太平洋伙伴关系协定（CPTPP）对数据跨境流动'));
  });

  it('check exits 1 when an error-level finding remains', () => {
    const ws = tempDir('pw-cli-');
    fs.writeFileSync(path.join(ws, 'a.md'), '正文引用了一条注释。[^1]\n');
    const r = run(['check', 'a.md'], ws);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /1:11 {2}error {7}footnote-missing/);
  });
});

describe('command line: similar', function () {
  this.timeout(60_000);
  it('lists the corpus passages closest to a text, best first', () => {
    const r = run(['similar', '--corpus', 'corpus', '与全球机制相比，区域组织在危机中往往反应更快'], examplesDir);
    assert.strictEqual(r.status, 0, r.stderr);
    const first = r.stdout.split('\n')[0];
    assert.match(first, /^\d\.\d{3} {2}区域治理评论-2025年第1期\.txt:\d+ {2}论区域组织在全球治理改革中的作用$/);
    assert.match(r.stdout.split('\n')[1], /区域组织往往比全球机制反应更快/);
  });
});
