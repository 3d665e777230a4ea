import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
});
afterAll(() => server.close());

interface PriceList {
  id: string;
  year: number;
  currency: string;
  synthetic: boolean;
  source: string;
  healthcareRegion: { id: string };
  items: {
    totalCount: number;
    items: Array<{ serviceCode: string; careArea: { id: string }; priceSek: number; synthetic: boolean }>;
  };
}

const LIST = `id year currency synthetic source healthcareRegion { id }
  items(careArea: "thoraxkirurgi") { totalCount items { serviceCode careArea { id } priceSek synthetic } }`;

it("serves a sjukvårdsregion's annual price list, labelled synthetic", async () => {
  const result = await server.query<{ _entities: Array<{ latest: PriceList; y2023: PriceList } | null> }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on HealthcareRegion {
      latest: priceList { ${LIST} } y2023: priceList(year: 2023) { ${LIST} } } } }`,
    {
      r: [
        { __typename: 'HealthcareRegion', id: 'sodra' },
        { __typename: 'HealthcareRegion', id: 'no-such-region' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  const [sodra, unknown] = result.data!._entities;
  expect(unknown).toBeNull();
  expect(sodra!.latest).toMatchObject({ id: 'sodra:2024', year: 2024, currency: 'SEK', synthetic: true });
  expect(sodra!.latest.source).toMatch(/SYNTHETIC/);
  expect(sodra!.latest.items.totalCount).toBe(2);
  for (const item of sodra!.latest.items.items) {
    expect(item.careArea.id).toBe('thoraxkirurgi');
    expect(item.synthetic).toBe(true);
    expect(Number.isInteger(item.priceSek) && item.priceSek > 0).toBe(true);
  }
  expect(sodra!.y2023.year).toBe(2023);
  expect(sodra!.y2023.items.items.map((i) => i.serviceCode)).toEqual(
    sodra!.latest.items.items.map((i) => i.serviceCode),
  );

  const root = await server.query<{ priceLists: { totalCount: number; items: Array<{ id: string }> } }>(
    '{ priceLists(year: 2024) { totalCount items { id } } }',
  );
  expect(root.data?.priceLists.totalCount).toBe(6);
  expect(root.data?.priceLists.items.map((l) => l.id)).toEqual([
    'mellansverige:2024',
    'norra:2024',
    'sodra:2024',
    'stockholm-gotland:2024',
    'sydostra:2024',
    'vastra:2024',
  ]);
});
