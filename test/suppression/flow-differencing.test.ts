import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { differenceAttack } from './audit.js';
import {
  fetchLevel,
  keyOf,
  LEVELS,
  type Level,
  publishedInto,
  restrict,
  SERVED,
  type ServedCell,
  tableSums,
} from './flow-tables.js';

/**
 * Attack 3: differencing queries. The suppression pattern is computed on the whole published table,
 * so every filter, page or entry point serves each cell exactly as the full table does: combining
 * any number of queries gives an attacker nothing the full table does not (which attacks 1, 2 and
 * the linear audit in flow-attacks.test.ts show to be safe).
 */
let server: TestSubgraph;
const full = new Map<string, number | null>();
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard');
  for (const code of ['07', '10', '12'])
    for (const [k, v] of await publishedInto(server, code)) full.set(k, v);
}, 60_000);
afterAll(() => server.close());

const seen = new Map<string, number | null>();
function observe(level: Level, cells: ServedCell[], shape: string) {
  expect(cells.length, shape).toBeGreaterThan(0);
  for (const cell of cells) {
    const key = keyOf(level, cell);
    if (!cell.toRegion || !['07', '10', '12'].includes(cell.toRegion.code)) continue;
    const value = cell.suppressed ? null : cell.count;
    expect(value, `${shape}: ${key}`).toBe(full.get(key));
    seen.set(key, value);
  }
}

async function page(level: Level, args: string) {
  const result = await server.query<{ patientFlows: { items: ServedCell[] } }>(
    `{ patientFlows(level: ${level}, ${args}) { items { ${SERVED} } } }`,
  );
  expect(result.errors, args).toBeUndefined();
  return result.data!.patientFlows.items;
}

it('every filter combination serves the cells of the full table unchanged', async () => {
  for (const level of LEVELS) {
    const byArea = level === 'MONTH' || level === 'YEAR';
    const byMonth = level.startsWith('MONTH');
    for (const [from, to] of [
      ['12', '07'],
      ['07', '10'],
      ['10', '10'],
    ] as const) {
      const pair = `fromRegion: "${from}", toRegion: "${to}", first: 1000`;
      observe(level, await page(level, pair), `${level} ${pair}`);
      observe(level, await page(level, `${pair}, year: 2024`), `${level} year`);
      observe(level, await page(level, `${pair}, excludeZero: true`), `${level} excludeZero`);
      if (from !== to) observe(level, await page(level, `${pair}, crossRegionOnly: true`), `${level} cross`);
      if (byArea)
        observe(level, await page(level, `${pair}, careArea: "thoraxkirurgi"`), `${level} careArea`);
      if (byMonth) observe(level, await page(level, `${pair}, month: "2023-07"`), `${level} month`);
    }
    // Without toRegion: all treating regions are read, the same cells come out.
    const all = await page(
      level,
      `fromRegion: "12", year: 2023, first: 1000${byArea ? ', careArea: "ryggkirurgi"' : ''}`,
    );
    observe(level, all, `${level} all regions`);
  }
}, 60_000);

it('paging in small steps serves the same cells', async () => {
  const whole = await fetchLevel(server, 'MONTH', '10', ', fromRegion: "07", year: 2024');
  const pieces: ServedCell[] = [];
  for (let offset = 0; offset < whole.length; offset += 7) {
    pieces.push(
      ...(await page('MONTH', `toRegion: "10", fromRegion: "07", year: 2024, first: 7, offset: ${offset}`)),
    );
  }
  expect(pieces).toEqual(whole);
  observe('MONTH', pieces, 'paging');
});

it('the Region entry points serve the same cells', async () => {
  const result = await server.query<{
    _entities: Array<{ patientFlowsOut: { items: ServedCell[] }; patientFlowsIn: { items: ServedCell[] } }>;
  }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region {
      patientFlowsOut(level: YEAR, toRegion: "07", first: 1000) { items { ${SERVED} } }
      patientFlowsIn(level: MONTH_ALL_CARE_AREAS, year: 2024, first: 1000) { items { ${SERVED} } } } } }`,
    {
      r: [
        { __typename: 'Region', code: '12' },
        { __typename: 'Region', code: '10' },
      ],
    },
  );
  expect(result.errors).toBeUndefined();
  for (const entity of result.data!._entities) {
    observe('YEAR', entity.patientFlowsOut.items, 'patientFlowsOut');
    observe('MONTH_ALL_CARE_AREAS', entity.patientFlowsIn.items, 'patientFlowsIn');
  }
});

it('everything observed across queries, taken together, still isolates no hidden cell', () => {
  expect(seen.size).toBeGreaterThan(1000);
  const hidden = [...seen.values()].filter((v) => v === null).length;
  expect(hidden).toBeGreaterThan(0);
  // The attacker's union of observations is a subset of the full table, cell for cell.
  for (const [key, value] of seen) expect(full.get(key)).toBe(value);
  for (const [id, sums] of tableSums(full.keys())) {
    expect([...differenceAttack(sums, restrict(full, sums)).keys()], id).toEqual([]);
  }
});
