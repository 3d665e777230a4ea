import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { ALL_REGIONS, rawRecords } from './raw.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('kompetensforsorjning');
});
afterAll(() => server.close());

interface Page {
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
  missingRegions: string[];
  items: Array<{ region: { code: string }; profession: { id: string }; year: number; synthetic: boolean }>;
}

const key = (f: Page['items'][number]) => `${f.region.code}/${f.profession.id}/${f.year}`;

async function page(first: number, offset: number, filter = 'year: 2023') {
  const result = await server.query<{ workforce: Page }>(
    `{ workforce(${filter}, first: ${first}, offset: ${offset}) {
        totalCount offset hasNextPage missingRegions items { region { code } profession { id } year synthetic } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.workforce;
}

describe('workforce paging', () => {
  it('pages through every region × profession cell of a year without overlap, in a stable order', async () => {
    const expected = ALL_REGIONS.length * 22;
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const current = await page(100, offset);
      expect(current.totalCount).toBe(expected);
      expect(current.offset).toBe(offset);
      expect(current.missingRegions).toEqual([]);
      seen.push(...current.items.map(key));
      offset += 100;
      expect(current.hasNextPage).toBe(offset < expected);
      if (!current.hasNextPage) break;
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    // Documented order: länskod, profession id, year.
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : 1)));
    expect(seen[0]).toBe('01/apotekare/2023');
    // The same request answers the same page again.
    expect((await page(50, 150)).items.map(key)).toEqual(seen.slice(150, 200));
  });

  it('filters by region, healthcare region and profession, and answers the same from the Region entity', async () => {
    const years = new Set(rawRecords('12', 'workforce').map((r) => r.year)).size;
    const skane = await page(1000, 0, 'region: "12", profession: "lakare"');
    expect(skane.totalCount).toBe(years);
    expect(skane.items.every((f) => f.region.code === '12' && f.profession.id === 'lakare')).toBe(true);
    expect(skane.items.every((f) => f.synthetic)).toBe(true);

    const sodra = await page(1000, 0, 'healthcareRegion: "sodra", year: 2022, profession: "sjukskoterska"');
    expect(sodra.items.map((f) => f.region.code)).toEqual(['07', '10', '12', '13']);

    const entity = await server.query<{ _entities: Array<{ workforce: Page }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
        workforce(profession: "lakare") { totalCount items { region { code } profession { id } year synthetic } } } } }`,
      { r: [{ __typename: 'Region', code: '12' }] },
    );
    expect(entity.data!._entities[0]!.workforce.items.map(key)).toEqual(skane.items.map(key));
  });
});
