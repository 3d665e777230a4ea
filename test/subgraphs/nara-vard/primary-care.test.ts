import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatasetPath, testRegistry } from '../../support/dataset.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';

/** SYNTHETIC primary care units: paging, stable order, filters, suppression of listed patients. */

interface Unit {
  id: string;
  name: string;
  region: { code: string };
  municipality: { code: string };
  operator: string;
  listedPatients: { count: number | null; suppressed: boolean };
  source: string;
  synthetic: boolean;
}
interface UnitPage {
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
  items: Unit[];
  missingRegions: string[];
}

const FIELDS =
  'id name region { code } municipality { code } operator listedPatients { count suppressed } source synthetic';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('nara-vard');
});
afterAll(() => server.close());

async function page(args: string, on = server) {
  const result = await on.query<{ primaryCareUnits: UnitPage }>(
    `{ primaryCareUnits(${args}) { totalCount offset hasNextPage missingRegions items { ${FIELDS} } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.primaryCareUnits;
}

async function all(args: string, on = server): Promise<Unit[]> {
  const units: Unit[] = [];
  for (let offset = 0; ; offset += 97) {
    const p = await page(`${args} first: 97, offset: ${offset}`, on);
    units.push(...p.items);
    if (!p.hasNextPage) {
      expect(units).toHaveLength(p.totalCount);
      return units;
    }
  }
}

function rawUnits(): Array<{ id: string; listedPatients: number }> {
  const dir = testDatasetPath();
  return testRegistry()
    .regionsFor('nara-vard')
    .flatMap(
      (region) =>
        JSON.parse(readFileSync(join(dir, region, 'nara-vard', 'primaryCareUnits.json'), 'utf8')) as [],
    );
}

describe('primaryCareUnits', () => {
  it('pages without overlaps or gaps in a stable order (länskod, kommunkod, name, id)', async () => {
    const units = await all('');
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    const keys = units.map((u) => [u.region.code, u.municipality.code, u.name, u.id].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(units.map((u) => u.region.code)).size).toBe(21);
    expect((await all('')).map((u) => u.id)).toEqual(units.map((u) => u.id));
  });

  it('is labelled synthetic on every unit', async () => {
    for (const u of (await page('region: "18"')).items) {
      expect(u.synthetic).toBe(true);
      expect(u.source).toMatch(/SYNTHETIC/);
    }
  });

  it('filters by region, municipality and operator', async () => {
    const orebro = await all('region: "18"');
    expect(orebro.every((u) => u.region.code === '18')).toBe(true);
    const ljusnarsberg = await page('municipality: "1864"');
    expect(ljusnarsberg.totalCount).toBeGreaterThan(0);
    expect(ljusnarsberg.items.every((u) => u.municipality.code === '1864')).toBe(true);
    const privateOnes = await all('region: "18", operator: PRIVATE');
    expect(privateOnes.every((u) => u.operator === 'PRIVATE')).toBe(true);
    expect(privateOnes.length + (await all('region: "18", operator: PUBLIC')).length).toBe(orebro.length);
    expect((await page('region: "01", municipality: "1864"')).totalCount).toBe(0);
  });

  it('finds one unit by id, null when unknown', async () => {
    const first = (await page('region: "18", first: 1')).items[0]!;
    const result = await server.query<{ a: Unit | null; b: Unit | null }>(
      `{ a: primaryCareUnit(id: "${first.id}") { ${FIELDS} } b: primaryCareUnit(id: "1864-vc-99") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: first, b: null });
  });

  it('reaches units from Region and Municipality entities', async () => {
    const result = await server.query<{
      _entities: Array<{ primaryCareUnits: { totalCount: number; items: Unit[] } }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Region { primaryCareUnits(municipality: "1880") { totalCount items { ${FIELDS} } } }
        ... on Municipality { primaryCareUnits { totalCount items { ${FIELDS} } } } } }`,
      {
        r: [
          { __typename: 'Region', code: '18' },
          { __typename: 'Municipality', code: '1880' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [region, municipality] = result.data!._entities;
    expect(region!.primaryCareUnits.totalCount).toBeGreaterThan(0);
    expect(municipality!.primaryCareUnits).toEqual(region!.primaryCareUnits);
  });
});

describe('listed patients (a count of people)', () => {
  it('never serves counts below the suppression threshold (5)', async () => {
    const raw = new Map(rawUnits().map((u) => [u.id, u.listedPatients]));
    const served = await all('');
    expect(served).toHaveLength(raw.size);
    const small = served.filter((u) => raw.get(u.id)! > 0 && raw.get(u.id)! < 5);
    expect(small.length, 'the dataset has small cells to hide').toBeGreaterThan(0);
    for (const u of served) {
      const count = raw.get(u.id)!;
      if (count > 0 && count < 5) expect(u.listedPatients).toEqual({ count: null, suppressed: true });
      else expect(u.listedPatients).toEqual({ count, suppressed: false });
    }
  });

  it('follows the configured threshold', async () => {
    const strict = await startTestSubgraph('nara-vard', { suppressionThreshold: 1_000_000 });
    try {
      const units = (await page('region: "18"', strict)).items;
      expect(units.every((u) => u.listedPatients.count === null || u.listedPatients.count === 0)).toBe(true);
      expect(units.some((u) => u.listedPatients.suppressed)).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
