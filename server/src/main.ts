/** Entry point of the language server: `node dist/server.js --stdio` (or IPC when started by VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

declare const __VERSION__: string | undefined;

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
startServer(connection, { codeVersion: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' });
