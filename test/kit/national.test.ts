import { describe, expect, it } from 'vitest';
import {
  indexBy,
  MapSourceRegistry,
  NATIONAL,
  nationalCollections,
  nationalView,
  RegionData,
  type RegionSource,
  type SourceRecord,
  type SourceRequest,
  type SubgraphContext,
} from '../../subgraphs/kit/index.js';
import { CountingSource } from '../support/sources.js';

/** A national source that returns the same arrays on every call (as the file source does). */
class StableSource implements RegionSource {
  readonly kind = 'stable';
  readonly collections = new Map<string, SourceRecord[]>([
    ['regions', [{ code: '18' }, { code: '01' }]],
    ['hospitals', [{ id: 'usö' }, { id: 'karolinska' }]],
  ]);
  async fetch(requests: readonly SourceRequest[]) {
    return requests.map((r) => this.collections.get(r.collection) ?? []);
  }
}

function request(source: RegionSource): SubgraphContext {
  const registry = new MapSourceRegistry(new Map([['demo', new Map([[NATIONAL, source]])]]));
  return {
    requestId: 'test',
    data: new RegionData({ domain: 'demo', registry }),
    suppressionThreshold: 5,
    partialErrors: [],
  };
}

describe('national reference loading', () => {
  it('reads all named collections in one source call, memoised per request', async () => {
    const counting = new CountingSource(new StableSource());
    const ctx = request(counting);
    const [a, b] = await Promise.all([
      nationalCollections(ctx, ['regions', 'hospitals']),
      nationalCollections(ctx, ['regions', 'hospitals']),
    ]);
    expect(a).toBe(b);
    expect(a.regions).toHaveLength(2);
    expect(a.hospitals.map((h) => h.id)).toEqual(['usö', 'karolinska']);
    await nationalCollections(ctx, ['regions', 'hospitals']);
    expect(counting.calls).toBe(1);
    expect(counting.requests.map((r) => r.collection).sort()).toEqual(['hospitals', 'regions']);
  });

  it('builds a view once per request and reuses it across requests while the arrays are the same', async () => {
    const source = new StableSource();
    let builds = 0;
    const view = nationalView(['regions', 'hospitals'], (c) => {
      builds += 1;
      return { region: indexBy(c.regions, 'code'), hospitalCount: c.hospitals.length };
    });
    const first = request(source);
    const [x, y] = await Promise.all([view(first), view(first)]);
    expect(x).toBe(y);
    expect(x.region.get('18')).toEqual({ code: '18' });
    expect(await view(request(source))).toBe(x);
    expect(builds).toBe(1);
    source.collections.set('regions', [{ code: '25' }]);
    const changed = await view(request(source));
    expect(builds).toBe(2);
    expect([...changed.region.keys()]).toEqual(['25']);
  });

  it('indexes records by a key, cached per records array', () => {
    const records = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    const index = indexBy(records, 'id');
    expect(index.get('b')).toBe(records[1]);
    expect(indexBy(records, 'id')).toBe(index);
    expect(indexBy(records, 'n').get(1)).toBe(records[0]);
    expect(indexBy([...records], 'id')).not.toBe(index);
  });
});
