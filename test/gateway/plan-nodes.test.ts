import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../core/log.js';
import type { ExecutionRun } from '../../gateway/execute/run.js';
import { executeNode } from '../../gateway/execute/walker.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { nodeKinds, planOf } from '../fixtures/plans.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/** Every plan node kind the planner emits, each with its plan asserted and its result checked. */
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

it('Fetch: a single-subgraph query is one fetch', async () => {
  const query = '{ products { name } }';
  expect(nodeKinds((await planOf(gateway.gateway, query))?.node)).toEqual(['Fetch']);
  const result = await gateway.query(query);
  expect(result.data).toEqual({ products: [{ name: 'Table' }, { name: 'Couch' }, { name: 'Chair' }] });
  expect(shop.subgraphs.catalog.count()).toBe(1);
});

it('Sequence + Flatten: entity fetches follow the root fetch', async () => {
  const query = '{ products { name reviewCount } }';
  expect(nodeKinds((await planOf(gateway.gateway, query))?.node)).toEqual([
    'Sequence',
    'Fetch',
    'Flatten',
    'Fetch',
  ]);
  const result = await gateway.query(query);
  expect(result.data).toEqual({
    products: [
      { name: 'Table', reviewCount: 2 },
      { name: 'Couch', reviewCount: 1 },
      { name: 'Chair', reviewCount: 1 },
    ],
  });
});

it('Parallel: independent root fields of two subgraphs are fetched together', async () => {
  const query = '{ products { name } me { name } }';
  expect(nodeKinds((await planOf(gateway.gateway, query))?.node)).toEqual(['Parallel', 'Fetch', 'Fetch']);
  const result = await gateway.query(query);
  expect(result.data).toEqual({
    products: [{ name: 'Table' }, { name: 'Couch' }, { name: 'Chair' }],
    me: { name: 'Ada Lovelace' },
  });
});

it('Condition: @include on a variable at a fetch boundary skips the fetch when false', async () => {
  const query = 'query ($r: Boolean!) { products { name reviews @include(if: $r) { body } } }';
  expect(nodeKinds((await planOf(gateway.gateway, query))?.node)).toEqual([
    'Sequence',
    'Fetch',
    'Condition',
    'Flatten',
    'Fetch',
  ]);
  const without = await gateway.query(query, { r: false });
  expect(without.data).toEqual({ products: [{ name: 'Table' }, { name: 'Couch' }, { name: 'Chair' }] });
  expect(shop.subgraphs.reviews.count()).toBe(0);
  const withReviews = await gateway.query(query, { r: true });
  expect((withReviews.data!.products as Array<{ reviews: unknown[] }>)[0]!.reviews).toHaveLength(2);
  expect(shop.subgraphs.reviews.count('_entities')).toBe(1);
});

it('BatchFetch: two entity fetches to one subgraph go out as one request with aliased _entities', async () => {
  const query =
    '{ a: products { x: shippingEstimate(zone: "EU") } products { shippingEstimate(zone: "US") } }';
  const plan = await planOf(gateway.gateway, query);
  expect(nodeKinds(plan?.node)).toEqual(['Sequence', 'Fetch', 'BatchFetch']);
  const result = await gateway.query(query);
  expect(result.data).toEqual({
    a: [{ x: 200 }, { x: 0 }, { x: 100 }],
    products: [{ shippingEstimate: 300 }, { shippingEstimate: 0 }, { shippingEstimate: 150 }],
  });
  expect(shop.subgraphs.inventory.count()).toBe(1);
  // Both aliases' representations travel in that one request (deduplicated per alias).
  const variables = shop.subgraphs.inventory.requests[0]!.variables;
  expect(Object.keys(variables).sort()).toEqual(['__batch_reps_0', '__batch_reps_1']);
});

it('@requires with inputRewrites: @interfaceObject representations carry the interface name', async () => {
  const query = '{ accounts { id balance } }';
  const plan = JSON.stringify(await planOf(gateway.gateway, query));
  expect(plan).toContain('inputRewrites');
  const result = await gateway.query(query);
  expect(result.data).toEqual({
    accounts: [
      { id: 'a1', balance: 100 },
      { id: 'a2', balance: 5000 },
    ],
  });
  const sent = shop.subgraphs.inventory.requests[0]!.variables.representations as Array<{
    __typename: string;
  }>;
  expect(sent.map((r) => r.__typename)).toEqual(['Account', 'Account']);
});

it('Defer and Subscription nodes: a clear OPERATION_NOT_SUPPORTED error', async () => {
  const run = {
    variables: {},
    logger: silentLogger,
    signal: new AbortController().signal,
  } as unknown as ExecutionRun;
  await expect(executeNode(run, { kind: 'Defer', primary: {}, deferred: [] })).rejects.toMatchObject({
    extensions: { code: 'OPERATION_NOT_SUPPORTED' },
  });
  await expect(
    executeNode(run, {
      kind: 'Subscription',
      primary: { kind: 'Fetch', serviceName: 'catalog', operation: '{ products { name } }' },
    }),
  ).rejects.toMatchObject({ extensions: { code: 'OPERATION_NOT_SUPPORTED' } });
});
