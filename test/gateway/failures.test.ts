import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/**
 * A subgraph that is down, slow, answers non-JSON or a 5xx yields partial data and an error
 * with a stable code and the subgraph's name — never its URL or raw message — and the gateway
 * recovers when the subgraph is back.
 */
let shop: Shop;
let gateway: TestGateway;
beforeAll(async () => {
  shop = await startShop();
  gateway = await startTestGateway(shop.supergraphPath, { subgraphTimeoutMs: 300 });
});
afterAll(async () => {
  await gateway?.close();
  await shop?.close();
});
beforeEach(() => shop.reset());

const QUERY = '{ products { name inStock reviewCount } me { name } }';

function expectNoLeak(result: unknown, url: string) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(url);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain('boom');
  expect(text).not.toContain('proxy error');
}

it.each([
  ['slow', { kind: 'slow', delayMs: 1_000 } as const, 'SUBGRAPH_TIMEOUT'],
  ['non-JSON', { kind: 'nonJson' } as const, 'SUBGRAPH_BAD_RESPONSE'],
  ['HTTP 500', { kind: 'http500' } as const, 'SUBGRAPH_BAD_RESPONSE'],
  ['JSON that is not a GraphQL response', { kind: 'jsonWithoutData' } as const, 'SUBGRAPH_BAD_RESPONSE'],
])('%s accounts subgraph: partial data and %s', async (_label, behaviour, code) => {
  shop.subgraphs.accounts.behaviour = behaviour;
  const result = await gateway.query(QUERY);
  expect(result.status).toBe(200);
  expect(result.data).toEqual({
    products: [
      { name: 'Table', inStock: true, reviewCount: 2 },
      { name: 'Couch', inStock: false, reviewCount: 1 },
      { name: 'Chair', inStock: true, reviewCount: 1 },
    ],
    me: null,
  });
  expect(result.errors).toEqual([
    {
      message: expect.stringContaining("'accounts'"),
      locations: [{ line: 1, column: 41 }],
      path: ['me'],
      extensions: { code, subgraph: 'accounts' },
    },
  ]);
  expectNoLeak(result, shop.subgraphs.accounts.url);
});

it('an entity subgraph down: its fields are null, the rest answers, and it recovers', async () => {
  const inventory = shop.subgraphs.inventory;
  await inventory.stop();
  try {
    const down = await gateway.query('{ products { name warehouse { city } } }');
    expect(down.data).toEqual({
      products: [
        { name: 'Table', warehouse: null },
        { name: 'Couch', warehouse: null },
        { name: 'Chair', warehouse: null },
      ],
    });
    // One error per field position the failed fetch would have supplied (GraphQL spec §6.4.4;
    // test/gateway/failed-entity-fetch.test.ts).
    expect(down.errors).toEqual(
      [0, 1, 2].map((i) => ({
        message: "Subgraph 'inventory' is unavailable.",
        locations: [{ line: 1, column: 19 }],
        path: ['products', i, 'warehouse'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'inventory' },
      })),
    );
    expectNoLeak(down, inventory.url);
  } finally {
    await inventory.start();
  }
  const back = await gateway.query('{ products { name warehouse { city } } }');
  expect(back.errors).toBeUndefined();
  expect((back.data!.products as Array<{ warehouse: { city: string } }>)[1]!.warehouse.city).toBe('Örebro');
});

it('a non-null field from a failed subgraph nulls its nearest nullable parent, with one error', async () => {
  shop.subgraphs.inventory.behaviour = { kind: 'http500' };
  // Product.inStock is Boolean! → each product would be invalid → products ([Product!]!) → data null.
  const result = await gateway.query('{ products { name inStock } }');
  expect(result.data).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_BAD_RESPONSE', subgraph: 'inventory' });
});
