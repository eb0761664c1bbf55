/** Where the persisted index lives when the client gives no storage path (contract: XDG cache, per workspace). */
import * as crypto from 'crypto';
import * as os from 'os';
import * as path from 'path';

export function defaultStoragePath(folders: string[]): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const hash = crypto.createHash('sha256').update(folders.map((f) => path.resolve(f)).sort().join('\n')).digest('hex').slice(0, 16);
  return path.join(base, 'policy-writer', hash);
}
