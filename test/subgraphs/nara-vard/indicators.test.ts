import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** Indicator catalogue and SYNTHETIC values per region/municipality, shaped like Kolada KPI values. */

interface Value {
  id: string;
  indicatorId: string;
  indicator: { id: string; title: string; unit: string };
  level: string;
  areaCode: string;
  region: { code: string };
  municipality: { code: string } | null;
  period: number;
  gender: string;
  value: number | null;
  suppressed: boolean;
  source: string;
  synthetic: boolean;
}
const FIELDS = `id indicatorId indicator { id title unit } level areaCode region { code } municipality { code }
  period gender value suppressed source synthetic`;

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('nara-vard');
});
afterAll(() => server.close());

async function values(args: string, on = server) {
  const result = await on.query<{ naraVardIndicatorValues: { totalCount: number; items: Value[] } }>(
    `{ naraVardIndicatorValues(${args}) { totalCount items { ${FIELDS} } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.naraVardIndicatorValues;
}

it('has a catalogue of hub-defined indicators with synthetic values, Kolada-shaped', async () => {
  const result = await server.query<{
    naraVardIndicators: Array<{
      id: string;
      koladaKpiId: string | null;
      synthetic: boolean;
      areaLevels: string[];
    }>;
  }>('{ naraVardIndicators { id koladaKpiId synthetic areaLevels } }');
  expect(result.errors).toBeUndefined();
  const catalogue = result.data!.naraVardIndicators;
  expect(catalogue.length).toBeGreaterThanOrEqual(4);
  expect(catalogue.map((i) => i.id)).toEqual([...catalogue.map((i) => i.id)].sort());
  for (const i of catalogue) expect(i).toMatchObject({ koladaKpiId: null, synthetic: true });
});

it('serves one value per gender (T, K, M) for a municipality, indicator and year', async () => {
  const page = await values('indicator: "VN-NV-001", municipality: "1864", year: 2023');
  expect(page.items.map((v) => v.gender)).toEqual(['TOTAL', 'WOMEN', 'MEN']);
  for (const v of page.items) {
    expect(v).toMatchObject({
      indicatorId: 'VN-NV-001',
      indicator: { id: 'VN-NV-001' },
      level: 'MUNICIPALITY',
      areaCode: '1864',
      region: { code: '18' },
      municipality: { code: '1864' },
      period: 2023,
      suppressed: false,
      synthetic: true,
    });
    expect(v.value).toEqual(expect.any(Number));
    expect(v.source).toMatch(/SYNTHETIC/);
  }
});

it('filters by level, region and gender, and orders values stably', async () => {
  const regionLevel = await values('level: REGION, gender: TOTAL, indicator: "VN-NV-002", first: 1000');
  expect(regionLevel.items.every((v) => v.level === 'REGION' && v.municipality === null)).toBe(true);
  expect(new Set(regionLevel.items.map((v) => v.areaCode)).size).toBe(21);
  const keys = regionLevel.items.map((v) => `${v.areaCode}:${v.period}`);
  expect(keys).toEqual([...keys].sort());
  const orebro = await values('region: "18", year: 2024, gender: TOTAL, indicator: "VN-NV-004"');
  expect(orebro.totalCount).toBe(13); // the region and its 12 municipalities
  expect(orebro.items[0]!.level).toBe('REGION');
});

it('answers Region.regionIndicators (region level only) and Municipality.indicators', async () => {
  const result = await server.query<{
    _entities: Array<{ regionIndicators?: { items: Value[] }; indicators?: { items: Value[] } }>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Region { regionIndicators(year: 2024) { items { ${FIELDS} } } }
      ... on Municipality { indicators(year: 2024, gender: WOMEN) { items { ${FIELDS} } } } } }`,
    {
      r: [
        { __typename: 'Region', code: '18' },
        { __typename: 'Municipality', code: '1880' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  const region = result.data!._entities[0]!.regionIndicators!.items;
  expect(region.length).toBeGreaterThan(0);
  expect(region.every((v) => v.level === 'REGION' && v.areaCode === '18' && v.period === 2024)).toBe(true);
  const municipality = result.data!._entities[1]!.indicators!.items;
  expect(municipality.length).toBeGreaterThan(0);
  expect(municipality.every((v) => v.areaCode === '1880' && v.gender === 'WOMEN')).toBe(true);
});

it('suppresses indicator values that count fewer people than the threshold', async () => {
  const strict = await startTestSubgraph('nara-vard', { suppressionThreshold: 1_000_000_000 });
  try {
    const people = await values('indicator: "VN-NV-005", region: "18", year: 2024', strict);
    expect(people.items.length).toBeGreaterThan(0);
    for (const v of people.items) expect(v).toMatchObject({ value: null, suppressed: true });
    const rates = await values('indicator: "VN-NV-002", region: "18", year: 2024', strict);
    expect(rates.items.every((v) => v.value !== null && !v.suppressed)).toBe(true);
  } finally {
    await strict.close();
  }
});
