import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { type Shop, startShop } from '../fixtures/shop/index.js';

/**
 * Root selections excluded by a literal `@skip(if: true)` / `@include(if: false)` are not
 * executed (GraphQL spec §6.3.2 CollectFields): when every root selection is excluded the answer
 * is `{ "data": {} }` and no subgraph is called (the planner alone fails to plan such an
 * operation). Found by the hub fuzz (test/fuzz/known-findings.ts, "all-root-fields-skipped").
 */
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

const calls = () => Object.values(shop.subgraphs).reduce((n, s) => n + s.count(), 0);

it.each([
  '{ products @skip(if: true) { name } }',
  '{ products @include(if: false) { name } }',
  '{ ... @skip(if: true) { products { name } } }',
  '{ ...F @include(if: false) } fragment F on Query { products { name } }',
  '{ a: products @skip(if: true) { name } b: me @include(if: false) { name } }',
])('every root selection excluded: data {} and no subgraph call — %s', async (query) => {
  const result = await gateway.query(query);
  expect(result).toMatchObject({ status: 200, data: {} });
  expect(result.errors).toBeUndefined();
  expect(calls()).toBe(0);
});

it('an excluded root field next to a kept one: only the kept one is fetched', async () => {
  const result = await gateway.query('{ me @skip(if: true) { name } products { name } }');
  expect(result.errors).toBeUndefined();
  expect(Object.keys(result.data ?? {})).toEqual(['products']);
});

it('excluded root fields next to the root __typename and introspection', async () => {
  const result = await gateway.query(
    '{ __typename products @skip(if: true) { name } __type(name: "Query") @include(if: false) { name } }',
  );
  expect(result).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  expect(result.errors).toBeUndefined();
  expect(calls()).toBe(0);
});
