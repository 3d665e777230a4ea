import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectPath } from '../core/paths.js';

/**
 * Serves the GraphiQL IDE built by ide/build.ts (dist/ide). Everything the page loads comes from
 * this server; the Content-Security-Policy makes the browser refuse anything else, so the IDE works
 * offline and cannot leak queries to a CDN.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// 'self' only; data: for the fonts and icons inlined into the CSS; inline styles are set by
// Monaco at run time.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface IdeAssets {
  readonly files: ReadonlyMap<string, { body: Buffer; type: string }>;
}

export const DEFAULT_IDE_DIR = projectPath('dist', 'ide');

/** Reads the built IDE into memory; undefined when it has not been built (`npm run build`). */
export function loadIdeAssets(dir: string = DEFAULT_IDE_DIR): IdeAssets | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: readFileSync(join(dir, name)), type });
  }
  return { files };
}

/**
 * GET <graphqlPath> from a browser (Accept: text/html, no query) shows the IDE; assets under /ide/.
 * GraphQL GET requests (with ?query=) and all POSTs go to the GraphQL handler as before.
 */
export function registerIde(app: FastifyInstance, assets: IdeAssets, graphqlPath = '/graphql'): void {
  const page = assets.files.get('index.html')!;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET') return;
    const [path, search = ''] = request.url.split('?', 2);
    if (path !== graphqlPath || new URLSearchParams(search).has('query')) return;
    if (!(request.headers.accept ?? '').includes('text/html')) return;
    return reply
      .header('content-type', page.type)
      .header('content-security-policy', CSP)
      .header('cache-control', 'no-cache')
      .send(page.body);
  });
  app.get('/', async (_request, reply) => reply.redirect(graphqlPath, 302));
  app.get<{ Params: { file: string } }>('/ide/:file', async (request, reply) => {
    const file = assets.files.get(request.params.file);
    if (!file || request.params.file === 'index.html') return reply.code(404).send({ error: 'not found' });
    return reply
      .header('content-type', file.type)
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=3600')
      .send(file.body);
  });
}
