import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';
import { Commands } from '../../server/src/shared/protocol';

describe('client commands', () => {
  it('never registers a command the server announces (the language client registers those itself)', () => {
    const client = fs.readdirSync(path.join(repoRoot, 'client', 'src')).map((f) => fs.readFileSync(path.join(repoRoot, 'client', 'src', f), 'utf8')).join('\n');
    const registered = [...client.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]);
    const serverCommands = [...Object.values(Commands), 'policyWriter.addToTermsFile'];
    assert.deepStrictEqual(registered.filter((c) => serverCommands.includes(c as never)), []);
  });

  it('contributes every command it registers or the server provides, with English and Chinese titles', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.zh-cn.json'), 'utf8'));
    for (const c of pkg.contributes.commands) {
      const key = c.title.replace(/^%|%$/g, '');
      assert.ok(en[key] && zh[key], `${c.command}: ${key}`);
    }
  });
});
