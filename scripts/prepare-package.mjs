#!/usr/bin/env node
// Copies what nodejieba needs at run time (its loader, the native binary built by `npm install`, and its
// dictionaries) into dist/node_modules, so the .vsix works on a machine with no build tools.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'node_modules', 'nodejieba');
const dst = path.join(root, 'dist', 'node_modules', 'nodejieba');
const binary = path.join(src, 'build', 'Release', 'nodejieba.node');
if (!fs.existsSync(binary)) {
  console.error(`nodejieba's native binary is missing (${binary}): run npm install (it builds from source).`);
  process.exit(1);
}
fs.rmSync(dst, { recursive: true, force: true });
for (const rel of ['package.json', 'index.js', 'LICENSE', 'build/Release/nodejieba.node', 'submodules/cppjieba/dict']) {
  const from = path.join(src, rel);
  if (!fs.existsSync(from)) continue;
  fs.mkdirSync(path.dirname(path.join(dst, rel)), { recursive: true });
  fs.cpSync(from, path.join(dst, rel), { recursive: true });
}
fs.rmSync(path.join(dst, 'submodules/cppjieba/dict/pos_dict'), { recursive: true, force: true });
console.log(`nodejieba runtime copied to ${path.relative(root, dst)} (${process.platform}-${process.arch}, Node ABI ${process.versions.modules})`);
