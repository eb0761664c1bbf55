/** `policy-writer check <files or globs> [--corpus DIR] [--format text|json] [--fix]`: the editor's checks, in CI. */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { checkDocument, fixAllEdits, applyEdits, Finding } from './core/check';
import { computeLineStarts, positionAt } from './core/text/chars';
import { parseTermsFile, TermsFile } from './core/terms/termsFile';
import { resolveSettings } from './shared/protocol';
import type { ILogger } from './core/model';
import { expansionOf } from './core/terms/abbreviationIndex';
import { TERMS, TermBase } from './core/terms/termBase';
import { findOverlaps, OVERLAP, OverlapIndex } from './core/similar/overlap';
import { getFeature } from './core/service';
import { fileUri } from './adapters/files';
import { openCorpus } from './cliCorpus';

/** Expands the arguments (files, folders, globs relative to the current folder) into files. */
export function expandFiles(args: string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const a of args) {
    const abs = path.resolve(cwd, a);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) { out.add(abs); continue; }
    const pattern = fs.existsSync(abs) && fs.statSync(abs).isDirectory() ? path.join(a, '**/*.{md,markdown,txt}') : a;
    const isMatch = picomatch(pattern.split(path.sep).join('/'));
    const base = picomatch.scan(pattern.split(path.sep).join('/')).base || '.';
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(path.resolve(cwd, dir), { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (e.name === 'node_modules' || e.name === '.git') continue;
        const rel = dir === '.' ? e.name : `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (isMatch(rel)) out.add(path.resolve(cwd, rel));
      }
    };
    walk(base);
  }
  return [...out].sort();
}

function readTerms(cwd: string, files: string[], stderr: (s: string) => void): TermsFile[] {
  const out: TermsFile[] = [];
  for (const f of files) {
    const p = path.resolve(cwd, f);
    if (!fs.existsSync(p)) continue;
    const { value, problems } = parseTermsFile(fs.readFileSync(p, 'utf8'), p);
    for (const pr of problems) stderr(`terms file ${pr.message}\n`);
    out.push(value);
  }
  return out;
}

export interface CheckRun { file: string; findings: Finding[]; lineStarts: number[]; text: string }

export async function runCheckCommand(rest: string[], flags: Record<string, string | boolean>, logger: ILogger, io = { cwd: process.cwd(), stdout: (s: string) => { process.stdout.write(s); }, stderr: (s: string) => { process.stderr.write(s); } }): Promise<number> {
  const files = expandFiles(rest, io.cwd);
  if (!files.length) { io.stderr('policy-writer check: no files match\n'); return 2; }
  const settings = resolveSettings({});
  const termsRoot = typeof flags.corpus === 'string' ? path.resolve(io.cwd, flags.corpus, '..') : io.cwd;
  const terms = [...readTerms(io.cwd, settings.terms.files, io.stderr), ...(termsRoot !== io.cwd ? readTerms(termsRoot, settings.terms.files, io.stderr) : [])];
  let corpusAbbreviation: ((a: string) => ReturnType<typeof expansionOf>) | undefined;
  let overlaps: ((text: string, uri: string) => Finding[]) | undefined;
  if (typeof flags.corpus === 'string') {
    const { state } = await openCorpus(flags, logger);
    const abbr = getFeature<TermBase>(state, TERMS)?.abbreviations;
    const ov = getFeature<OverlapIndex>(state, OVERLAP);
    corpusAbbreviation = (a) => expansionOf(abbr, a);
    if (ov) overlaps = (text, uri) => findOverlaps(ov, state.corpus, text, uri);
  }
  const runs: CheckRun[] = [];
  for (const file of files) {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch (e) { io.stderr(`${file}: ${(e as Error).message}\n`); continue; }
    const opts = {
      format: /\.(md|markdown)$/i.test(file) ? ('markdown' as const) : ('text' as const),
      terms, corpusAbbreviation, severity: settings.check.severity,
      overlaps: overlaps ? (t: string) => overlaps!(t, fileUri(file)) : undefined,
    };
    let findings = checkDocument(text, opts);
    if (flags.fix) {
      const edits = fixAllEdits(findings);
      if (edits.length) {
        text = applyEdits(text, edits);
        fs.writeFileSync(file, text);
        findings = checkDocument(text, opts);
      }
    }
    runs.push({ file, findings, lineStarts: computeLineStarts(text), text });
  }
  const rel = (f: string) => path.relative(io.cwd, f) || f;
  if (flags.format === 'json' || flags.json) {
    io.stdout(JSON.stringify({
      files: runs.map((r) => ({
        file: rel(r.file),
        findings: r.findings.map((f) => {
          const s = positionAt(r.lineStarts, f.span.start), e = positionAt(r.lineStarts, f.span.end);
          return { code: f.code, severity: f.severity, message: f.message, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, text: r.text.slice(f.span.start, f.span.end), fixable: f.fixes.some((x) => x.safe) };
        }),
      })),
    }, null, 2) + '\n');
  } else {
    let total = 0;
    for (const r of runs) {
      if (!r.findings.length) continue;
      io.stdout(`${rel(r.file)}\n`);
      for (const f of r.findings) {
        const s = positionAt(r.lineStarts, f.span.start);
        io.stdout(`  ${s.line + 1}:${s.character + 1}  ${f.severity.padEnd(11)} ${f.code.padEnd(18)} ${f.message}\n`);
        total++;
      }
    }
    io.stdout(`${total} finding(s) in ${runs.filter((r) => r.findings.length).length} of ${runs.length} file(s)\n`);
  }
  return runs.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
