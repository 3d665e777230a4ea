import { buildSchema, execute, GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Completion, json, placed, startCompletion } from '../fixtures/completion/index.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';

/**
 * A failed ROOT fetch (subgraph down, answering HTTP 500) that selected several root fields is,
 * in graphql-js terms, a resolver that raised for every root field the fetch would have supplied
 * (GraphQL spec §6.4.4): the fetch's error at each such root field position (aliases included),
 * nulls propagating from non-null ones to `data`, and no extra "Cannot return null" next to it —
 * as failed entity fetches already answer (failed-entity-fetch.test.ts). The spec's answer is
 * graphql-js over the root fields of the completion fixture's `wards` subgraph, all raising.
 */
const ROOT = buildSchema(/* GraphQL */ `
  type Query {
    wards: [Ward!]!
    looseWards: [Ward]!
    ward(id: ID!): Ward
    clinic: Clinic
  }
  type Clinic {
    name: String!
  }
  type Ward {
    id: ID!
    name: String!
    beds: Int!
  }
`);

/** graphql-js with every root resolver raising `error`. */
function reference(query: string, error: GraphQLError) {
  const raise = () => {
    throw error;
  };
  const rootValue = { wards: raise, looseWards: raise, ward: raise, clinic: raise };
  const result = execute({ schema: ROOT, document: parse(query), rootValue });
  if (result instanceof Promise) throw new Error('the reference executes synchronously');
  return json(result);
}

let fx: Completion;
let gateway: TestGateway;
beforeAll(async () => {
  fx = await startCompletion();
  gateway = await startTestGateway(fx.supergraphPath, { subgraphTimeoutMs: 300 });
});
afterAll(async () => {
  await gateway?.close();
  await fx?.close();
});
beforeEach(() => fx.reset());

const CASES: Array<[string, string, number]> = [
  ['nullable root fields: each null with the error', '{ clinic { name } ward(id: "w1") { id name } }', 2],
  ['aliases of one root field: the error at each alias', '{ a: clinic { name } b: clinic { name } }', 2],
  ['a non-null root field first: data null, its error only', '{ wards { id } clinic { name } }', 1],
  [
    'a non-null root field after nullable ones: their errors and its own',
    '{ clinic { name } wards { id } }',
    2,
  ],
  [
    'with another subgraph’s fields below (never fetched)',
    '{ ward(id: "w2") { id beds } looseWards { name } }',
    2,
  ],
];

describe.each([
  ['down (connection refused)', 'SUBGRAPH_UNAVAILABLE'],
  ['answering HTTP 500', 'SUBGRAPH_BAD_RESPONSE'],
])('the root subgraph %s', (label, code) => {
  for (const [name, query, count] of CASES) {
    it(name, async () => {
      if (label.startsWith('down')) await fx.subgraphs.wards.stop();
      else fx.subgraphs.wards.behaviour = { kind: 'http500' };
      try {
        const ours = await gateway.query(query);
        expect(ours.status).toBe(200);
        const spec = reference(query, new GraphQLError('wards failed'));
        expect(ours.data).toEqual(spec.data);
        expect(placed(ours)).toEqual(placed(spec));
        expect(ours.errors).toHaveLength(count);
        for (const error of ours.errors!) {
          expect(error.extensions).toEqual({ code, subgraph: 'wards' });
          if (code === 'SUBGRAPH_UNAVAILABLE') expect(error.message).toBe("Subgraph 'wards' is unavailable.");
        }
      } finally {
        if (label.startsWith('down')) await fx.subgraphs.wards.start();
      }
    });
  }
});

describe('the root subgraph refusing the whole fetch (a request error: errors, no data, no paths)', () => {
  // Before, such errors were reported once without a path and every root field was null with no
  // error of its own; now they are a failed fetch like the ones above (fetch-root.ts).
  const refuse = (code: string, status: number) => {
    fx.subgraphs.wards.behaviour = {
      kind: 'requestError',
      status,
      errors: [
        { message: 'Cannot query field "x" on type "Query".', extensions: { code } },
        { message: 'a second complaint', extensions: { code } },
      ],
    };
  };

  it.each(CASES)('GRAPHQL_VALIDATION_FAILED (HTTP 400), masked: %s', async (_, query, count) => {
    refuse('GRAPHQL_VALIDATION_FAILED', 400);
    const ours = await gateway.query(query);
    const spec = reference(query, new GraphQLError('wards refused'));
    expect(ours.data).toEqual(spec.data);
    // The first error at each root field position, the second once without a path.
    const unplaced = JSON.stringify({ path: null, locations: null });
    expect(placed(ours)).toEqual([...placed(spec), unplaced].sort());
    expect(ours.errors).toHaveLength(count + 1);
    for (const error of ours.errors!) {
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(error.message).not.toContain('Cannot query field');
    }
  });

  it('a catalog code (HTTP 200) passes through at each root field with the subgraph name', async () => {
    refuse('RATE_LIMITED', 200);
    const ours = await gateway.query('{ clinic { name } ward(id: "w1") { id } }');
    expect(ours.data).toEqual({ clinic: null, ward: null });
    expect(ours.errors?.map((e) => [e.path ?? null, e.message, e.extensions])).toEqual([
      [null, 'a second complaint', { code: 'RATE_LIMITED', subgraph: 'wards' }],
      [['clinic'], 'Cannot query field "x" on type "Query".', { code: 'RATE_LIMITED', subgraph: 'wards' }],
      [['ward'], 'Cannot query field "x" on type "Query".', { code: 'RATE_LIMITED', subgraph: 'wards' }],
    ]);
  });
});

it('a root fetch that answers keeps its fields; only the failed one’s fields carry its error', async () => {
  await fx.subgraphs.beds.stop();
  try {
    const query = '{ clinic { name } ward(id: "w1") { id beds } }';
    const ours = await gateway.query(query);
    expect(ours.data).toEqual({ clinic: { name: 'Kliniken' }, ward: null });
    expect(ours.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['ward', 'beds'], 'SUBGRAPH_UNAVAILABLE'],
    ]);
  } finally {
    await fx.subgraphs.beds.start();
  }
});
