import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** The vaccine distribution of the press release of 13 January 2021 (seed 000): totals only. */

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('nara-vard');
});
afterAll(() => server.close());

it('serves 5 200 doses: 4 550 to the municipalities and 650 for municipal staff, as published', async () => {
  const result = await server.query<{
    resourceDistributions: {
      totalCount: number;
      items: Array<{
        region: { code: string };
        resource: string;
        unit: string;
        totalQuantity: number;
        announcedDate: string;
        allocations: Array<{ category: string; quantity: number; recipient: string | null; purpose: string }>;
        perMunicipalitySplitAvailable: boolean;
        note: string;
        source: string;
        synthetic: boolean;
      }>;
    };
  }>(`{ resourceDistributions(region: "18", year: 2021) { totalCount items {
    region { code } resource unit totalQuantity announcedDate
    allocations { category quantity recipient purpose }
    perMunicipalitySplitAvailable note source synthetic } } }`);
  expect(result.errors).toBeUndefined();
  const page = result.data!.resourceDistributions;
  expect(page.totalCount).toBe(1);
  const d = page.items[0]!;
  expect(d).toMatchObject({
    region: { code: '18' },
    resource: 'vaccindoser',
    unit: 'doser',
    totalQuantity: 5200,
    announcedDate: '2021-01-13',
    perMunicipalitySplitAvailable: false,
    synthetic: false,
  });
  expect(d.allocations.map((a) => a.quantity)).toEqual([4550, 650]);
  expect(d.allocations[0]!.recipient).toBe('kommunerna');
  expect(d.allocations[0]!.purpose).toMatch(/särskilt boende, hemsjukvård och hemtjänst/);
  expect(d.allocations[1]!.purpose).toMatch(/kommunal personal/);
  expect(d.source).toMatch(/Alla särskilda boenden har vaccinerat klart i slutet av veckan/);
  expect(d.note).toMatch(/no split per municipality/);
});

it('has no per-municipality figures anywhere in the distribution types', async () => {
  const result = await server.query<{
    __type: {
      fields: Array<{ name: string; type: { name: string | null; ofType: { name: string } | null } }>;
    };
  }>(
    `{ __type(name: "ResourceDistribution") { fields { name type { name ofType { name ofType { name } } } } } }`,
  );
  const names = result.data!.__type.fields.map((f) => f.name);
  expect(names.some((n) => /municipalit/i.test(n) && n !== 'perMunicipalitySplitAvailable')).toBe(false);
  const allocation = await server.query<{ __type: { fields: Array<{ name: string }> } }>(
    '{ __type(name: "ResourceDistributionAllocation") { fields { name } } }',
  );
  expect(allocation.data!.__type.fields.map((f) => f.name)).toEqual([
    'category',
    'quantity',
    'recipient',
    'purpose',
  ]);
});

it('reaches the distribution from the Region entity, and other regions have none', async () => {
  const result = await server.query<{
    _entities: Array<{ resourceDistributions: { items: Array<{ totalQuantity: number }> } }>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Region { resourceDistributions { items { totalQuantity } } } } }`,
    {
      r: [
        { __typename: 'Region', code: '18' },
        { __typename: 'Region', code: '01' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  expect(
    result.data!._entities.map((e) => e.resourceDistributions.items.map((d) => d.totalQuantity)),
  ).toEqual([[5200], []]);
});
