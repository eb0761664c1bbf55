/** policyWriter/indexStatistics: what the "Show Index Statistics" view shows. */
import type { Connection } from 'vscode-languageserver';
import type { ServerDeps } from './deps';
import { Methods } from '../shared/protocol';
import { corpusStatistics } from '../core/index/statistics';

export function registerStatistics(connection: Connection, deps: ServerDeps): void {
  connection.onRequest(Methods.indexStatistics, () => {
    const s = deps.state();
    return s ? corpusStatistics(s) : null;
  });
}
