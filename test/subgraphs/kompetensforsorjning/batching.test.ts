import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapSourceRegistry } from '../../../subgraphs/kit/index.js';
import { testRegistry } from '../../support/dataset.js';
import { CountingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { ALL_REGIONS } from './raw.js';

const DOMAIN = 'kompetensforsorjning';
const base = testRegistry();
const counters = new Map<string, CountingSource>();
let registry: MapSourceRegistry = base;
for (const code of ALL_REGIONS) {
  const counter = new CountingSource(base.get(DOMAIN, code)!);
  counters.set(code, counter);
  registry = registry.with(DOMAIN, code, counter);
}
const reset = () => {
  for (const c of counters.values()) {
    c.calls = 0;
    c.requests = [];
  }
};

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph(DOMAIN, { registry });
});
afterAll(() => server.close());

describe('batched regional reads', () => {
  it('makes one source call per region for a 21-region fan-out over three collections', async () => {
    reset();
    const result = await server.query<Record<string, { totalCount: number; missingRegions: string[] }>>(
      `{ workforce(year: 2023, profession: "lakare") { totalCount missingRegions items { profession { name } } }
         trainingPosts(postType: ST) { totalCount missingRegions }
         staffExchanges { totalCount missingRegions } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.workforce!.totalCount).toBe(21);
    for (const [code, counter] of counters) {
      expect(counter.calls, `source calls for region ${code}`).toBe(1);
      expect(counter.requests.map((r) => r.collection).sort()).toEqual([
        'staffExchanges',
        'trainingPosts',
        'workforce',
      ]);
    }
  });

  it('makes one source call per region when all 21 Region entities ask for their three fields', async () => {
    reset();
    const result = await server.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
        workforce(year: 2024) { totalCount } trainingPosts(year: 2024) { totalCount }
        staffExchanges { totalCount } } } }`,
      { r: ALL_REGIONS.map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(21);
    for (const counter of counters.values()) expect(counter.calls).toBe(1);
  });

  it('reads only the region asked for', async () => {
    reset();
    await server.query(
      '{ workforce(region: "18") { totalCount } staffExchanges(fromRegion: "18") { totalCount } }',
    );
    expect(
      Object.fromEntries([...counters].filter(([, c]) => c.calls > 0).map(([k, c]) => [k, c.calls])),
    ).toEqual({
      '18': 1,
    });
  });
});
