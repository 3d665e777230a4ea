import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SecuredShop, startSecuredShop } from './shop.js';
import { bearer, mint } from './support.js';

/** @authenticated / @requiresScopes on the shop fixture: removed before planning, null + error, rest runs. */
let s: SecuredShop;
beforeAll(async () => {
  s = await startSecuredShop();
});
afterAll(() => s?.close());

const Q = '{ products { name } departments { title } pricedDepartments { id } }';

it('anonymous: both marked root fields fail UNAUTHORIZED; a non-null root nulls data, as GraphQL requires', async () => {
  s.shop.reset();
  const result = await s.gateway.query('{ products { name } dept: departments { title } }');
  expect(result.data).toBeNull();
  expect(result.errors).toEqual([
    expect.objectContaining({ path: ['dept'], extensions: { code: 'UNAUTHORIZED' } }),
  ]);
  // The catalog subgraph was asked for products only.
  expect(s.shop.subgraphs.catalog.requests.map((r) => r.query).join('\n')).not.toContain('departments');
});

it('authenticated without the scope: departments run, pricedDepartments is FORBIDDEN', async () => {
  const token = await mint(s.key, { scope: 'shop:other' });
  const result = await s.gateway.query(Q, undefined, bearer(token));
  expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
    [['pricedDepartments'], 'FORBIDDEN'],
  ]);
});

it('with the scope everything runs', async () => {
  const token = await mint(s.key, { scope: 'shop:prices' });
  const result = await s.gateway.query(Q, undefined, bearer(token));
  expect(result.errors).toBeUndefined();
  expect((result.data as { pricedDepartments: unknown[] }).pricedDepartments.length).toBeGreaterThan(0);
});

it('marked fields inside fragments and under aliases are removed too', async () => {
  const result = await s.gateway.query(
    'query Q { ...F } fragment F on Query { d: departments { title } products { name } }',
  );
  expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['d'], 'UNAUTHORIZED']]);
});

it('the plan cache is keyed by authorisation state: one text, three plans, no cross-serving', async () => {
  const planner = s.gateway.gateway.manager.current!.planner;
  const q = '{ departments { title } }';
  const before = planner.planned;
  const anon = await s.gateway.query(q);
  const scoped = await s.gateway.query(q, undefined, bearer(await mint(s.key, { scope: 'shop:prices' })));
  const anon2 = await s.gateway.query(q);
  const other = await s.gateway.query(
    q,
    undefined,
    bearer(await mint(s.key, { scope: 'shop:prices', sub: 'b' })),
  );
  expect(planner.planned - before).toBe(2);
  expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
  expect(anon2.errors?.[0]?.extensions?.code).toBe('UNAUTHORIZED');
  expect(scoped.errors).toBeUndefined();
  expect(other.errors).toBeUndefined();
});
