import { buildSchema, execute, parse, validate } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureSubgraph, FixtureSubgraphSpec } from '../fixtures/fixture-subgraph.js';
import type { TestGateway } from '../fixtures/harness.js';
import type { ApolloOracle } from '../fixtures/oracle.js';
import { type OracleGraph, startOracleGraph } from '../fixtures/oracle-graph.js';
import { bearer, mint, suiteKeyedHub } from '../security/support.js';

/**
 * A client alias literally named `__typename` on another field (`product { __typename: name }`)
 * is legal GraphQL: an alias is any Name (spec §2.7 Field Alias) and only names the response key;
 * the value is the aliased field's. The gateway itself reads `__typename` from the merged data to
 * tell abstract members apart and to build entity representations, so the client's value must not
 * be taken for the runtime type (gateway/execute/client-keys.ts keeps the real one aside).
 *
 * Every case runs through our gateway, the @apollo/gateway oracle and graphql-js `execute` over one
 * schema with the same data (the spec's answer). Our gateway is held to the spec's answer.
 *
 * @apollo/gateway (2.x, the oracle) gets every case below the root wrong, so each asserts that it
 * still differs (the note goes stale loudly when Apollo is fixed): its response shaping writes
 * the runtime type name at the response key `__typename` whatever field the client put there
 * (`__typename: name` answers "Product"), and on an abstract field it takes the aliased value
 * for the runtime type (`node { __typename: id … }` answers `node: null`, a whole list
 * `data: null`, or applies another member's fragment when the value names that member).
 */
