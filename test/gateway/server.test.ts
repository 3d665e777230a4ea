import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/** HTTP surface: /health, /ready, limits, CSRF prevention, and the API schema clients see. */
let shop: Shop;
let gateway: TestGateway;
let base: string;
beforeAll(async () => {
  shop = await startShop();
  gateway = await startTestGateway(shop.supergraphPath, { bodyLimitBytes: 4096, maxHeaderBytes: 4096 });
  base = gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await gateway?.close();
  await shop?.close();
});

it('/health and /ready', async () => {
  const health = await request(`${base}/health`);
  expect(health.statusCode).toBe(200);
  expect(await health.body.json()).toEqual({ status: 'ok' });
  const ready = await request(`${base}/ready`);
  expect(ready.statusCode).toBe(200);
  expect(await ready.body.json()).toMatchObject({
    status: 'ready',
    subgraphs: ['accounts', 'catalog', 'inventory', 'reviews'],
  });
});

it('rejects bodies and headers over the limits', async () => {
  const big = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ products { name } } # ${'x'.repeat(5000)}` }),
  });
  expect(big.statusCode).toBe(413);
  // GraphQL-shaped, with a catalog code (gateway/respond/http-errors.ts), not fastify's own body.
  expect(await big.body.json()).toEqual({
    errors: [
      {
        message: 'The request body is larger than the gateway accepts.',
        extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'body_too_large' },
      },
    ],
  });
  const headers = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-big': 'y'.repeat(5000) },
    body: JSON.stringify({ query: '{ products { name } }' }),
  });
  expect(headers.statusCode).toBe(431);
  await headers.body.dump();
});

it('CSRF prevention: a simple GET without a preflight header is refused', async () => {
  const response = await request(`${gateway.url}?query=${encodeURIComponent('{ products { name } }')}`);
  expect(response.statusCode).toBe(400);
  await response.body.dump();
});

it('bad variables are BAD_USER_INPUT naming the problem', async () => {
  const result = await gateway.query('query ($upc: ID!) { product(upc: $upc) { name } }', {});
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.message).toContain('$upc');
});

it('the API schema has no join__/link__ machinery, keeps descriptions, hides @inaccessible parts', async () => {
  const result = await gateway.query(`{
    __schema { types { name } }
    product: __type(name: "Product") { description fields { name } }
    category: __type(name: "Category") { enumValues { name } }
    query: __type(name: "Query") { description fields { name } }
  }`);
  const data = result.data as {
    __schema: { types: Array<{ name: string }> };
    product: { description: string; fields: Array<{ name: string }> };
    category: { enumValues: Array<{ name: string }> };
    query: { description: string; fields: Array<{ name: string }> };
  };
  const names = data.__schema.types.map((t) => t.name);
  expect(names.filter((n) => /^(join__|link__)/.test(n))).toEqual([]);
  expect(data.product.description).toBe('Produkt — a product.');
  expect(data.product.fields.map((f) => f.name)).not.toContain('internalCode');
  expect(data.category.enumValues.map((v) => v.name)).toEqual(['BOOKS', 'GAMES', 'TOYS']);
  expect(data.query.description).toBe("Katalog — the catalog fixture's root queries.");
  expect(data.query.fields.map((f) => f.name)).not.toContain('__schema');
  const hidden = await gateway.query('{ products { internalCode } }');
  expect(hidden.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('plans are cached per operation text and name', async () => {
  const planner = gateway.gateway.manager.current!.planner;
  const before = planner.planned;
  const doc = 'query A { products { name } } query B { me { name } }';
  for (let i = 0; i < 3; i++) {
    await request(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: doc, operationName: i === 2 ? 'B' : 'A' }),
    }).then((r) => r.body.json());
  }
  expect(planner.planned - before).toBe(2);
});

it('malformed JSON and an unsupported content type get GraphQL-shaped 4xx errors with catalog codes', async () => {
  const bad = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": ',
  });
  expect(bad.statusCode).toBe(400);
  expect(await bad.body.json()).toMatchObject({
    errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'malformed_body' } }],
  });
  const xml = await request(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: '<query/>',
  });
  expect(xml.statusCode).toBe(415);
  expect(await xml.body.json()).toMatchObject({
    errors: [{ extensions: { code: 'BAD_REQUEST', reason: 'unsupported_media_type' } }],
  });
});

it('aliases the gateway uses itself are refused at validation, naming the alias', async () => {
  for (const alias of ['__vardnavScope_fromRegion', '_internal_qp_alias_0']) {
    const result = await gateway.query(`{ products { ${alias}: name } }`);
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`The alias "${alias}" is reserved`),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
  }
});
