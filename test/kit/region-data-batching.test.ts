import { describe, expect, it } from 'vitest';
import { LANSKODER } from '../../core/regions.js';
import {
  MapSourceRegistry,
  RegionData,
  type RegionSource,
  type SourceRequest,
} from '../../subgraphs/kit/index.js';
import { CountingSource, FailingSource } from '../support/sources.js';

class StaticSource implements RegionSource {
  readonly kind = 'static';
  constructor(readonly owner: string) {}
  async fetch(requests: readonly SourceRequest[]) {
    return requests.map((r) => [
      { owner: this.owner, collection: r.collection, year: 2023 },
      { owner: this.owner, collection: r.collection, year: 2024 },
    ]);
  }
}

const REGIONS = LANSKODER;

function registryWith(make: (owner: string) => RegionSource) {
  const sources = new Map(REGIONS.map((owner) => [owner, make(owner)]));
  return {
    sources,
    registry: new MapSourceRegistry(new Map([['demo', sources as Map<string, RegionSource>]])),
  };
}

describe('RegionData', () => {
  it('makes one source call per region for many reads in the same tick', async () => {
    const { sources, registry } = registryWith((owner) => new CountingSource(new StaticSource(owner)));
    const data = new RegionData({ domain: 'demo', registry });
    await Promise.all([
      data.collect('flows'),
      data.collect('posts', { filter: { year: 2023 } }),
      ...REGIONS.map((r) => data.region(r, 'flows')),
    ]);
    for (const source of sources.values()) {
      expect((source as CountingSource).calls).toBe(1);
      expect((source as CountingSource).requests).toHaveLength(2);
    }
  });

  it('applies equality filters and merges regions', async () => {
    const { registry } = registryWith((owner) => new StaticSource(owner));
    const data = new RegionData({ domain: 'demo', registry });
    const collected = await data.collect('flows', { regions: ['07', '10'] });
    expect(collected.records.map((r) => r.owner)).toEqual(['07', '07', '10', '10']);
    expect(collected.missingRegions).toEqual([]);
  });

  it('reports a failed region with a stable code and no internal detail, and retries it later', async () => {
    const failing = new FailingSource();
    const { registry } = registryWith((owner) => (owner === '12' ? failing : new StaticSource(owner)));
    const data = new RegionData({ domain: 'demo', registry });
    const collected = await data.collect('flows');
    expect(collected.missingRegions).toEqual(['12']);
    expect(collected.records).toHaveLength(40);
    expect(collected.errors[0]?.extensions).toMatchObject({
      code: 'REGION_SOURCE_UNAVAILABLE',
      region: '12',
    });
    expect(collected.errors[0]?.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
    await expect(data.region('12', 'flows')).rejects.toMatchObject({ extensions: { region: '12' } });
    expect(failing.calls).toBe(2);
  });

  it('treats a region without a source as having no records', async () => {
    const { registry } = registryWith((owner) => new StaticSource(owner));
    const data = new RegionData({ domain: 'other-domain', registry });
    expect((await data.collect('flows')).records).toEqual([]);
  });

  it('rejects a source that answers the wrong number of results', async () => {
    const broken: RegionSource = { kind: 'broken', fetch: async () => [] };
    const { registry } = registryWith((owner) => (owner === '01' ? broken : new StaticSource(owner)));
    const data = new RegionData({ domain: 'demo', registry });
    expect((await data.collect('flows')).missingRegions).toEqual(['01']);
  });
});
