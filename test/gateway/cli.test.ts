import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectPath } from '../../core/paths.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';
import { gql } from '../support/graphql.js';

/** cli/gateway.ts runs the gateway alone on a supergraph file, is ready quickly, exits on SIGTERM. */
let shop: Shop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop?.close());

it('serves a supergraph given on the command line and exits cleanly on SIGTERM', async () => {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', projectPath('cli', 'gateway.ts'), '--supergraph', shop.supergraphPath, '--port', '0'],
    { env: { ...process.env, VARDNAV_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  await expect.poll(() => stdout, { timeout: 15_000, interval: 50 }).toMatch(/listening at (http:\S+)/);
  const url = /listening at (http:\S+)/.exec(stdout)![1]!;
  expect(Date.now() - started).toBeLessThan(15_000);
  const result = await gql(url, '{ products { name reviewCount } }');
  expect(result.data).toEqual({
    products: [
      { name: 'Table', reviewCount: 2 },
      { name: 'Couch', reviewCount: 1 },
      { name: 'Chair', reviewCount: 1 },
    ],
  });
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
});

it('a missing supergraph fails start-up with a clear message', async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      projectPath('cli', 'gateway.ts'),
      '--supergraph',
      '/nonexistent/sg.graphql',
      '--port',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(stderr).toContain('cannot read supergraph file /nonexistent/sg.graphql');
});
