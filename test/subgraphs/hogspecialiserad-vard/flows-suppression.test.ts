import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { CELL, type Cell, cellKey, type FlowPage } from './flows.js';

let strict: TestSubgraph;
let open: TestSubgraph;
beforeAll(async () => {
  strict = await startTestSubgraph('hogspecialiserad-vard');
  open = await startTestSubgraph('hogspecialiserad-vard', { suppressionThreshold: 1 });
});
afterAll(async () => {
  await strict.close();
  await open.close();
});

const KRONOBERG_THORAX = `{ patientFlows(fromRegion: "07", careArea: "thoraxkirurgi", year: 2024, first: 1000) {
  totalCount suppressionThreshold secondarySuppressionApplied items { ${CELL} } } }`;

it('never serves a count below the threshold: null plus suppressed, labelled synthetic', async () => {
  const result = await strict.query<{ patientFlows: FlowPage }>(KRONOBERG_THORAX);
  expect(result.errors).toBeUndefined();
  const page = result.data!.patientFlows;
  expect(page.suppressionThreshold).toBe(5);
  expect(page.secondarySuppressionApplied).toBe(true);
  expect(page.totalCount).toBe(12 * 21);
  const suppressed = page.items.filter((c) => c.suppressed);
  expect(suppressed.length).toBeGreaterThan(0);
  expect(suppressed.every((c) => c.count === null)).toBe(true);
  expect(page.items.every((c) => c.suppressed || c.count === 0 || c.count! >= 5)).toBe(true);
  expect(page.items.every((c) => c.synthetic && /SYNTHETIC/.test(c.source))).toBe(true);
  // Kronoberg's thorax patients go mostly to Blekinge (the 2015 agreement).
  const year = await strict.query<{ patientFlows: FlowPage }>(
    `{ patientFlows(level: YEAR, fromRegion: "07", careArea: "thoraxkirurgi", year: 2024, excludeZero: true) {
      items { toRegion { code } count } } }`,
  );
  const destinations = year.data!.patientFlows.items.filter((c) => c.count !== null);
  const top = destinations.reduce((a, b) => (b.count! > a.count! ? b : a));
  expect(top.toRegion.code).toBe('10');
});

it('the threshold is configurable: the same cells answer with counts when it is 1', async () => {
  const strictPage = (await strict.query<{ patientFlows: FlowPage }>(KRONOBERG_THORAX)).data!.patientFlows;
  const openPage = (await open.query<{ patientFlows: FlowPage }>(KRONOBERG_THORAX)).data!.patientFlows;
  expect(openPage.suppressionThreshold).toBe(1);
  expect(openPage.items.map(cellKey)).toEqual(strictPage.items.map(cellKey));
  const hidden = strictPage.items.findIndex((c) => c.suppressed);
  expect(openPage.items[hidden]).toMatchObject({ suppressed: false });
  expect(openPage.items[hidden]!.count).toBeGreaterThanOrEqual(1);
  expect(openPage.items[hidden]!.count).toBeLessThan(5);
});

it('rolls up from the unsuppressed monthly cells, then suppresses each served cell', async () => {
  const query = `query($level: PatientFlowLevel) { patientFlows(level: $level, toRegion: "10", year: 2024,
    fromRegion: "12", first: 1000) { totalCount items { ${CELL} } } }`;
  const sum = (cells: Cell[]) => cells.reduce((total, c) => total + c.count!, 0);
  const months = (await open.query<{ patientFlows: FlowPage }>(query, { level: 'MONTH' })).data!.patientFlows;
  const years = (await open.query<{ patientFlows: FlowPage }>(query, { level: 'YEAR' })).data!.patientFlows;
  const all = (await open.query<{ patientFlows: FlowPage }>(query, { level: 'YEAR_ALL_CARE_AREAS' })).data!
    .patientFlows;
  expect(years.items.every((c) => c.period === '2024' && c.month === null && c.level === 'YEAR')).toBe(true);
  for (const cell of years.items) {
    expect(cell.count).toBe(sum(months.items.filter((m) => m.careArea!.id === cell.careArea!.id)));
  }
  expect(all.totalCount).toBe(1);
  expect(all.items[0]).toMatchObject({ careArea: null, count: sum(months.items), crossRegion: true });

  // With the default threshold, every small yearly cell is hidden (and possibly more, to protect
  // the table: see test/suppression); every served count is the true one.
  const strictYears = (await strict.query<{ patientFlows: FlowPage }>(query, { level: 'YEAR' })).data!
    .patientFlows;
  strictYears.items.forEach((cell, i) => {
    const expected = years.items[i]!.count!;
    if (expected > 0 && expected < 5) expect(cell.suppressed).toBe(true);
    if (expected === 0) expect(cell.suppressed).toBe(false);
    expect(cell.count).toBe(cell.suppressed ? null : expected);
  });
});
