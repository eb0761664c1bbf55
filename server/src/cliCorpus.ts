/** Opening a corpus folder's index for a command of the command line (persisted like the editor's). */
import * as fs from 'fs';
import * as path from 'path';
import './core/features';
import { CorpusIndexer } from './adapters/indexer';
import { defaultStoragePath } from './adapters/storage';
import { resolveSettings } from './shared/protocol';
import type { ILogger } from './core/model';

/** Opens (or builds) the index of a corpus folder for a CLI command. */
export async function openCorpus(flags: Record<string, string | boolean>, logger: ILogger) {
  const dir = path.resolve(typeof flags.corpus === 'string' ? flags.corpus : '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`corpus folder not found: ${dir}`);
  const storagePath = flags['no-cache'] ? undefined : typeof flags.cache === 'string' ? path.resolve(flags.cache) : defaultStoragePath([dir]);
  const indexer = new CorpusIndexer({ folders: [dir], settings: resolveSettings({}), terms: [], storagePath, logger });
  const state = await indexer.start();
  indexer.save();
  return { indexer, state, dir };
}

