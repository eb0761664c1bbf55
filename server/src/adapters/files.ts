/** Finds the corpus files that `corpus.include` / `corpus.exclude` select in each workspace folder. */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { pathToFileURL } from 'url';

export interface CorpusFile { path: string; uri: string; size: number; mtimeMs: number }

/** Files larger than this are not read (logged instead): nobody writes a 64 MB source text. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export interface Selector { isIncluded(rel: string): boolean; isExcludedDir(rel: string): boolean }

export function selector(include: string[], exclude: string[]): Selector {
  const inc = picomatch(include, { dot: false });
  const exc = picomatch(exclude, { dot: true });
  return {
    isIncluded: (rel) => inc(rel) && !exc(rel),
    // A directory is skipped when anything inside it would be excluded (e.g. **/node_modules/**).
    isExcludedDir: (rel) => exc(rel + '/x') || exc(rel + '/'),
  };
}

/** Walks the folders; unreadable directories are skipped and reported through `onProblem`. */
export function listCorpusFiles(folders: string[], include: string[], exclude: string[], onProblem: (msg: string) => void = () => {}): CorpusFile[] {
  const sel = selector(include, exclude);
  const out: CorpusFile[] = [];
  const seen = new Set<string>();
  for (const root of folders) {
    const stack = [''];
    while (stack.length) {
      const rel = stack.pop()!;
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true }); } catch (e) { onProblem(`cannot read ${path.join(root, rel)}: ${(e as Error).message}`); continue; }
      for (const ent of entries) {
        const r = rel ? rel + '/' + ent.name : ent.name;
        if (ent.isDirectory()) { if (!sel.isExcludedDir(r)) stack.push(r); continue; }
        if (!ent.isFile() || !sel.isIncluded(r)) continue;
        const p = path.join(root, r);
        if (seen.has(p)) continue;
        seen.add(p);
        try {
          const st = fs.statSync(p);
          if (st.size > MAX_FILE_BYTES) { onProblem(`${p}: ${(st.size / 1e6).toFixed(0)} MB, larger than ${MAX_FILE_BYTES / 1e6} MB: skipped`); continue; }
          out.push({ path: p, uri: fileUri(p), size: st.size, mtimeMs: st.mtimeMs });
        } catch (e) { onProblem(`${p}: ${(e as Error).message}`); }
      }
    }
  }
  return out.sort((a, b) => (a.uri < b.uri ? -1 : 1));
}

export function fingerprintOf(f: { size: number; mtimeMs: number }): string {
  return `${f.size}:${Math.floor(f.mtimeMs)}`;
}
