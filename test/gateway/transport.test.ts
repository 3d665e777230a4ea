import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/** Deduplication of identical in-flight subgraph requests, request ids and header propagation. */
let shop: Shop;
let gateway: TestGateway;
beforeAll(async () => {
  shop = await startShop();
  gateway = await startTestGateway(shop.supergraphPath, {
    propagateHeaders: ['authorization', 'Accept-Language'],
  });
});
afterAll(async () => {
  await gateway?.close();
  await shop?.close();
});
beforeEach(() => shop.reset());

it('identical concurrent requests share one subgraph round trip', async () => {
  shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 200 };
  const results = await Promise.all(Array.from({ length: 5 }, () => gateway.query('{ products { name } }')));
  for (const r of results)
    expect(r.data).toEqual({ products: [{ name: 'Table' }, { name: 'Couch' }, { name: 'Chair' }] });
  expect(shop.subgraphs.catalog.count()).toBe(1);
});

it('the deduplication key covers propagated headers: different callers never share an answer', async () => {
  shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 200 };
  await Promise.all([
    gateway.query('{ products { name } }', undefined, { authorization: 'Bearer a' }),
    gateway.query('{ products { name } }', undefined, { authorization: 'Bearer b' }),
    gateway.query('{ products { name } }', undefined, { authorization: 'Bearer a' }),
  ]);
  const seen = shop.subgraphs.catalog.requests.map((r) => r.headers.authorization).sort();
  expect(seen).toEqual(['Bearer a', 'Bearer b']);
});

it('mutations are never deduplicated', async () => {
  shop.subgraphs.reviews.behaviour = { kind: 'slow', delayMs: 100 };
  const mutation = 'mutation { addReview(upc: "1", body: "Again") { id body } }';
  const [a, b] = await Promise.all([gateway.query(mutation), gateway.query(mutation)]);
  expect(shop.subgraphs.reviews.count('addReview')).toBe(2);
  expect(new Set([a.data?.addReview, b.data?.addReview].map((r) => (r as { id: string }).id)).size).toBe(2);
});

it('propagates configured headers only, and a request id (the client’s when valid)', async () => {
  await gateway.query('{ products { name } }', undefined, {
    authorization: 'Bearer x',
    'accept-language': 'sv',
    cookie: 'secret=1',
    'x-request-id': 'client-req-1',
  });
  const headers = shop.subgraphs.catalog.requests[0]!.headers;
  expect(headers.authorization).toBe('Bearer x');
  expect(headers['accept-language']).toBe('sv');
  expect(headers.cookie).toBeUndefined();
  expect(headers['x-request-id']).toBe('client-req-1');

  await gateway.query('{ products { name } }', undefined, { 'x-request-id': 'bad id with spaces' });
  const generated = shop.subgraphs.catalog.requests[1]!.headers['x-request-id'];
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);
});

it('one request id per client request, shared by all its subgraph requests', async () => {
  await gateway.query('{ products { name reviewCount } }');
  const ids = [...shop.subgraphs.catalog.requests, ...shop.subgraphs.reviews.requests].map(
    (r) => r.headers['x-request-id'],
  );
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(ids[1]);
});
