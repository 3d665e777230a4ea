/**
 * End-to-end: Debian's chromium (driven by playwright-core) opens the gateway URL, GraphiQL loads
 * from the hub alone (every other host is blocked and recorded), runs the first example query and
 * shows its result. Run by `npm run test:e2e` (needs /usr/bin/chromium; .ci/run installs it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIde } from '../../ide/bundle.js';
import { loadIdeAssets } from '../../ide/serve.js';
import { startTestHub, type TestHub } from '../support/hub.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  const dir = await buildIde(mkdtempSync(join(tmpdir(), 'vardnav-ide-')));
  hub = await startTestHub({ gateway: { ide: loadIdeAssets(dir) } });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

it('opens GraphiQL at the gateway URL, offline, runs an example query and shows its result', async () => {
  const page = await browser.newPage();
  const gatewayOrigin = new URL(hub.gateway.url).origin;
  const external: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(gatewayOrigin) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    external.push(url);
    return route.abort();
  });
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  await page.goto(hub.gateway.url, { waitUntil: 'load' });
  const run = page.locator('.graphiql-execute-button');
  await run.waitFor({ state: 'visible', timeout: 30_000 });
  // The first example tab (Sjukvårdsregion Mellansverige) is active; run it.
  await run.click();
  const result = page.locator('.result-window');
  // Monaco renders spaces as no-break spaces and only the visible lines.
  const shown = async () => (await result.innerText()).replaceAll('\u00a0', ' ');
  await expect.poll(shown, { timeout: 30_000 }).toContain('"name": "Sjukvårdsregion Mellansverige"');
  expect(await shown()).toContain('"regions": [');
  expect(external, 'no request leaves the hub').toEqual([]);
  expect(consoleErrors).toEqual([]);
  await page.screenshot({ path: join(tmpdir(), 'vardnav-graphiql.png') });
}, 90_000);
