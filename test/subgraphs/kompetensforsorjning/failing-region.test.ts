import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRegistry } from '../../support/dataset.js';
import { FailingSource } from '../../support/sources.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

const DOMAIN = 'kompetensforsorjning';
const failing = new FailingSource();
let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph(DOMAIN, { registry: testRegistry().with(DOMAIN, '13', failing) });
});
afterAll(() => server.close());

interface Page {
  totalCount: number;
  missingRegions: string[];
  items: Array<{ region: { code: string } }>;
}

describe('one region source failing', () => {
  it('answers root fan-outs with the other regions, naming the missing one and the error', async () => {
    const result = await server.query<{ workforce: Page; trainingPosts: Page }>(
      `{ workforce(year: 2023, profession: "lakare") { totalCount missingRegions items { region { code } } }
         trainingPosts(year: 2023, postType: AT) { totalCount missingRegions items { region { code } } } }`,
    );
    for (const field of ['workforce', 'trainingPosts'] as const) {
      const page = result.data![field];
      expect(page.missingRegions).toEqual(['13']);
      expect(page.totalCount).toBe(20);
      expect(page.items.map((i) => i.region.code)).not.toContain('13');
    }
    expect(result.errors).toHaveLength(2);
    for (const error of result.errors!) {
      expect(error.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '13' });
      expect(error.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.1/);
      expect(['workforce', 'trainingPosts']).toContain(error.path?.[0]);
    }
  });

  it("still lists Halland's spine-surgery exchange through Skåne's source", async () => {
    const result = await server.query<{
      staffExchanges: { missingRegions: string[]; items: Array<{ id: string }> };
    }>('{ staffExchanges(synthetic: false) { missingRegions items { id } } }');
    expect(result.data!.staffExchanges.missingRegions).toEqual(['13']);
    expect(result.data!.staffExchanges.items.map((e) => e.id)).toContain('sodra-ryggkirurgi-13-12');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '13' });
  });

  it('answers an exchange between two named regions from the one that still works', async () => {
    const result = await server.query<{
      staffExchanges: { missingRegions: string[]; items: Array<{ id: string }> };
    }>('{ staffExchanges(fromRegion: "13", toRegion: "12") { missingRegions items { id } } }');
    expect(result.data!.staffExchanges.missingRegions).toEqual(['13']);
    expect(result.data!.staffExchanges.items.map((e) => e.id)).toContain('sodra-ryggkirurgi-13-12');
  });

  it("makes only the failing region's entity field null", async () => {
    const result = await server.query<{ _entities: Array<{ code: string; workforce: Page | null } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
        code workforce(year: 2023) { totalCount } } } }`,
      { r: ['12', '13'].map((code) => ({ __typename: 'Region', code })) },
    );
    expect(result.data!._entities).toEqual([
      { code: '12', workforce: { totalCount: 22 } },
      { code: '13', workforce: null },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'REGION_SOURCE_UNAVAILABLE', region: '13' });
    expect(result.errors![0]!.path).toEqual(['_entities', 1, 'workforce']);
  });
});
