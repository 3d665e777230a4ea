import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { CELL, cellKey, type FlowPage } from './flows.js';

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
});
afterAll(() => server.close());

const page = async (args: string) =>
  (
    await server.query<{ patientFlows: FlowPage }>(
      `{ patientFlows(${args}) { totalCount offset hasNextPage missingRegions items { ${CELL} } } }`,
    )
  ).data!.patientFlows;

it('pages with totalCount and hasNextPage in a stable total order', async () => {
  const filter = 'level: MONTH_ALL_CARE_AREAS, toRegion: "14", year: 2023';
  const whole = await page(`${filter}, first: 1000`);
  expect(whole.totalCount).toBe(12 * 21);
  expect(whole.hasNextPage).toBe(false);
  expect(whole.missingRegions).toEqual([]);
  const keys = whole.items.map(cellKey);
  expect(new Set(keys).size).toBe(keys.length);
  expect([...keys].sort()).toEqual(keys);

  const first = await page(`${filter}, first: 100`);
  const second = await page(`${filter}, first: 100, offset: 100`);
  const last = await page(`${filter}, first: 100, offset: 200`);
  expect(first).toMatchObject({ totalCount: 252, offset: 0, hasNextPage: true });
  expect(second).toMatchObject({ totalCount: 252, offset: 100, hasNextPage: true });
  expect(last).toMatchObject({ totalCount: 252, offset: 200, hasNextPage: false });
  expect([...first.items, ...second.items, ...last.items].map(cellKey)).toEqual(keys);
  expect((await page(`${filter}, first: 100`)).items).toEqual(first.items);
});

it('filters select cells of the chosen table', async () => {
  const cross = await page(
    'level: YEAR, careArea: "godartad-njurkirurgi", year: 2024, crossRegionOnly: true, excludeZero: true, first: 1000',
  );
  expect(cross.totalCount).toBeGreaterThan(0);
  expect(cross.items.every((c) => c.crossRegion && c.fromRegion.code !== c.toRegion.code)).toBe(true);
  expect(cross.items.every((c) => c.suppressed || c.count! > 0)).toBe(true);
  // Northern Skåne's patients treated in Växjö (seed 004).
  const skaneToKronoberg = cross.items.find((c) => c.fromRegion.code === '12' && c.toRegion.code === '07');
  expect(skaneToKronoberg?.count).toBeGreaterThanOrEqual(5);

  const march = await page('month: "2024-03", fromRegion: "10", toRegion: "10", first: 1000');
  expect(march.items.every((c) => c.month === '2024-03' && c.period === '2024-03')).toBe(true);
  expect(march.items.map((c) => c.careArea!.id)).toEqual([...march.items.map((c) => c.careArea!.id)].sort());
});
