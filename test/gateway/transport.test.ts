import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';
import { TestIssuer } from '../fixtures/tokens.js';

/**
 * Deduplication of identical in-flight subgraph requests, request ids and header propagation. The
 * gateway accepts only valid bearer tokens: `Authorization` values are tokens from a test issuer.
 */
let shop: Shop;
let gateway: TestGateway;
let issuer: TestIssuer;
beforeAll(async () => {
  shop = await startShop();
  issuer = await TestIssuer.create();
  gateway = await startTestGateway(shop.supergraphPath, {
    issuer,
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
  // Same caller (subject, scopes) twice, tokens differing only in expiry: only the header tells them apart.
  const a = `Bearer ${await issuer.token({ expiresIn: 300 })}`;
  const b = `Bearer ${await issuer.token({ expiresIn: 301 })}`;
  shop.subgraphs.catalog.behaviour = { kind: 'slow', delayMs: 200 };
  await Promise.all([
    gateway.query('{ products { name } }', undefined, { authorization: a }),
    gateway.query('{ products { name } }', undefined, { authorization: b }),
    gateway.query('{ products { name } }', undefined, { authorization: a }),
  ]);
  const seen = shop.subgraphs.catalog.requests.map((r) => r.headers.authorization).sort();
  expect(seen).toEqual([a, b].sort());
});

it('mutations are never deduplicated', async () => {
  shop.subgraphs.reviews.behaviour = { kind: 'slow', delayMs: 100 };
  const mutation = 'mutation { addReview(upc: "1", body: "Again") { id body } }';
  const [a, b] = await Promise.all([gateway.query(mutation), gateway.query(mutation)]);
  expect(shop.subgraphs.reviews.count('addReview')).toBe(2);
  expect(new Set([a.data?.addReview, b.data?.addReview].map((r) => (r as { id: string }).id)).size).toBe(2);
});

it('propagates configured headers only, and a request id (the client’s when valid)', async () => {
  const x = `Bearer ${await issuer.token()}`;
  await gateway.query('{ products { name } }', undefined, {
    authorization: x,
    'accept-language': 'sv',
    cookie: 'secret=1',
    'x-request-id': 'client-req-1',
  });
  const headers = shop.subgraphs.catalog.requests[0]!.headers;
  expect(headers.authorization).toBe(x);
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
