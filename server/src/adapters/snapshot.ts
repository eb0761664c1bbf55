/**
 * The persisted index: one versioned v8-serialised file under the storage path. A snapshot of another
 * format version, of other settings, or one that fails to read is discarded, never trusted.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import type { IndexedDocument } from '../core/model';

export const SNAPSHOT_FORMAT = 3;
const MAGIC = 'policy-writer-index';

export interface Snapshot {
  magic: string;
  format: number;
  /** Settings and code version the index depends on; a mismatch means rebuild. */
  key: string;
  docs: IndexedDocument[];
  vocab: string[];
  dictWords: string[];
  features: { name: string; version: number; data: unknown }[];
  skipped: { uri: string; fingerprint: string; reason: string }[];
}

export function snapshotFile(storagePath: string): string {
  return path.join(storagePath, 'index.v8');
}

export type LoadResult = { snapshot: Snapshot } | { reason: string };

export function loadSnapshot(storagePath: string, key: string): LoadResult {
  const file = snapshotFile(storagePath);
  let buf: Buffer;
  try { buf = fs.readFileSync(file); } catch { return { reason: 'no snapshot' }; }
  let s: Snapshot;
  try { s = v8.deserialize(buf) as Snapshot; } catch (e) { return { reason: `unreadable snapshot (${(e as Error).message}): discarded` }; }
  if (!s || s.magic !== MAGIC) return { reason: 'not a snapshot: discarded' };
  if (s.format !== SNAPSHOT_FORMAT) return { reason: `snapshot format ${s.format}, expected ${SNAPSHOT_FORMAT}: rebuilt` };
  if (s.key !== key) return { reason: 'settings or version changed: rebuilt' };
  if (!Array.isArray(s.docs) || !Array.isArray(s.vocab)) return { reason: 'incomplete snapshot: discarded' };
  return { snapshot: s };
}

/** Writes atomically (temporary file, then rename), so a crash mid-write leaves the old snapshot whole. */
export function saveSnapshot(storagePath: string, s: Omit<Snapshot, 'magic' | 'format'>): number {
  fs.mkdirSync(storagePath, { recursive: true });
  const file = snapshotFile(storagePath);
  const tmp = `${file}.${process.pid}.tmp`;
  const buf = v8.serialize({ magic: MAGIC, format: SNAPSHOT_FORMAT, ...s });
  fs.writeFileSync(tmp, buf);
  fs.renameSync(tmp, file);
  return buf.length;
}
