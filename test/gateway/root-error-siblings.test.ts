import { buildSchema, type ExecutionResult, execute, GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, paths } from '../fixtures/completion/compare.js';
import { composeSupergraph, writeTempSupergraph } from '../fixtures/compose.js';
import { type FixtureSubgraph, startFixtures } from '../fixtures/fixture-subgraph.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { ApolloOracle } from '../fixtures/oracle.js';

/**
 * A root field failing in a non-null position makes its subgraph answer `data: null` (GraphQL
 * spec §6.4.4: the null propagates to the subgraph's `data`). Every other root field of the same
 * fetch is then missing too, but the subgraph's error is the only error of that null: graphql-js
 * over one schema reports the failed field alone and `data: null`. The gateway used to add
 * "Cannot return null for non-nullable field" (INTERNAL_SERVER_ERROR) for a non-null sibling
 * shaped before the failed field — whenever the sibling came first in selection order, with or
 * without a fragment. Hub fuzz finding `root-error-masks-sibling-as-internal`.
 *
 * The same holds one level down: a non-null field of an entity failing in an `_entities` fetch
 * nulls the entity item (`_entities: [null]`), so the other fields that fetch supplies to it are
 * missing; only the failed field's error belongs in the answer (found by the same fuzz once the
 * finding's broad matcher no longer hid it).
 */
const WARDS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Query {
    wardPage: WardPage!
    units(region: String!): [Unit!]!
    maybeUnits(region: String!): [Unit!]
    unit(id: ID!): Unit
    looseUnits: [Unit]!
    note: String
  }

  type WardPage {
    hasNextPage: Boolean!
    totalCount: Int!
  }

  type Unit @key(fields: "id") {
    id: ID!
    name: String!
  }
`;

const STAFF_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Query {
    staff: [Person!]!
  }

  type Person {
    name: String!
  }

  type Unit @key(fields: "id") {
    id: ID!
    head: Person!
    rota(week: Int!): [Shift!]!
  }

  type Shift {
    day: String!
  }
`;

/** The fixture's supergraph as one schema, for graphql-js to execute: the spec's answer. */
const MONOLITH = buildSchema(/* GraphQL */ `
  type Query {
    wardPage: WardPage!
    units(region: String!): [Unit!]!
    maybeUnits(region: String!): [Unit!]
    unit(id: ID!): Unit
    looseUnits: [Unit]!
    note: String
    staff: [Person!]!
  }
  type WardPage {
    hasNextPage: Boolean!
    totalCount: Int!
  }
  type Unit {
    id: ID!
    name: String!
    head: Person!
    rota(week: Int!): [Shift!]!
  }
  type Shift {
    day: String!
  }
  type Person {
    name: String!
  }
`);

const UNITS = [
  { id: 'u1', name: 'Akuten', region: '01' },
  { id: 'u2', name: 'Ortopeden', region: '03' },
];

/** The one resolver logic both the subgraphs and the reference run. */
function units(region: string) {
  if (!/^\d\d$/.test(region)) {
    throw new GraphQLError(`region "${region}" is not a länskod`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'region' },
    });
  }
  return UNITS.filter((u) => u.region === region);
}
function rota(week: number) {
  if (week < 1 || week > 53) {
    throw new GraphQLError(`week ${week} is not an ISO week`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'week' },
    });
  }
  return [{ day: 'måndag' }];
}
const wardPage = () => ({ hasNextPage: false, totalCount: 2 });
const staff = () => [{ name: 'Sköterska' }];
const head = () => ({ name: 'Avdelningschef' });

/** A unit with the `staff` subgraph's fields, for the reference. */
const withStaff = (u: (typeof UNITS)[number] | undefined) =>
  u && { ...u, head, rota: (args: { week: number }) => rota(args.week) };

function reference(query: string): ExecutionResult {
  const rootValue = {
    wardPage,
    units: (args: { region: string }) => units(args.region),
    maybeUnits: (args: { region: string }) => units(args.region),
    unit: (args: { id: string }) => withStaff(UNITS.find((u) => u.id === args.id)),
    looseUnits: () => UNITS.map(withStaff),
    note: () => 'anteckning',
    staff,
  };
  const result = execute({ schema: MONOLITH, document: parse(query), rootValue });
  if (result instanceof Promise) throw new Error('the reference executes synchronously');
  return result;
}

let subgraphs: FixtureSubgraph[];
let gateway: TestGateway;
let oracle: ApolloOracle;

