import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Completion,
  json,
  paths,
  placed,
  reference,
  startCompletion,
} from '../fixtures/completion/index.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { ApolloOracle } from '../fixtures/oracle.js';

/**
 * Leaf values are completed with their type's `serialize` (GraphQL spec §6.4.3 CompleteValue →
 * CoerceResult), exactly as graphql-js does: a subgraph answering a value of the wrong shape
 * (here `beds`, which serves its fields untyped while the supergraph declares them typed) gets
 * graphql-js's data and error paths. The spec's answer is graphql-js over one schema with the
 * same values. @apollo/gateway does not coerce (it accepts or rejects the raw value) and reports
 * the rejections under `extensions.valueCompletion`: compared where it agrees, its differences
 * asserted and documented in docs/gateway-audit.md.
 */
let fx: Completion;
let gateway: TestGateway;
let oracle: ApolloOracle;

beforeAll(async () => {
  fx = await startCompletion();
  gateway = await startTestGateway(fx.supergraphPath);
  oracle = await ApolloOracle.start(fx.supergraphSdl);
});
afterAll(async () => {
  await gateway?.close();
  await oracle?.stop();
  await fx?.close();
});
beforeEach(() => fx.reset());

const QUERY = '{ looseWards { id capacity occupancy code label open kind tags counts head { name badge } } }';

async function answers(query = QUERY) {
  const ours = await gateway.query(query);
  const spec = json(reference(fx.state, query));
  expect(ours.status).toBe(200);
  expect(ours.data).toEqual(spec.data);
  expect(placed(ours)).toEqual(placed(spec));
  return { ours, spec };
}

describe('a leaf is what graphql-js serialises it to', () => {
  it('well-typed values come back unchanged, as @apollo/gateway answers too', async () => {
    const { ours } = await answers();
    expect(ours.errors).toBeUndefined();
    const theirs = await oracle.query(QUERY);
    expect(ours.data).toEqual(theirs.data);
  });

  // [field, value the subgraph sends, what graphql-js makes of it (undefined: an error)]
  const CASES: Array<[string, unknown, unknown]> = [
    ['capacity', '5', 5],
    ['capacity', true, 1],
    ['capacity', 2 ** 31, undefined],
    ['capacity', -(2 ** 31), -(2 ** 31)],
    ['capacity', 1.5, undefined],
    ['capacity', 'five', undefined],
    ['occupancy', '1.5', 1.5],
    ['occupancy', 'x', undefined],
    ['occupancy', 3, 3],
    ['code', 7, '7'],
    ['code', 1.5, undefined],
    ['code', true, undefined],
    ['label', 5, '5'],
    ['label', false, 'false'],
    ['label', { text: 'x' }, undefined],
    ['label', [1], undefined],
    ['open', 1, true],
    ['open', 0, false],
    ['open', 'yes', undefined],
    ['kind', 'UNKNOWN', undefined],
    ['kind', 'acute', undefined],
    ['kind', 1, undefined],
  ];
  for (const [field, value, expected] of CASES) {
    it(`${field}: ${JSON.stringify(value)} → ${expected === undefined ? 'error' : JSON.stringify(expected)}`, async () => {
      fx.state.beds.w2![field] = value;
      const { ours } = await answers();
      const w2 = (ours.data!.looseWards as Array<Record<string, unknown>>)[1]!;
      expect(w2[field]).toEqual(expected ?? null);
      if (expected === undefined) {
        expect(ours.errors).toEqual([
          expect.objectContaining({
            path: ['looseWards', 1, field],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }),
        ]);
      } else expect(ours.errors).toBeUndefined();
    });
  }

  it('list items are serialised one by one; a bad item in a nullable list position is null', async () => {
    fx.state.beds.w1!.tags = [5, 'b'];
    fx.state.beds.w1!.counts = ['1', 'x', 3];
    const { ours } = await answers();
    const w1 = (ours.data!.looseWards as Array<Record<string, unknown>>)[0]!;
    expect(w1.tags).toEqual(['5', 'b']);
    expect(w1.counts).toEqual([1, null, 3]);
    expect(paths(ours)).toEqual([JSON.stringify(['looseWards', 0, 'counts', 1])]);
  });

  it('a bad item in a non-null item position nulls the list', async () => {
    fx.state.beds.w1!.tags = ['a', { x: 1 }];
    await answers();
  });

  it('nested objects of an entity', async () => {
    fx.state.beds.w3!.head = { name: 42, badge: '7' };
    fx.state.beds.w3!.staff = [{ name: 'A', badge: 'x' }];
    await answers('{ looseWards { head { name badge } staff { name badge } } }');
  });

  it('a bad value in a non-null field propagates like a null', async () => {
    fx.state.beds.w1!.beds = 'many';
    const { ours } = await answers('{ wards { id beds } }');
    expect(ours.data).toBeNull();
  });
});

describe('@apollo/gateway checks leaves without coercing them (deviation)', () => {
  // [field, value, @apollo/gateway's answer]: null (refused) or the raw value (not coerced).
  it.each([
    ['capacity', '5', null],
    ['code', 7, 7],
    ['label', 5, null],
    ['open', 1, null],
  ])(
    '%s: %j is coerced by graphql-js and by us; @apollo/gateway answers %j',
    async (field, value, apollo) => {
      fx.state.beds.w2![field] = value;
      const { ours } = await answers();
      expect(ours.errors).toBeUndefined();
      const theirs = await oracle.query(QUERY);
      expect((theirs.data!.looseWards as Array<Record<string, unknown>>)[1]![field]).toBe(apollo);
      if (apollo === null) expect(theirs.extensions?.valueCompletion).toBeDefined();
    },
  );

  it('capacity: 2^40 is accepted by @apollo/gateway, refused by graphql-js and by us (Int is 32-bit)', async () => {
    fx.state.beds.w2!.capacity = 2 ** 40;
    const { ours } = await answers();
    expect(paths(ours)).toEqual([JSON.stringify(['looseWards', 1, 'capacity'])]);
    const theirs = await oracle.query(QUERY);
    expect((theirs.data!.looseWards as Array<Record<string, unknown>>)[1]!.capacity).toBe(2 ** 40);
  });
});
