import {
  type FetchNode,
  type FlattenNode,
  type QueryPlan,
  QueryPlanner,
  type SequenceNode,
} from '@graphql-hive/router-query-planner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeSupergraph, writeTempSupergraph } from '../fixtures/compose.js';
import { type FixtureSubgraph, startFixtures } from '../fixtures/fixture-subgraph.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { planOf } from '../fixtures/plans.js';
import { ANNA, BO, directory, people } from '../fixtures/staff-conflict.js';

/**
 * The gateway aliases fields the planner leaves in conflict in a subgraph fetch
 * (gateway/plan/fetch-conflicts.ts): `directory` declares `Clinician.similar: [StaffMember!]!` and
 * `Manager.similar: [StaffMember]`, `people` the nullable list for both, so the supergraph merges
 * them and the client's query is valid while the planner's fetch is not (GraphQL spec §5.3.2,
 * SameResponseShape). router-query-planner 0.0.38 aliases conflicting scalars itself, not lists.
 */
const both = (selection: string) => `... on Clinician { ${selection} } ... on Manager { ${selection} }`;

let subgraphs: FixtureSubgraph[];
let sdl: string;
let gateway: TestGateway;

beforeAll(async () => {
  subgraphs = await startFixtures([people, directory()]);
  sdl = composeSupergraph(subgraphs.map((s) => ({ name: s.name, typeDefs: s.spec.typeDefs, url: s.url })));
  gateway = await startTestGateway(writeTempSupergraph(sdl));
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all(subgraphs?.map((s) => s.stop()) ?? []);
});
beforeEach(() => {
  for (const s of subgraphs) s.requests.length = 0;
});

const TWO_LEVELS = `{ staff { ${both(`similar { ${both('similar { __typename }')} }`)} } }`;
const TYPENAMES = [{ __typename: 'Clinician' }, { __typename: 'Manager' }];

const renamer = (path: unknown[], renameKeyTo: string) => ({ KeyRenamer: { path, renameKeyTo } });
const K = (Key: string) => ({ Key });
const T = (type: string) => ({ TypenameEquals: [type] });

function onlyFetch(plan: QueryPlan | null): FetchNode {
  expect(plan?.node?.kind).toBe('Fetch');
  return plan!.node as FetchNode;
}

describe('fields with one response key and different shapes in one subgraph fetch', () => {
  it('two levels of `similar` ([StaffMember!]! / [StaffMember]): aliased at each level, one request', async () => {
    const fetch = onlyFetch(await planOf(gateway.gateway, TWO_LEVELS));
    // The planner's fetch, `{staff{__typename ...on Clinician{similar{...a}} ...on Manager{similar{...a}}}}`
    // with fragments, is refused by `directory` (GraphQL spec §5.3.2 SameResponseShape).
    expect(fetch.operation).toBe(
      '{staff{__typename ...on Clinician{similar{__typename ...on StaffMember{__typename ' +
        '...on Clinician{similar{...on StaffMember{__typename}}}...on Manager{_vn_s1:similar{...on StaffMember{__typename}}}}}}' +
        '...on Manager{_vn_s0:similar{__typename ...on StaffMember{__typename ' +
        '...on Clinician{similar{...on StaffMember{__typename}}}...on Manager{_vn_s2:similar{...on StaffMember{__typename}}}}}}}}',
    );
    expect(fetch.outputRewrites).toEqual([
      renamer([K('staff'), T('Manager'), K('_vn_s0')], 'similar'),
      renamer([K('staff'), T('Clinician'), K('similar'), T('Manager'), K('_vn_s1')], 'similar'),
      renamer([K('staff'), T('Manager'), K('similar'), T('Manager'), K('_vn_s2')], 'similar'),
    ]);

    const response = await gateway.query(TWO_LEVELS);
    const level = (inner: () => unknown) => [ANNA, BO].map(() => ({ similar: inner() }));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ staff: level(() => level(() => TYPENAMES)) });
    const [peopleSubgraph, directorySubgraph] = subgraphs;
    expect(peopleSubgraph!.requests).toHaveLength(0);
    expect(directorySubgraph!.requests.map((r) => r.query)).toEqual([fetch.operation]);
  });

  it('inside an `_entities` fetch: the entity level gets `__typename` for the rename’s guard', async () => {
    const query = `{ clinicians { id team { ${both('similar { __typename }')} } } }`;
    const plan = await planOf(gateway.gateway, query);
    const entityFetch = ((plan!.node as SequenceNode).nodes[1] as FlattenNode).node as FetchNode;
    expect(entityFetch.operation).toBe(
      'query($representations:[_Any!]!){_entities(representations:$representations){__typename ' +
        '...on Clinician{team{__typename ...on Clinician{similar{...on StaffMember{__typename}}}' +
        '...on Manager{_vn_s0:similar{...on StaffMember{__typename}}}}}}}',
    );
    expect(entityFetch.outputRewrites).toEqual([
      renamer([T('Clinician'), K('team'), T('Manager'), K('_vn_s0')], 'similar'),
    ]);

    const response = await gateway.query(query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      clinicians: [{ id: 'u1', team: [{ similar: TYPENAMES }, { similar: TYPENAMES }] }],
    });
    expect(subgraphs.map((s) => s.requests.length)).toEqual([1, 1]);
  });

  it.each([
    ['one member only', `{ staff { ... on Clinician { similar { __typename } } } }`],
    ['a scalar the planner aliases itself', `{ staff { ${both('id name')} } }`],
    ['an entity fetch without conflicts', `{ clinicians { id team { ${both('id')} } } }`],
  ])('a plan without such a conflict is the planner’s, byte for byte (%s)', async (_, query) => {
    const theirs = new QueryPlanner(sdl).plan(query, null, new Set(), 0);
    expect(await planOf(gateway.gateway, query)).toEqual(theirs);
  });

  it('a client alias with the gateway’s prefix `_vn_s` is refused at validation', async () => {
    const response = await gateway.query('{ staff { ... on Manager { _vn_s0: name } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toContain('"_vn_s0" is reserved');
  });
});
