/**
 * Server-side file watching, for clients that cannot watch files for us (no dynamic registration of
 * workspace/didChangeWatchedFiles): fs.watch on each folder, recursive, debounced into one update.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface FolderWatcher { dispose(): void }

export function watchFolders(folders: string[], onChanges: (changed: string[], deleted: string[]) => void, onError: (m: string) => void, debounceMs = 300): FolderWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changed: string[] = [], deleted: string[] = [];
    for (const p of pending) (fs.existsSync(p) ? changed : deleted).push(p);
    pending.clear();
    if (changed.length || deleted.length) onChanges(changed, deleted);
  };
  const watchers: fs.FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const w = fs.watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        if (!name) return;
        const rel = name.toString();
        if (/(^|[\\/])(\.git|node_modules)([\\/]|$)/.test(rel)) return;
        pending.add(path.join(folder, rel));
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      w.on('error', (e) => onError(`file watching stopped for ${folder}: ${e.message}`));
      watchers.push(w);
    } catch (e) {
      onError(`cannot watch ${folder}: ${(e as Error).message}`);
    }
  }
  return { dispose() { if (timer) clearTimeout(timer); for (const w of watchers) w.close(); } };
}
