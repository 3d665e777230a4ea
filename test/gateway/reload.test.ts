import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../core/log.js';
import { composeSupergraph, writeTempSupergraph } from '../fixtures/compose.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { SHOP_SPECS, type Shop, startShop } from '../fixtures/shop/index.js';

/** Reload on change without dropping in-flight requests; a bad supergraph is rejected. */
let shop: Shop;
let gateway: TestGateway;
let path: string;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  shop = await startShop();
  // Start with catalog only; reviews joins on reload.
  const catalog = shop.subgraphs.catalog;
  path = writeTempSupergraph(
    composeSupergraph([{ name: 'catalog', typeDefs: catalog.spec.typeDefs, url: catalog.url }]),
  );
  gateway = await startTestGateway(path, {
    logger: createLogger('info', {}, (line) => logLines.push(JSON.parse(line))),
  });
});
afterAll(async () => {
  await gateway?.close();
  await shop?.close();
});
beforeEach(() => shop.reset());

it('serves a changed supergraph after reload, and in-flight requests finish on the old one', async () => {
  expect((await gateway.query('{ products { reviewCount } }')).errors?.[0]?.extensions?.code).toBe(
    'GRAPHQL_VALIDATION_FAILED',
  );
  shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 300 };
  const inFlight = gateway.query('{ products { name } }');
  await new Promise((r) => setTimeout(r, 50));
  writeFileSync(path, shop.supergraphSdl);
  expect(await gateway.gateway.manager.reload()).toBe(true);
  expect((await inFlight).data).toEqual({
    products: [{ name: 'Table' }, { name: 'Couch' }, { name: 'Chair' }],
  });
  shop.subgraphs.catalog.behaviour = { kind: 'ok' };
  const after = await gateway.query('{ products { reviewCount } }');
  expect(after.data).toEqual({ products: [{ reviewCount: 2 }, { reviewCount: 1 }, { reviewCount: 1 }] });
  expect(logLines.some((l) => l.msg === 'supergraph loaded' && l.previous !== null)).toBe(true);
});

it('an unchanged source is not reloaded', async () => {
  expect(await gateway.gateway.manager.reload()).toBe(false);
});

it('a bad supergraph is rejected with a clear log line; the last good one keeps serving', async () => {
  const good = gateway.gateway.manager.current!.hash;
  writeFileSync(path, 'this is not a supergraph {');
  expect(await gateway.gateway.manager.reload()).toBe(false);
  expect(gateway.gateway.manager.current!.hash).toBe(good);
  const rejected = logLines.find(
    (l) => l.msg === 'supergraph rejected; the last good supergraph keeps serving',
  );
  expect(rejected).toMatchObject({ level: 'error', serving: good });
  expect((await gateway.query('{ products { name reviewCount } }')).errors).toBeUndefined();

  // Valid GraphQL that is not a federation supergraph is rejected too.
  writeFileSync(path, 'type Query { hello: String }');
  expect(await gateway.gateway.manager.reload()).toBe(false);
  expect(gateway.gateway.manager.current!.hash).toBe(good);
  expect(SHOP_SPECS).toHaveLength(4);
});

it('polls the source when an interval is configured', async () => {
  const catalog = shop.subgraphs.catalog;
  const pollPath = writeTempSupergraph(
    composeSupergraph([{ name: 'catalog', typeDefs: catalog.spec.typeDefs, url: catalog.url }]),
  );
  const polling = await startTestGateway(pollPath, { supergraphPollIntervalMs: 50 });
  try {
    writeFileSync(pollPath, shop.supergraphSdl);
    await expect
      .poll(async () => (await polling.query('{ products { reviewCount } }')).errors, { timeout: 3_000 })
      .toBeUndefined();
  } finally {
    await polling.close();
  }
});
