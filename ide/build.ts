/**
 * Builds the GraphiQL IDE into dist/ide: the app bundle, its CSS and Monaco's workers, all from
 * npm packages at build time (no CDN at run time). Run by `npm run build` (and so by `npm start`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { projectPath } from '../core/paths.js';

const outdir = projectPath('dist', 'ide');
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
} as const;

await build({
  ...common,
  entryPoints: { app: projectPath('ide', 'src', 'main.tsx') },
  outdir,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
});

await build({
  ...common,
  entryPoints: {
    'editor.worker': projectPath('node_modules', 'monaco-editor', 'esm', 'vs', 'editor', 'editor.worker.js'),
    'json.worker': projectPath(
      'node_modules',
      'monaco-editor',
      'esm',
      'vs',
      'language',
      'json',
      'json.worker.js',
    ),
    'graphql.worker': projectPath('node_modules', 'monaco-graphql', 'esm', 'graphql.worker.js'),
  },
  outdir,
  format: 'iife',
  target: 'es2022',
});

copyFileSync(projectPath('ide', 'index.html'), `${outdir}/index.html`);
process.stdout.write(`built GraphiQL into ${outdir}\n`);
