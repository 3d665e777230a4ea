import type { PlanNode } from '@graphql-hive/router-query-planner';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { FixtureSubgraph, FixtureSubgraphSpec } from '../fixtures/fixture-subgraph.js';
import type { TestGateway } from '../fixtures/harness.js';
import type { ApolloOracle } from '../fixtures/oracle.js';
import { type OracleGraph, startOracleGraph } from '../fixtures/oracle-graph.js';
import { planOf } from '../fixtures/plans.js';

/**
 * A fragment conditioned by @include/@skip on a VARIABLE whose fields join another subgraph —
 * hub fuzz finding `variable-conditional-fragment-with-entity-join`. The planner puts the join
 * under a Condition node, and its Flatten path carries the fragment's type condition:
 * `[{TypeCondition: ["Query"]}, {Field: "partnerships"}, "@", {Field: "county"}]`. The root and a
 * field of an object type have no `__typename` in the fetched data (the planner knew the type);
 * an interface's members do. Our answers must equal @apollo/gateway's, for both values.
 */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

const COUNTIES: Record<string, string> = {
  '01': 'Stockholms län',
  '03': 'Uppsala län',
  '05': 'Östergötlands län',
};
const UNIVERSITIES = [
  { id: 'uu', name: 'Uppsala universitet', county: '03' },
  { id: 'liu', name: 'Linköpings universitet', county: '05' },
];
const LISTINGS = [
  { __typename: 'Course', id: 'k1', county: '03' },
  { __typename: 'Event', id: 'e1', county: '01' },
  { __typename: 'Course', id: 'k2', county: '05' },
];
const partnership = (county: string) => ({ county: { code: county } });

const research: FixtureSubgraphSpec = {
  name: 'research',
  typeDefs: `${LINK}
    type Query {
      partnerships: [Partnership!]!
      university(id: ID!): University
      universities: [University!]!
      listings: [Listing!]!
    }
    type Partnership { county: County! }
    type University { id: ID! name: String! partnership: Partnership }
    type County @key(fields: "code") { code: ID! partnership: Partnership }
    interface Listing { id: ID! }
    type Course implements Listing { id: ID! county: County! }
    type Event implements Listing { id: ID! county: County! }`,
  resolvers: {
    Query: {
      partnerships: () => UNIVERSITIES.map((u) => partnership(u.county)),
      university: (_: unknown, args: { id: string }) => UNIVERSITIES.find((u) => u.id === args.id) ?? null,
      universities: () => UNIVERSITIES,
      listings: () => LISTINGS,
    },
    University: { partnership: (u: { county: string }) => partnership(u.county) },
    County: {
      __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
      partnership: (county: { code: string }) => partnership(county.code),
    },
    Listing: { __resolveType: (l: { __typename: string }) => l.__typename },
    Course: { county: (l: { county: string }) => ({ code: l.county }) },
    Event: { county: (l: { county: string }) => ({ code: l.county }) },
  },
};

const geo: FixtureSubgraphSpec = {
  name: 'geo',
  typeDefs: `${LINK}
    type County @key(fields: "code") { code: ID! name: String! }`,
  resolvers: {
    County: { __resolveReference: (ref: { code: string }) => ({ code: ref.code, name: COUNTIES[ref.code] }) },
  },
};

let graph: OracleGraph;
let subgraphs: FixtureSubgraph[];
let gateway: TestGateway;
let oracle: ApolloOracle;
beforeAll(async () => {
  graph = await startOracleGraph([research, geo]);
  ({ subgraphs, gateway, oracle } = graph);
});
afterAll(async () => {
  await graph?.close();
});
beforeEach(() => graph.reset());

/** The representations geo received. */
const sentToGeo = () =>
  subgraphs
    .find((s) => s.name === 'geo')!
    .requests.flatMap((r) => (r.variables.representations ?? []) as Array<{ code: string }>)
    .map((r) => r.code);

/** Every Flatten path of a plan, as JSON. */
function flattenPaths(node: PlanNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(flattenPaths);
    case 'Flatten':
      return [JSON.stringify(node.path), ...flattenPaths(node.node)];
    case 'Condition':
      return [...flattenPaths(node.ifClause), ...flattenPaths(node.elseClause)];
    default:
      return [];
  }
}

const CASES: Array<{ name: string; query: string; typeCondition: string; joined: string[] }> = [
  {
    name: 'a named fragment on Query (the fuzz repro)',
    query:
      'query ($v: Boolean!) { ...F @include(if: $v) } fragment F on Query { partnerships { county { name } } }',
    typeCondition: '{"TypeCondition":["Query"]}',
    joined: ['03', '05'],
  },
  {
    name: 'an inline fragment on an object-typed field, two joins deep (the second repro)',
    query: `query ($v: Boolean!) { university(id: "liu") { name ... on University @include(if: $v) {
      partnership { county { partnership { county { name } } } } } } }`,
    typeCondition: '{"TypeCondition":["University"]}',
    joined: ['05'],
  },
  {
    name: 'an inline fragment in a list',
    query:
      'query ($v: Boolean!) { universities { id ... on University @include(if: $v) { partnership { county { name } } } } }',
    typeCondition: '{"TypeCondition":["University"]}',
    joined: ['03', '05'],
  },
  {
    name: 'an inline fragment on one member of an interface (by __typename)',
    query: 'query ($v: Boolean!) { listings { id ... on Course @include(if: $v) { county { name } } } }',
    typeCondition: '{"TypeCondition":["Course"]}',
    joined: ['03', '05'],
  },
  {
    name: '@skip on an inline fragment on Query',
    query: 'query ($v: Boolean!) { ... @skip(if: $v) { partnerships { county { name } } } }',
    typeCondition: '{"TypeCondition":["Query"]}',
    joined: ['03', '05'],
  },
];

it.each(CASES)('$name: the plan walks a TypeCondition', async ({ query, typeCondition }) => {
  const plan = await planOf(gateway.gateway, query);
  expect(flattenPaths(plan?.node).some((p) => p.includes(typeCondition))).toBe(true);
});

it.each(CASES.flatMap((c) => [true, false].map((v) => ({ ...c, v }))))(
  '$name, v = $v: as @apollo/gateway answers',
  async ({ query, v, joined }) => {
    const ours = await gateway.query(query, { v });
    const apollo = await oracle.query(query, { v });
    expect(ours.errors).toBeUndefined();
    expect(apollo.errors).toBeUndefined();
    expect(ours.data).toEqual(apollo.data);
    const fragmentRuns = query.includes('@skip') ? !v : v;
    if (fragmentRuns) expect([...new Set(sentToGeo())].sort()).toEqual(joined);
    else expect(sentToGeo()).toEqual([]);
  },
);

it('the interface case joins only the members the type condition names', async () => {
  const query = 'query ($v: Boolean!) { listings { id ... on Course @include(if: $v) { county { name } } } }';
  const ours = await gateway.query(query, { v: true });
  expect(ours.data).toEqual({
    listings: [
      { id: 'k1', county: { name: 'Uppsala län' } },
      { id: 'e1' },
      { id: 'k2', county: { name: 'Östergötlands län' } },
    ],
  });
  // k1's county 03 and k2's county 05; the Event's (01) is not on the Course-only path.
  expect(sentToGeo().sort()).toEqual(['03', '05']);
});
