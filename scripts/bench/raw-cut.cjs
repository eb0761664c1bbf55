// One thread of raw nodejieba.cut over every file of a corpus: the baseline the index is measured against.
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const texts = fs.readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const jieba = require('nodejieba');
let t0 = process.hrtime.bigint();
jieba.load();
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
t0 = process.hrtime.bigint();
let tokens = 0;
for (const t of texts) tokens += jieba.cut(t).length;
const cutMs = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(JSON.stringify({ loadMs: Math.round(loadMs), cutMs: Math.round(cutMs), tokens }));
