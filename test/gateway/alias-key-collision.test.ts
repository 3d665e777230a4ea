import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FixtureSubgraph, FixtureSubgraphSpec } from '../fixtures/fixture-subgraph.js';
import type { TestGateway } from '../fixtures/harness.js';
import type { ApolloOracle } from '../fixtures/oracle.js';
import { type OracleGraph, startOracleGraph } from '../fixtures/oracle-graph.js';

/**
 * A client alias equal to an entity key field's name on ANOTHER field (`code: name` on Ward,
 * `id: name` on Clinic) — hub fuzz finding `alias-shadows-entity-key`. The planner fetches the
 * client's field under an internal alias next to the real key and renames it back (an output
 * KeyRenamer), or a later subgraph answers the client's alias over the key an earlier fetch
 * brought. The answer is the client's aliased value (GraphQL spec §2.7 Field Alias); every
 * representation sent on carries the key's real value (federation spec, `_entities`).
 *
 * @apollo/gateway answers the joined fields too, but gives the KEY's value at the client's
 * aliased key (`code: name` comes back as the länskod): GraphQL says otherwise, so the expected
 * answers are written down here, and the oracle is held to the joined fields only — and proved
 * still wrong at the aliased key, so this note goes stale loudly when Apollo is fixed.
 */
const LINK = (imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: [${imports}])`;

const CLINICS = [
  { id: 'c1', name: 'Vårdcentralen Norr', wardCode: 'w1' },
  { id: 'c2', name: 'Vårdcentralen Söder', wardCode: 'w2' },
];
const WARDS = [
  { code: 'w1', name: 'Avdelning 1' },
  { code: 'w2', name: 'Avdelning 2' },
];
const HEADS: Record<string, string> = { c1: 'Dr Ek', c2: 'Dr Lind' };

const registry: FixtureSubgraphSpec = {
  name: 'registry',
  typeDefs: `${LINK('"@key"')}
    type Query { clinic(id: ID!): Clinic clinics: [Clinic!]! }
    type Clinic @key(fields: "id") { id: ID! name: String! ward: Ward! }
    type Ward @key(fields: "code") { code: ID! name: String! }`,
  resolvers: {
    Query: {
      clinic: (_: unknown, args: { id: string }) => CLINICS.find((c) => c.id === args.id) ?? null,
      clinics: () => CLINICS,
    },
    Clinic: {
      __resolveReference: (ref: { id: string }) => CLINICS.find((c) => c.id === ref.id),
      ward: (clinic: { wardCode: string }) => WARDS.find((w) => w.code === clinic.wardCode),
    },
    Ward: { __resolveReference: (ref: { code: string }) => WARDS.find((w) => w.code === ref.code) },
  },
};

/** Answers only for real keys: a representation carrying anything else gets `null`. */
const staff: FixtureSubgraphSpec = {
  name: 'staff',
  typeDefs: `${LINK('"@key"')}
    type Clinic @key(fields: "id") { id: ID! head: String! }
    type Ward @key(fields: "code") { code: ID! beds: Int! }`,
  resolvers: {
    Clinic: {
      __resolveReference: (ref: { id: string }) =>
        HEADS[ref.id] ? { id: ref.id, head: HEADS[ref.id] } : null,
    },
    Ward: {
      __resolveReference: (ref: { code: string }) =>
        WARDS.some((w) => w.code === ref.code) ? { code: ref.code, beds: ref.code === 'w1' ? 12 : 8 } : null,
    },
  },
};

/** Needs the key and `head` (from staff): planned after staff, so after staff's answer merged. */
const billing: FixtureSubgraphSpec = {
  name: 'billing',
  typeDefs: `${LINK('"@key", "@external", "@requires"')}
    type Clinic @key(fields: "id") { id: ID! head: String! @external budget: String! @requires(fields: "head") }`,
  resolvers: {
    Clinic: {
      __resolveReference: (ref: { id: string; head?: string }) => ({ ...ref }),
      budget: (clinic: { id: string; head?: string }) => `${clinic.id}/${clinic.head}`,
    },
  },
};

let graph: OracleGraph;
let subgraphs: FixtureSubgraph[];
let gateway: TestGateway;
let oracle: ApolloOracle;
beforeAll(async () => {
  graph = await startOracleGraph([registry, staff, billing]);
  ({ subgraphs, gateway, oracle } = graph);
});
afterAll(async () => {
  await graph?.close();
});
beforeEach(() => graph.reset());

/** Every representation the subgraphs received (`_entities` or a BatchFetch's), as `typename:key`. */
function representationsSent(): string[] {
  const sent: string[] = [];
  for (const s of subgraphs)
    for (const r of s.requests)
      for (const value of Object.values(r.variables)) {
        if (!Array.isArray(value)) continue;
        for (const rep of value as Array<Record<string, unknown>>)
          sent.push(`${rep.__typename}:${rep.id ?? rep.code}`);
      }
  return sent.sort();
}

describe('an alias equal to a key field name on another field', () => {
  it('`code: name` next to a joined field: the alias answers, the key is sent (the fuzz repro)', async () => {
    const query = '{ clinic(id: "c1") { ward { code: name beds } } }';
    const ours = await gateway.query(query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data).toEqual({ clinic: { ward: { code: 'Avdelning 1', beds: 12 } } });
    expect(representationsSent()).toEqual(['Ward:w1']);
    const apollo = await oracle.query(query);
    expect(apollo.data).toMatchObject({ clinic: { ward: { beds: 12 } } });
    expect(apollo.data).toMatchObject({ clinic: { ward: { code: 'w1' } } }); // Apollo differs
  });

  it('`id: name` with a joined field: no silent null (the fuzz repro on Hospital)', async () => {
    const query = '{ clinics { id: name head } }';
    const ours = await gateway.query(query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data).toEqual({
      clinics: [
        { id: 'Vårdcentralen Norr', head: 'Dr Ek' },
        { id: 'Vårdcentralen Söder', head: 'Dr Lind' },
      ],
    });
    expect(representationsSent()).toEqual(['Clinic:c1', 'Clinic:c2']);
    const apollo = await oracle.query(query);
    expect(apollo.errors).toBeUndefined();
    expect(apollo.data).toMatchObject({ clinics: [{ head: 'Dr Ek' }, { head: 'Dr Lind' }] });
  });

  it('nested renames (`id: ward { code: name … }`) apply outer first; both keys reach the joins', async () => {
    const query = '{ clinic(id: "c2") { id: ward { code: name beds } head } }';
    const ours = await gateway.query(query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data).toEqual({ clinic: { id: { code: 'Avdelning 2', beds: 8 }, head: 'Dr Lind' } });
    expect(representationsSent()).toEqual(['Clinic:c2', 'Ward:w2']);
  });

  it('a later fetch answering the alias does not overwrite the key a @requires fetch after it sends', async () => {
    // registry → staff (`id: head`, and `head` for billing) → billing (needs `id` and `head`).
    const query = '{ clinics { id: head budget } }';
    const ours = await gateway.query(query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data).toEqual({
      clinics: [
        { id: 'Dr Ek', budget: 'c1/Dr Ek' },
        { id: 'Dr Lind', budget: 'c2/Dr Lind' },
      ],
    });
    const toBilling = subgraphs
      .find((s) => s.name === 'billing')!
      .requests.flatMap((r) => r.variables.representations as unknown[]);
    expect(toBilling).toEqual([
      { __typename: 'Clinic', id: 'c1', head: 'Dr Ek' },
      { __typename: 'Clinic', id: 'c2', head: 'Dr Lind' },
    ]);
  });

  it('the key selected next to its alias on another field: each response key its own field', async () => {
    const query = '{ clinic(id: "c1") { realId: id id: name head ward { code name: code beds } } }';
    const ours = await gateway.query(query);
    expect(ours.errors).toBeUndefined();
    expect(ours.data).toEqual({
      clinic: {
        realId: 'c1',
        id: 'Vårdcentralen Norr',
        head: 'Dr Ek',
        ward: { code: 'w1', name: 'w1', beds: 12 },
      },
    });
    const apollo = await oracle.query(query);
    expect(apollo.data).toMatchObject({
      clinic: { realId: 'c1', head: 'Dr Ek', ward: { code: 'w1', beds: 12 } },
    });
  });
});
