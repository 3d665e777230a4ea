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
 * A failed `_entities` fetch (subgraph down or answering garbage) is, in graphql-js terms, a
 * resolver that raised for every field the fetch would have supplied (GraphQL spec §6.4.4): the
 * fetch's error at each such field position (nullable or not), nulls propagating from non-null
 * positions to the nearest nullable one, and one error per field position — no extra "Cannot
 * return null" next to it. The spec's answer is graphql-js over one schema whose `beds` fields
 * all raise. @apollo/gateway answers the same data but one error without a path (and with the
 * subgraph's URL in its message): asserted below and documented in docs/gateway-audit.md.
 */
let fx: Completion;
let gateway: TestGateway;
let oracle: ApolloOracle;

beforeAll(async () => {
  fx = await startCompletion();
  gateway = await startTestGateway(fx.supergraphPath, { subgraphTimeoutMs: 300 });
  oracle = await ApolloOracle.start(fx.supergraphSdl);
});
afterAll(async () => {
  await gateway?.close();
  await oracle?.stop();
  await fx?.close();
});
beforeEach(() => fx.reset());

const down = new Error('beds is down') as never;

const CASES: Array<[string, string, number]> = [
  ['a non-null field under non-null lists up to the root: data null, one error', '{ wards { id beds } }', 1],
  ['a non-null field in nullable list items: each item null, an error each', '{ looseWards { id beds } }', 3],
  [
    'nullable fields: null, an error at every field position',
    '{ looseWards { id capacity head { name } } }',
    6,
  ],
  ['a list field of the entity', '{ looseWards { id tags } }', 3],
  ['a non-null field under a nullable parent object', '{ ward(id: "w2") { id name beds } }', 1],
  ['a nullable list nulled, its sibling fields kept', '{ clinic { name wards { id beds } } }', 1],
  ['with other subgraphs’ fields of the same entities', '{ looseWards { id name capacity } }', 3],
];

describe.each([
  ['down (connection refused)', 'SUBGRAPH_UNAVAILABLE'],
  ['answering HTTP 500', 'SUBGRAPH_BAD_RESPONSE'],
])('the entity subgraph %s', (label, code) => {
  for (const [name, query, count] of CASES) {
    it(name, async () => {
      if (label.startsWith('down')) await fx.subgraphs.beds.stop();
      else fx.subgraphs.beds.behaviour = { kind: 'http500' };
      try {
        const ours = await gateway.query(query);
        const spec = json(reference(fx.state, query, undefined, { bedsDown: down }));
        expect(ours.status).toBe(200);
        expect(ours.data).toEqual(spec.data);
        expect(placed(ours)).toEqual(placed(spec));
        expect(ours.errors).toHaveLength(count);
        for (const error of ours.errors!) {
          expect(error.message).toEqual(
            code === 'SUBGRAPH_UNAVAILABLE'
              ? "Subgraph 'beds' is unavailable."
              : expect.stringContaining("'beds'"),
          );
          expect(error.extensions).toEqual({ code, subgraph: 'beds' });
        }
        // @apollo/gateway: the same data, but one error without a path (deviation).
        const theirs = await oracle.query(query);
        expect(theirs.data).toEqual(ours.data);
        expect(paths(theirs)).toEqual(['null']);
      } finally {
        if (label.startsWith('down')) await fx.subgraphs.beds.start();
      }
    });
  }
});

describe('a subgraph error per entity (the fetch answered)', () => {
  it('every error is kept at its field position, as @apollo/gateway keeps them', async () => {
    fx.state.failing.set('Ward.beds', true);
    const query = '{ wards { id beds } }';
    const ours = await gateway.query(query);
    const theirs = await oracle.query(query);
    expect(ours.data).toBeNull();
    expect(paths(ours)).toEqual(paths(theirs));
    expect(ours.errors).toHaveLength(3);
    // graphql-js stops completing the list at the first error that nulls it (data null) and
    // so reports only that one; the subgraph did raise all three, and none is dropped.
    const spec = json(reference(fx.state, query));
    expect(spec.errors).toHaveLength(1);
    expect(paths(ours)).toContain(paths(spec)[0]);
  });

  it('a nullable field the subgraph left out without an error: null, no error', async () => {
    delete fx.state.beds.w1!.capacity;
    const ours = await gateway.query('{ wards { id capacity } }');
    expect(ours.errors).toBeUndefined();
    expect((ours.data!.wards as Array<Record<string, unknown>>)[0]!.capacity).toBeNull();
  });
});
