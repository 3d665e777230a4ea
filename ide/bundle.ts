/**
 * Bundles the GraphiQL IDE: the app, its CSS and Monaco's workers, all from npm packages at build
 * time (no CDN at run time). `ide/build-cli.ts` runs it for `npm run build` (and so `npm start`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { projectPath } from '../core/paths.js';

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
} as const;

/** Bundles the IDE into `outdir` (index.html, app.js/css, Monaco workers). */
export async function buildIde(outdir: string = projectPath('dist', 'ide')): Promise<string> {
  mkdirSync(outdir, { recursive: true });
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
      'editor.worker': projectPath(
        'node_modules',
        'monaco-editor',
        'esm',
        'vs',
        'editor',
        'editor.worker.js',
      ),
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
  return outdir;
}