beforeAll(async () => {
  subgraphs = await startFixtures([
    {
      name: 'wards',
      typeDefs: WARDS_SDL,
      resolvers: {
        Query: {
          wardPage,
          units: (_: unknown, args: { region: string }) => units(args.region),
          maybeUnits: (_: unknown, args: { region: string }) => units(args.region),
          unit: (_: unknown, args: { id: string }) => UNITS.find((u) => u.id === args.id) ?? null,
          looseUnits: () => UNITS,
          note: () => 'anteckning',
        },
        Unit: { __resolveReference: (ref: { id: string }) => UNITS.find((u) => u.id === ref.id) },
      },
    },
    {
      name: 'staff',
      typeDefs: STAFF_SDL,
      resolvers: {
        Query: { staff },
        Unit: {
          __resolveReference: (ref: { id: string }) => ref,
          head,
          rota: (_: unknown, args: { week: number }) => rota(args.week),
        },
      },
    },
  ]);
  const supergraphSdl = composeSupergraph(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.spec.typeDefs, url: s.url })),
  );
  gateway = await startTestGateway(writeTempSupergraph(supergraphSdl));
  oracle = await ApolloOracle.start(supergraphSdl);
});
afterAll(async () => {
  await gateway?.close();
  await oracle?.stop();
  await Promise.all((subgraphs ?? []).map((s) => s.stop()));
});

/** Each error's `extensions.code`, sorted. */
function codes(response: unknown): Array<string | undefined> {
  const errors = (response as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? [];
  return errors.map((e) => e.extensions?.code).sort();
}

/** Ours equals graphql-js over one schema (data, error paths, codes) and @apollo/gateway. */
async function expectSpecAnswer(query: string) {
  const ours = await gateway.query(query);
  const spec = json(reference(query));
  const theirs = await oracle.query(query);
  expect(ours.status).toBe(200);
  expect(ours.data).toEqual(spec.data);
  expect(paths(ours)).toEqual(paths(spec));
  expect(codes(ours)).toEqual(codes(spec));
  expect(theirs.data).toEqual(spec.data);
  expect(paths(theirs)).toEqual(paths(spec));
  return ours;
}

describe('a non-null root field fails: its non-null siblings of the same fetch add no error', () => {
  it.each([
    [
      'the fuzz repro: sibling first, selected through a fragment',
      '{ wardPage { ...F } units(region: "nope") { id } } fragment F on WardPage { hasNextPage }',
    ],
    ['sibling first, inline', '{ wardPage { hasNextPage } units(region: "nope") { id } }'],
    ['sibling after the failed field', '{ units(region: "nope") { id } wardPage { hasNextPage } }'],
    [
      'both inside a fragment on Query',
      '{ ...Q } fragment Q on Query { wardPage { totalCount } units(region: "nope") { name } }',
    ],
    [
      'aliased siblings and a nullable one',
      '{ a: wardPage { hasNextPage } note b: wardPage { totalCount } units(region: "x") { id } }',
    ],
    [
      'a sibling from another subgraph first',
      '{ staff { name } wardPage { hasNextPage } units(region: "nope") { id } }',
    ],
  ])('%s', async (_label, query) => {
    const ours = await expectSpecAnswer(query);
    expect(ours.data).toBeNull();
    expect(ours.errors).toEqual([
      expect.objectContaining({
        path: ['units'],
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'region', subgraph: 'wards' },
      }),
    ]);
  });
});

describe('a non-null entity field fails: the other fields its fetch supplies add no error', () => {
  it.each([
    ['the failed field after a sibling', '{ unit(id: "u1") { name head { name } rota(week: 0) { day } } }'],
    [
      'aliased, the sibling named like the failed field',
      '{ unit(id: "u1") { rota: head { name } shifts: rota(week: 99) { day } } }',
    ],
    ['the failed field first', '{ unit(id: "u2") { rota(week: 0) { day } head { name } id } }'],
  ])('%s', async (_label, query) => {
    const ours = await expectSpecAnswer(query);
    expect(ours.data).toEqual({ unit: null });
    expect(ours.errors).toHaveLength(1);
    expect(ours.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'week',
      subgraph: 'staff',
    });
  });

  it('every item of a list of nullable entities: one error per item', async () => {
    const ours = await expectSpecAnswer('{ looseUnits { id head { name } rota(week: 0) { day } } }');
    expect(ours.data).toEqual({ looseUnits: [null, null] });
    expect(paths(ours)).toEqual(['["looseUnits",0,"rota"]', '["looseUnits",1,"rota"]']);
  });
});

describe('what still answers as before', () => {
  it('a nullable root field fails: its siblings keep their data', async () => {
    const ours = await expectSpecAnswer('{ wardPage { hasNextPage } maybeUnits(region: "nope") { id } }');
    expect(ours.data).toEqual({ wardPage: { hasNextPage: false }, maybeUnits: null });
  });

  it('an entity fetch without failure', async () => {
    const ours = await expectSpecAnswer('{ unit(id: "u1") { name head { name } rota(week: 2) { day } } }');
    expect(ours.errors).toBeUndefined();
  });

  it('no failure: every root field answers', async () => {
    const ours = await expectSpecAnswer(
      '{ wardPage { hasNextPage } units(region: "01") { id } staff { name } }',
    );
    expect(ours.errors).toBeUndefined();
  });
});
