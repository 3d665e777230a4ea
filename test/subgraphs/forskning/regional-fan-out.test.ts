import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapSourceRegistry } from '../../../subgraphs/kit/index.js';
import { testRegistry } from '../../support/dataset.js';
import { CountingSource, FailingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { rawProjects, rawTrials } from './raw-dataset.js';

const DOMAIN = 'forskning';
const FAILING = '14';

/** The test registry with every region's forskning source wrapped in a CountingSource. */
function countingRegistry(): { registry: MapSourceRegistry; counters: Map<string, CountingSource> } {
  let registry = testRegistry();
  const counters = new Map<string, CountingSource>();
  for (const code of registry.regionsFor(DOMAIN)) {
    const counter = new CountingSource(registry.get(DOMAIN, code)!);
    counters.set(code, counter);
    registry = registry.with(DOMAIN, code, counter);
  }
  return { registry, counters };
}

describe('fan-out over the 21 regions', () => {
  const { registry, counters } = countingRegistry();
  let server: TestSubgraph;
  beforeAll(async () => {
    server = await startTestSubgraph(DOMAIN, { registry });
  });
  afterAll(() => server.close());

  it('calls each region source once for projects, trials and funding in one request', async () => {
    const result = await server.query<{
      researchProjects: { totalCount: number };
      clinicalTrials: { totalCount: number };
      researchFunding: { totalCount: number };
      _entities: unknown[];
    }>(
      `query($r: [_Any!]!) {
        researchProjects(first: 1000) { totalCount items { id university { id } participatingRegions { code } } }
        clinicalTrials(first: 1000) { totalCount items { id enrolment { count } } }
        researchFunding { totalCount }
        _entities(representations: $r) { ... on Region { researchProjects { totalCount } clinicalTrials { totalCount } alfRegion { validFrom } } }
      }`,
      { r: ['01', '18', '25'].map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.researchProjects.totalCount).toBe(rawProjects().length);
    expect(result.data!.clinicalTrials.totalCount).toBe(rawTrials().length);
    expect(counters.size).toBe(21);
    for (const [code, counter] of counters) expect(counter.calls, `source calls of region ${code}`).toBe(1);
  });

  it('reads only the lead region’s source when filtering by lead region', async () => {
    for (const counter of counters.values()) counter.calls = 0;
    const result = await server.query<{ researchProjects: { totalCount: number } }>(
      '{ researchProjects(leadRegion: "18") { totalCount } clinicalTrials(leadRegion: "18") { totalCount } }',
    );
    expect(result.errors).toBeUndefined();
    expect(
      Object.fromEntries([...counters].filter(([, c]) => c.calls > 0).map(([code, c]) => [code, c.calls])),
    ).toEqual({
      '18': 1,
    });
  });
});

describe('one region’s source failing', () => {
  let server: TestSubgraph;
  const failing = new FailingSource();
  beforeAll(async () => {
    server = await startTestSubgraph(DOMAIN, { registry: testRegistry().with(DOMAIN, FAILING, failing) });
  });
  afterAll(() => server.close());

  it('answers root lists from the other regions and names the missing one', async () => {
    const result = await server.query<{
      researchProjects: {
        totalCount: number;
        missingRegions: string[];
        items: Array<{ leadRegion: { code: string } }>;
      };
      clinicalTrials: { totalCount: number; missingRegions: string[] };
    }>(
      `{ researchProjects(first: 1000) { totalCount missingRegions items { leadRegion { code } } }
         clinicalTrials { totalCount missingRegions } }`,
    );
    const projects = result.data!.researchProjects;
    expect(projects.missingRegions).toEqual([FAILING]);
    expect(projects.totalCount).toBe(rawProjects().filter((p) => p.leadRegionCode !== FAILING).length);
    expect(projects.items.some((p) => p.leadRegion.code === FAILING)).toBe(false);
    expect(result.data!.clinicalTrials.missingRegions).toEqual([FAILING]);
    expect(result.data!.clinicalTrials.totalCount).toBe(
      rawTrials().filter((t) => t.leadRegionCode !== FAILING).length,
    );

    expect(result.errors).toHaveLength(2);
    for (const error of result.errors!) {
      expect(error.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: FAILING });
      expect(error.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
    }
    expect(result.errors!.map((e) => e.path?.[0]).sort()).toEqual(['clinicalTrials', 'researchProjects']);
  });

  it('makes the failed region’s own field null with an error; other regions still answer', async () => {
    const result = await server.query<{
      _entities: Array<{ researchProjects: { totalCount: number } | null }>;
    }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { researchProjects { totalCount } } } }',
      { r: ['18', FAILING].map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.data!._entities[0]!.researchProjects!.totalCount).toBeGreaterThan(0);
    expect(result.data!._entities[1]!.researchProjects).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'REGION_SOURCE_UNAVAILABLE',
      region: FAILING,
    });
  });
});