const LINK = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: [${imports}])`;

const P1 = { __typename: 'Product', id: 'p1', name: 'Stol', stock: 3 };
const P2 = { __typename: 'Product', id: 'p2', name: 'Bord', stock: 0 };
const B1 = { __typename: 'Book', id: 'b1', title: 'Vårdhandboken', pages: 120 };
/** A product whose id is another member's type name (reached by id only). */
const P3 = { __typename: 'Product', id: 'Book', name: 'Bokhylla', stock: 1 };
const ALL = [P1, B1, P2];
const RELATED: Record<string, unknown> = { p1: B1, p2: P1 };
const find = (id: string) => [...ALL, P3].find((x) => x.id === id) ?? null;
const ref = (r: { id: string }) => find(r.id);

const catalog: FixtureSubgraphSpec = {
  name: 'catalog',
  typeDefs: `${LINK('"@key"')}
    type Query { product(id: ID!): Product node(id: ID!): Node items: [Item!]! nodes: [Node!]! }
    interface Node { id: ID! }
    type Product implements Node @key(fields: "id") { id: ID! name: String! }
    type Book implements Node @key(fields: "id") { id: ID! title: String! }
    union Item = Product | Book`,
  resolvers: {
    Query: {
      product: (_: unknown, a: { id: string }) => find(a.id),
      node: (_: unknown, a: { id: string }) => find(a.id),
      items: () => ALL,
      nodes: () => ALL,
    },
    Product: { __resolveReference: ref },
    Book: { __resolveReference: ref },
  },
};

/** Entity fields of both members, and an abstract field reached through an entity fetch. */
const stock: FixtureSubgraphSpec = {
  name: 'stock',
  typeDefs: `${LINK('"@key"')}
    interface Node { id: ID! }
    type Product implements Node @key(fields: "id") { id: ID! stock: Int! related: Node }
    type Book implements Node @key(fields: "id") { id: ID! pages: Int! }`,
  resolvers: {
    Product: {
      __resolveReference: ref,
      related: (p: { id: string }) => RELATED[p.id] ?? null,
    },
    Book: { __resolveReference: ref },
  },
};

/** The same graph as one schema: graphql-js resolves abstract types from the data's `__typename`. */
const MONOLITH = buildSchema(`
  type Query { product(id: ID!): Product node(id: ID!): Node items: [Item!]! nodes: [Node!]! }
  interface Node { id: ID! }
  type Product implements Node { id: ID! name: String! stock: Int! related: Node }
  type Book implements Node { id: ID! title: String! pages: Int! }
  union Item = Product | Book`);
const ROOT = {
  product: (a: { id: string }) => find(a.id),
  node: (a: { id: string }) => find(a.id),
  items: () => ALL,
  nodes: () => ALL,
};
const withRelated = (x: unknown) =>
  x && typeof x === 'object' ? { ...x, related: RELATED[(x as { id: string }).id] ?? null } : x;

/** The spec's answer (GraphQL spec §6, graphql-js). */
async function spec(query: string): Promise<unknown> {
  const document = parse(query);
  const errors = validate(MONOLITH, document);
  if (errors.length > 0) return { errors: errors.map((e) => e.message) };
  const root = {
    product: (a: { id: string }) => withRelated(ROOT.product(a)),
    node: (a: { id: string }) => withRelated(ROOT.node(a)),
    items: () => ALL.map(withRelated),
    nodes: () => ALL.map(withRelated),
  };
  const result = await execute({ schema: MONOLITH, document, rootValue: root });
  return JSON.parse(JSON.stringify(result));
}

let graph: OracleGraph;
let subgraphs: FixtureSubgraph[];
let gateway: TestGateway;
let oracle: ApolloOracle;
beforeAll(async () => {
  graph = await startOracleGraph([catalog, stock]);
  ({ subgraphs, gateway, oracle } = graph);
});
afterAll(async () => {
  await graph?.close();
});
beforeEach(() => graph.reset());

/** Every representation the stock subgraph received, as `typename:id`. */
function representationsSent(): string[] {
  const sent: string[] = [];
  for (const r of subgraphs.find((s) => s.name === 'stock')!.requests)
    for (const rep of (r.variables.representations as Array<Record<string, unknown>>) ?? [])
      sent.push(`${rep.__typename}:${rep.id}`);
  return sent.sort();
}

interface CaseOptions {
  /** The representations our gateway must send to the stock subgraph (`typename:id`). */
  readonly sent?: readonly string[];
  /** @apollo/gateway answers this case as the spec does (most it does not: see the note). */
  readonly apolloAgrees?: boolean;
}

/**
 * The spec's answer is `expected` (no errors) and our gateway gives it; @apollo/gateway still
 * does not, unless the case says it agrees (when that changes, this fails and the note must go).
 */
async function answersAsSpec(
  query: string,
  expected: Record<string, unknown>,
  { sent, apolloAgrees = false }: CaseOptions = {},
): Promise<void> {
  expect(await spec(query)).toEqual({ data: expected });
  const ours = await gateway.query(query);
  expect(ours.errors, JSON.stringify(ours.errors)).toBeUndefined();
  expect(ours.data).toEqual(expected);
  if (sent) expect(representationsSent()).toEqual(sent);
  const apollo = await oracle.query(query);
  const agrees = apollo.errors === undefined && JSON.stringify(apollo.data) === JSON.stringify(expected);
  expect(agrees, `@apollo/gateway ${apolloAgrees ? 'no longer agrees' : 'now agrees'}: update the note`).toBe(
    apolloAgrees,
  );
}

describe('a client alias named __typename on an object field', () => {
  it('`__typename: name` answers the name; the entity fetch still sends the real type', async () => {
    const query = '{ product(id: "p1") { __typename: name stock } }';
    const expected = { product: { __typename: 'Stol', stock: 3 } };
    await answersAsSpec(query, expected, { sent: ['Product:p1'] });
  });

  it('next to the real `__typename` under another alias', async () => {
    const query = '{ product(id: "p2") { t: __typename __typename: name id stock kind: __typename } }';
    const expected = { product: { t: 'Product', __typename: 'Bord', id: 'p2', stock: 0, kind: 'Product' } };
    await answersAsSpec(query, expected);
  });

  it('`__typename: id` on an entity whose abstract field is joined from another subgraph', async () => {
    const query =
      '{ product(id: "p1") { __typename: id related { __typename: id t: __typename ... on Book { pages } } } }';
    const expected = { product: { __typename: 'p1', related: { __typename: 'b1', t: 'Book', pages: 120 } } };
    await answersAsSpec(query, expected);
  });
});

describe('a client alias named __typename on a root field', () => {
  it('next to the root `__typename` the gateway answers itself (Apollo agrees here)', async () => {
    const query = '{ __typename: product(id: "p1") { name } t: __typename }';
    await answersAsSpec(query, { __typename: { name: 'Stol' }, t: 'Query' }, { apolloAgrees: true });
  });
});

describe('a client alias named __typename on an abstract field', () => {
  it('on an interface, with member fragments joined from another subgraph', async () => {
    const query =
      '{ node(id: "b1") { __typename: id ... on Book { title pages } ... on Product { stock } } }';
    const expected = { node: { __typename: 'b1', title: 'Vårdhandboken', pages: 120 } };
    await answersAsSpec(query, expected, { sent: ['Book:b1'] });
  });

  it('on an interface list, mixed with the real `__typename` under another alias', async () => {
    const query =
      '{ nodes { __typename: id kind: __typename ... on Product { name stock } ... on Book { t: __typename pages } } }';
    const expected = {
      nodes: [
        { __typename: 'p1', kind: 'Product', name: 'Stol', stock: 3 },
        { __typename: 'b1', kind: 'Book', t: 'Book', pages: 120 },
        { __typename: 'p2', kind: 'Product', name: 'Bord', stock: 0 },
      ],
    };
    await answersAsSpec(query, expected, { sent: ['Book:b1', 'Product:p1', 'Product:p2'] });
  });

  it('on a union: a different field under `__typename` per member (legal: §5.3.2, exclusive parents)', async () => {
    const query =
      '{ items { ... on Product { __typename: name stock } ... on Book { __typename: title pages } } }';
    const expected = {
      items: [
        { __typename: 'Stol', stock: 3 },
        { __typename: 'Vårdhandboken', pages: 120 },
        { __typename: 'Bord', stock: 0 },
      ],
    };
    await answersAsSpec(query, expected);
  });

  it('the alias holding a type name of another member does not change the runtime type', async () => {
    // The product's id is "Book": taken for the type, the Book fragment would apply instead.
    const query =
      '{ node(id: "Book") { __typename: id ... on Product { x: __typename name stock } ... on Book { pages } } }';
    const expected = { node: { __typename: 'Book', x: 'Product', name: 'Bokhylla', stock: 1 } };
    await answersAsSpec(query, expected);
  });

  it('a named fragment with the alias, spread in an entity hop', async () => {
    const query =
      '{ items { ...N } } fragment N on Node { __typename: id ... on Product { related { ...M } } } fragment M on Node { __typename: id k: __typename }';
    const expected = {
      items: [
        { __typename: 'p1', related: { __typename: 'b1', k: 'Book' } },
        { __typename: 'b1' },
        { __typename: 'p2', related: { __typename: 'p1', k: 'Product' } },
      ],
    };
    await answersAsSpec(query, expected);
  });
});

describe('a failed fetch under an abstract field whose __typename key the client took', () => {
  it('the error sits at the member field of the real type, located at its node', async () => {
    // graphql-js: `pages` (Int!) fails, its null propagates to the nullable `node` (§6.4.4).
    subgraphs.find((s) => s.name === 'stock')!.behaviour = { kind: 'http500' };
    const query = '{ node(id: "b1") { __typename: id ... on Book { title pages } } }';
    const ours = await gateway.query(query);
    expect(ours.data).toEqual({ node: null });
    expect(ours.errors?.map((e) => [e.path, (e as { locations?: unknown }).locations])).toEqual([
      [['node', 'pages'], [{ line: 1, column: 55 }]],
    ]);
  });
});

describe('an alias named __typename that conflicts with the real one', () => {
  it.each([
    '{ node(id: "p1") { __typename __typename: id } }',
    '{ items { __typename ... on Book { __typename: title } } }',
  ])('is refused at validation as graphql-js refuses it: %s', async (query) => {
    const expected = (await spec(query)) as { errors: string[] };
    expect(expected.errors.length).toBeGreaterThan(0);
    const ours = await gateway.query(query);
    expect(ours.status).toBe(400);
    expect(ours.data).toBeUndefined();
    expect(ours.errors?.map((e) => e.message)).toEqual(expected.errors);
    expect(ours.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const apollo = await oracle.query(query);
    expect(apollo.errors?.map((e) => e.message)).toEqual(expected.errors);
  });
});

describe('on the hub: a region-scoped detail field aliased __typename', () => {
  // Region scoping (security/region-scope.ts) runs on the client's keys after the fetches:
  // the count under the client's `__typename` key is what it must withhold.
  const keyed = suiteKeyedHub();
  const query =
    '{ patientFlows(level: YEAR_ALL_CARE_AREAS, fromRegion: "14", toRegion: "14") { items { __typename: count suppressed } } }';
  const as = async (region: string) =>
    keyed.hub.gateway.query(
      query,
      undefined,
      bearer(await mint(keyed.key, { region, scope: 'vardnav:flows', sub: `user-${region}` })),
    );
  const counts = (data: unknown) =>
    (data as { patientFlows: { items: Array<{ __typename: unknown }> } }).patientFlows.items.map(
      (i) => i.__typename,
    );

  it('is withheld from an uninvolved region (null + FORBIDDEN at the client key)', async () => {
    const result = await as('10');
    expect(counts(result.data).length).toBeGreaterThan(0);
    expect(counts(result.data).every((c) => c === null)).toBe(true);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors?.every((e) => e.path?.at(-1) === '__typename')).toBe(true);
  });

  it('is served to the region it concerns', async () => {
    const result = await as('14');
    expect(result.errors).toBeUndefined();
    expect(counts(result.data).some((c) => typeof c === 'number' && c > 0)).toBe(true);
  });
});
