import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIde } from '../../ide/bundle.js';
import { loadIdeAssets } from '../../ide/serve.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let hub: TestHub;
let base: string;

beforeAll(async () => {
  const dir = await buildIde(mkdtempSync(join(tmpdir(), 'vardnav-ide-')));
  hub = await startTestHub({ gateway: { ide: loadIdeAssets(dir) } });
  base = new URL('/', hub.gateway.url).href;
}, 120_000);
afterAll(() => hub?.close());

async function get(path: string, accept = '*/*', headers: Record<string, string> = {}) {
  const response = await request(new URL(path, base), { headers: { accept, ...headers } });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** URLs a page or stylesheet makes the browser load (not mere strings inside scripts). */
function loadedUrls(html: string, css: string[]): string[] {
  const fromHtml = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  const fromCss = css.flatMap((text) => [
    ...[...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => m[1]!),
  ]);
  return [...fromHtml, ...fromCss];
}

it('a browser opening the GraphQL URL gets GraphiQL whose every asset comes from the hub itself', async () => {
  const page = await get('/graphql', 'text/html,application/xhtml+xml');
  expect(page.status).toBe(200);
  expect(page.body).toContain('id="graphiql"');
  expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");

  const referenced = loadedUrls(page.body, []);
  expect(referenced).toEqual(expect.arrayContaining(['/ide/app.js', '/ide/app.css']));
  const css: string[] = [];
  for (const url of referenced) {
    expect(url, 'no external URL in the page').toMatch(/^\/(?!\/)/);
    const asset = await get(url);
    expect(asset.status, url).toBe(200);
    if (url.endsWith('.css')) css.push(asset.body);
  }
  for (const url of loadedUrls('', css)) expect(url, 'stylesheets load nothing external').toMatch(/^data:/);

  // Monaco's workers are served locally too.
  for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
    expect((await get(`/ide/${worker}`)).status).toBe(200);
  }
  // The app bundle never imports code from elsewhere.
  const app = await get('/ide/app.js');
  expect(app.body).not.toMatch(/\bimport\s*\(\s*["']https?:/);
  expect(app.body).not.toMatch(/\bfrom\s*["']https?:/);
});

it('GraphQL requests to the same URL still reach GraphQL', async () => {
  const result = await hub.gateway.query('{ region(code: "18") { name } }');
  expect(result.data).toEqual({ region: { name: 'Region Örebro län' } });
  // GET queries need a preflight-forcing header (Apollo Server's CSRF prevention).
  const viaGet = await get('/graphql?query=%7B__typename%7D', 'application/json', {
    'apollo-require-preflight': 'true',
  });
  expect(JSON.parse(viaGet.body)).toEqual({ data: { __typename: 'Query' } });
});

it('serves no file outside the built IDE', async () => {
  expect((await get('/ide/..%2Fpackage.json')).status).toBe(404);
  expect((await get('/ide/index.html')).status).toBe(404);
});
