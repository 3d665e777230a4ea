import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { nodeKinds, planOf } from '../fixtures/plans.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/** Subgraph requests are counted: one `_entities` request per plan node, whatever the list length. */
let shop: Shop;
let gateway: TestGateway;
beforeAll(async () => {
  shop = await startShop();
  gateway = await startTestGateway(shop.supergraphPath);
});
afterAll(async () => {
  await gateway?.close();
  await shop?.close();
});
beforeEach(() => shop.reset());

it('nested lists of entities: one request per plan node, no N+1 across subgraphs', async () => {
  const query = '{ products { name reviews { body author { name reviews { product { name inStock } } } } } }';
  const fetches = nodeKinds((await planOf(gateway.gateway, query))?.node).filter((k) => k === 'Fetch').length;
  const result = await gateway.query(query);
  expect(result.errors).toBeUndefined();
  const sent = Object.values(shop.subgraphs).reduce((n, s) => n + s.count(), 0);
  expect(sent).toBe(fetches);
  expect(shop.subgraphs.accounts.count('_entities')).toBe(1);
  expect(shop.subgraphs.inventory.count('_entities')).toBe(1);
});

it('representations are deduplicated: an entity reached along many paths is asked for once', async () => {
  // 4 reviews by 2 authors: accounts receives 2 representations, not 4.
  const result = await gateway.query('{ latestReviews { author { name } } }');
  expect(result.data?.latestReviews).toHaveLength(4);
  const [request] = shop.subgraphs.accounts.requests;
  expect(shop.subgraphs.accounts.count()).toBe(1);
  expect(request!.variables.representations).toEqual([
    { __typename: 'User', id: 'u2' },
    { __typename: 'User', id: 'u1' },
  ]);
  // …and every review still gets its author.
  expect(result.data).toEqual({
    latestReviews: [
      { author: { name: 'Alan Turing' } },
      { author: { name: 'Ada Lovelace' } },
      { author: { name: 'Alan Turing' } },
      { author: { name: 'Ada Lovelace' } },
    ],
  });
});

it('@provides: the providing subgraph answers the provided field, no entity fetch', async () => {
  await gateway.query('{ latestReviews { author { username } } }');
  expect(shop.subgraphs.reviews.count()).toBe(1);
  expect(shop.subgraphs.accounts.count()).toBe(0);
});

it('@requires: the required fields travel in the representation', async () => {
  await gateway.query('{ product(upc: "1") { shippingEstimate(zone: "EU") } }');
  expect(shop.subgraphs.inventory.requests[0]!.variables.representations).toEqual([
    { __typename: 'Product', upc: '1', price: 899, weight: 100 },
  ]);
});

it('a fetch whose entities all resolved to null is not sent', async () => {
  await gateway.query('{ product(upc: "999") { name reviews { body } } }');
  expect(shop.subgraphs.reviews.count()).toBe(0);
});
