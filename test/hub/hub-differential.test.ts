/**
 * The hub's own graph through our gateway and through @apollo/gateway (test oracle) over the
 * same five real subgraphs: the same data and the same error paths, including when one region's
 * source fails. Every GraphiQL example is among the queries. Our gateway is secure by default and
 * @apollo/gateway enforces nothing: the comparison runs as a national analyst holding every scope
 * (a token from the test's own issuer), and again anonymously: public fields as the oracle
 * answers, every operational (marked) field null with UNAUTHORIZED.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../gateway/security/options.js';
import { EXAMPLES } from '../../ide/src/examples.js';
import {
  allScopes,
  anonymousExpectation,
  errorKeys,
  type Markings,
  readMarkings,
} from '../fixtures/access.js';
import { ApolloOracle } from '../fixtures/oracle.js';
import { TestIssuer } from '../fixtures/tokens.js';
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
  let national: Record<string, string>;
  let markings: Markings;
  beforeAll(async () => {
    let registry = testRegistry();
    if (failing) {
      for (const domain of registry.sources.keys())
        registry = registry.with(domain, '12', new FailingSource());
    }
    const issuer = await TestIssuer.create();
    // The default (enforced) limits: every example and case must pass them as analysts would send them.
    hub = await startTestHub({
      registry,
      gateway: { security: issuer.security({ limits: DEFAULT_LIMITS }) },
    });
    national = await issuer.bearer(allScopes(hub.supergraphSdl), { sub: 'national-analyst' });
    markings = readMarkings(hub.supergraphSdl);
    oracle = await ApolloOracle.start(hub.supergraphSdl);
  }, 60_000);
  afterAll(async () => {
    await oracle?.stop();
    await hub?.close();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const [ours, theirs] = await Promise.all([
        hub.gateway.query(c.query, c.variables, national),
        oracle.query(c.query, c.variables),
      ]);
      expect(ours.status, JSON.stringify(ours.errors)).toBe(200);
      expect(ours.data).toEqual(theirs.data);
      expect(errorPaths(ours)).toEqual(errorPaths(theirs));
      if (!failing) expect(ours.errors, JSON.stringify(ours.errors)).toBeUndefined();
      for (const error of ours.errors ?? []) {
        expect(error.extensions?.code).toBe('REGION_SOURCE_UNAVAILABLE');
        expect(error.extensions?.region).toBe('12');
      }
    });

    // Anonymous variants run once, with all sources up.
    if (!failing)
      it(`anonymous: ${c.name}`, async () => {
        const expected = await anonymousExpectation(oracle, markings, c.query, c.variables);
        const ours = await hub.gateway.query(c.query, c.variables);
        expect(ours.status).toBe(200);
        expect(ours.data).toEqual(expected.data);
        expect(errorKeys(ours)).toEqual(expected.errors);
      });
  }

  if (!failing)
    it('the anonymous queries do touch operational fields', async () => {
      let denied = 0;
      for (const c of CASES)
        denied += (await anonymousExpectation(oracle, markings, c.query, c.variables)).denied;
      expect(denied).toBeGreaterThan(10);
    });
});
