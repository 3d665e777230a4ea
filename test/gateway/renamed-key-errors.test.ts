import { afterAll, beforeAll, expect, it } from 'vitest';
import { composeSupergraph, writeTempSupergraph } from '../fixtures/compose.js';
import { type FixtureSubgraph, startFixtures } from '../fixtures/fixture-subgraph.js';
import { startTestGateway, type TestGateway } from '../fixtures/harness.js';
import { directory, people } from '../fixtures/staff-conflict.js';

/**
 * A subgraph error under a key the fetch renamed (the gateway's `_vn_s<n>` for conflicting field
 * shapes, gateway/plan/fetch-conflicts.ts; the planner's `_internal_qp_alias_<n>` alike) is
 * reported at the client's path: the subgraph only knows the fetch's own keys, the client its
 * response keys (GraphQL spec §7.1.2 "path"). `directory` answers Manager's `name` with an error.
 */
let subgraphs: FixtureSubgraph[];
let gateway: TestGateway;

beforeAll(async () => {
  subgraphs = await startFixtures([
    people,
    directory(() => {
      throw new Error('the directory cannot read this manager');
    }),
  ]);
  const sdl = composeSupergraph(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.spec.typeDefs, url: s.url })),
  );
  gateway = await startTestGateway(writeTempSupergraph(sdl));
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all(subgraphs?.map((s) => s.stop()) ?? []);
});

it('an error under a renamed key is placed at the client path, with data and one request', async () => {
  const inner = 'similar { ... on Manager { name } }';
  const query = `{ staff { ... on Clinician { ${inner} } ... on Manager { ${inner} } } }`;
  const response = await gateway.query(query);
  expect(response.data).toEqual({
    staff: [{ similar: [{}, { name: null }] }, { similar: [{}, { name: null }] }],
  });
  const paths = (response.errors ?? []).map((e) => e.path);
  expect(paths).toHaveLength(2);
  expect(paths).toEqual(
    expect.arrayContaining([
      ['staff', 0, 'similar', 1, 'name'],
      ['staff', 1, 'similar', 1, 'name'],
    ]),
  );
  // The rename really happened in the fetch (otherwise this would test nothing).
  const sent = subgraphs[1]!.requests.map((r) => r.query).join('\n');
  expect(sent).toContain('_vn_s0:similar');
  expect(JSON.stringify(response.errors)).not.toContain('_vn_s');
});
