/**
 * The hub's own graph through our gateway and through @apollo/gateway (test oracle) over the
 * same five real subgraphs: the same data and the same error paths, including when one region's
 * source fails. Every GraphiQL example is among the queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../ide/src/examples.js';
import { ApolloOracle } from '../fixtures/oracle.js';
import { testRegistry } from '../support/dataset.js';
import type { GraphQLResponse } from '../support/graphql.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { FailingSource } from '../support/sources.js';

const CASES: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  ...EXAMPLES.map((e) => ({
    name: `example: ${e.title}`,
    query: e.query,
    ...(e.variables ? { variables: e.variables } : {}),
  })),
  {
    name: 'a region across all five subgraphs',
    query: `{ region(code: "07") {
      code name healthcareRegions { id name }
      careAgreementsReceived { items { title providerRegion { name } } }
      trainingPosts(first: 3) { totalCount items { postType year } }
      staffExchanges(first: 3) { totalCount }
      researchProjects(first: 2) { totalCount items { id title } }
      alfRegion { __typename }
      primaryCareUnits(first: 2) { totalCount items { name municipality { name region { code } } } }
    } }`,
  },
  {
    name: 'municipality → region → sjukvårdsregion → regions → research',
    query: `query($code: ID!) { municipality(code: $code) {
      name indicators(first: 2) { totalCount }
      region { name healthcareRegions { id regions { region { code researchProjects(first: 1) { totalCount } } } } }
    } }`,
    variables: { code: '1380' },
  },
  {
    name: 'patient flows with suppression, joined to regions',
    query: `{ patientFlows(level: YEAR, toRegion: "10", year: 2024, first: 20) {
      totalCount items { fromRegion { name } toRegion { name } careArea { name } count suppressed }
    } }`,
  },
  {
    name: 'hospital joins: permits, university, agreements',
    query: `{ hospitals(first: 30) { totalCount items { id name region { code }
      nhvPermits { totalCount } university { __typename } careAgreements { totalCount } } } }`,
  },
];

function errorPaths(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => JSON.stringify(e.path ?? null)).sort();
}

describe.each([
  ['all sources up', false],
  ['region 12 source down in every domain', true],
])('hub through our gateway = through @apollo/gateway (%s)', (_label, failing) => {
  let hub: TestHub;
  let oracle: ApolloOracle;
  beforeAll(async () => {
    let registry = testRegistry();
    if (failing) {
      for (const domain of registry.sources.keys())
        registry = registry.with(domain, '12', new FailingSource());
    }
    hub = await startTestHub({ registry });
    oracle = await ApolloOracle.start(hub.supergraphSdl);
  }, 60_000);
  afterAll(async () => {
    await oracle?.stop();
    await hub?.close();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const [ours, theirs] = await Promise.all([
        hub.gateway.query(c.query, c.variables),
        oracle.query(c.query, c.variables),
      ]);
      expect(ours.status).toBe(200);
      expect(ours.data).toEqual(theirs.data);
      expect(errorPaths(ours)).toEqual(errorPaths(theirs));
      if (!failing) expect(ours.errors, JSON.stringify(ours.errors)).toBeUndefined();
      for (const error of ours.errors ?? []) {
        expect(error.extensions?.code).toBe('REGION_SOURCE_UNAVAILABLE');
        expect(error.extensions?.region).toBe('12');
      }
    });
  }
});
