// Bundles the VS Code client, the language server (with its index worker) and the command line.
// nodejieba stays external: it is a native addon, shipped in node_modules inside the package.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['nodejieba'],
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode', 'nodejieba'] }),
  esbuild.context({ ...common, entryPoints: { server: 'server/src/main.ts', indexWorker: 'server/src/adapters/indexWorker.ts' }, outdir: 'dist' }),
  esbuild.context({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
