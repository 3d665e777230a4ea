import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionSource } from '../../../subgraphs/kit/index.js';
import { testRegistry } from '../../support/dataset.js';
import { CountingSource, FailingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** Regional fan-out: one source call per region per request; a failed region leaves the others answering. */

const DOMAIN = 'nara-vard';
const ROOT_LISTS = [
  'naraVardCollaborations',
  'primaryCareUnits',
  'naraVardIndicatorValues',
  'resourceDistributions',
];
const REGION_FIELDS = `code primaryCareUnits { totalCount } naraVardCollaborations { totalCount }
  regionIndicators { totalCount } resourceDistributions { totalCount }`;

const base = testRegistry();
const regions = base.regionsFor(DOMAIN);

describe('one source call per region', () => {
  const counters = new Map<string, CountingSource>();
  let registry = base;
  for (const code of regions) {
    const counter = new CountingSource(base.get(DOMAIN, code) as RegionSource);
    counters.set(code, counter);
    registry = registry.with(DOMAIN, code, counter);
  }
  let server: TestSubgraph;
  beforeAll(async () => {
    server = await startTestSubgraph(DOMAIN, { registry });
  });
  afterAll(() => server.close());

  it('fans out to all 21 regions with one call each for root lists and Region fields together', async () => {
    expect(regions).toHaveLength(21);
    const result = await server.query<{ _entities: unknown[] } & Record<string, { totalCount: number }>>(
      `query($r: [_Any!]!) {
        ${ROOT_LISTS.map((f) => `${f} { totalCount missingRegions }`).join('\n')}
        _entities(representations: $r) { ... on Region { ${REGION_FIELDS} } } }`,
      { r: regions.map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(21);
    for (const [code, counter] of counters) expect(counter.calls, `calls to region ${code}`).toBe(1);
  });
});

describe('a failing region', () => {
  let server: TestSubgraph;
  beforeAll(async () => {
    server = await startTestSubgraph(DOMAIN, { registry: base.with(DOMAIN, '18', new FailingSource()) });
  });
  afterAll(() => server.close());

  it('leaves the other regions answering root lists, names it in missingRegions and in an error', async () => {
    const result = await server.query<Record<string, { totalCount: number; missingRegions: string[] }>>(
      `{ ${ROOT_LISTS.map((f) => `${f} { totalCount missingRegions }`).join('\n')} }`,
    );
    for (const field of ROOT_LISTS) {
      expect(result.data![field]!.missingRegions, field).toEqual(['18']);
      const errors = result.errors!.filter((e) => e.path?.[0] === field);
      expect(errors, field).toHaveLength(1);
      expect(errors[0]!.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '18' });
      expect(errors[0]!.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
    }
    expect(result.data!.primaryCareUnits!.totalCount).toBeGreaterThan(0);
    expect(result.data!.naraVardCollaborations!.totalCount).toBe(0); // only Örebro has collaborations
  });

  it('nulls only the failed region’s entity fields', async () => {
    const result = await server.query<{ _entities: Array<Record<string, unknown>> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ${REGION_FIELDS} } } }`,
      { r: ['17', '18', '19'].map((code) => ({ __typename: 'Region', code })) },
    );
    const [before, failed, after] = result.data!._entities;
    expect(failed).toMatchObject({ code: '18', primaryCareUnits: null, naraVardCollaborations: null });
    expect(before!.primaryCareUnits).not.toBeNull();
    expect(after!.regionIndicators).not.toBeNull();
    expect(result.errors!.length).toBeGreaterThan(0);
    for (const error of result.errors!) {
      expect(error.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '18' });
    }
  });
});
