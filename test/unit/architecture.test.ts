import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';

/** Architecture invariants, checked on the source: the core is pure, only lsp/ knows the protocol. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:import|from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('architecture invariants', () => {
  it('core never imports the protocol, the editor, the file system, workers or nodejieba', () => {
    const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|node:fs|fs\/promises|worker_threads|node:worker_threads|child_process|nodejieba)$/;
    const bad = sources(path.join(repoRoot, 'server', 'src', 'core')).flatMap((f) => importsOf(f).filter((i) => forbidden.test(i)).map((i) => `${path.relative(repoRoot, f)} imports ${i}`));
    assert.deepStrictEqual(bad, []);
  });

  it('only lsp/, server.ts and main.ts import vscode-languageserver', () => {
    const bad = sources(path.join(repoRoot, 'server', 'src'))
      .filter((f) => !f.includes(`${path.sep}lsp${path.sep}`) && !/server[\\/]src[\\/](server|main)\.ts$/.test(f))
      .flatMap((f) => importsOf(f).filter((i) => i.startsWith('vscode-languageserver') && i !== 'vscode-languageserver-textdocument').map((i) => `${path.relative(repoRoot, f)} imports ${i}`));
    assert.deepStrictEqual(bad, []);
  });

  it('only adapters/ load nodejieba', () => {
    const bad = sources(path.join(repoRoot, 'server', 'src'))
      .filter((f) => !f.includes(`${path.sep}adapters${path.sep}`))
      .flatMap((f) => importsOf(f).filter((i) => i === 'nodejieba').map(() => path.relative(repoRoot, f)));
    assert.deepStrictEqual(bad, []);
  });
});
