import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicalTrialRecord } from '../../../datagen/domains/forskning/records.js';
import { trialEnrolment } from '../../../subgraphs/forskning/enrolment.js';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { byStartThenId, rawTrials } from './raw-dataset.js';

const THRESHOLD = 5;

interface TrialItem {
  id: string;
  phase: string;
  status: string;
  leadRegion: { code: string };
  participatingRegions: Array<{ code: string }>;
  numberOfSites: number;
  enrolment: { count: number | null; suppressed: boolean };
  enrolmentByRegion: Array<{
    region: { code: string };
    count: number | null;
    suppressed: boolean;
    synthetic: boolean;
  }>;
  synthetic: boolean;
}
const ITEM = `id phase status leadRegion { code } participatingRegions { code } numberOfSites
  enrolment { count suppressed } enrolmentByRegion { region { code } count suppressed synthetic } synthetic`;

let server: TestSubgraph;
beforeAll(async () => {
  server = await startTestSubgraph('forskning', { suppressionThreshold: THRESHOLD });
});
afterAll(() => server.close());

async function trials(args: string, on: TestSubgraph = server) {
  const result = await on.query<{ clinicalTrials: { totalCount: number; items: TrialItem[] } }>(
    `{ clinicalTrials(${args}) { totalCount items { ${ITEM} } } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.clinicalTrials;
}

describe('clinicalTrials (SYNTHETIC)', () => {
  it('lists all trials in a stable order with participating regions including the lead', async () => {
    const raw = rawTrials();
    const all = await trials('first: 1000');
    expect(all.items.map((t) => t.id)).toEqual([...raw].sort(byStartThenId).map((t) => t.id));
    for (const t of all.items) {
      expect(t.synthetic).toBe(true);
      const codes = t.participatingRegions.map((r) => r.code);
      expect(codes).toContain(t.leadRegion.code);
      expect(t.numberOfSites).toBeGreaterThanOrEqual(codes.length);
      expect(t.enrolmentByRegion.map((e) => e.region.code)).toEqual(codes);
    }
  });

  it('filters by phase, status and participating region', async () => {
    const raw = rawTrials();
    const ids = (list: Array<{ id: string }>) => list.map((t) => t.id).sort();
    const phase3 = await trials('phase: PHASE_3, first: 1000');
    expect(ids(phase3.items)).toEqual(ids(raw.filter((t) => t.phase === 'PHASE_3')));
    const recruiting = await trials('status: RECRUITING, region: "03", first: 1000');
    expect(ids(recruiting.items)).toEqual(
      ids(raw.filter((t) => t.status === 'RECRUITING' && t.participatingRegionCodes.includes('03'))),
    );
  });

  it('never serves enrolment counts below the threshold, and suppresses a second cell to protect one', async () => {
    const raw = new Map(rawTrials().map((t) => [t.id, t]));
    const all = await trials('first: 1000');
    let primary = 0;
    for (const trial of all.items) {
      const source = raw.get(trial.id)!;
      const total = source.enrolmentByRegion.reduce((s, e) => s + e.enrolled, 0);
      trial.enrolmentByRegion.forEach((cell, i) => {
        const enrolled = source.enrolmentByRegion[i]!.enrolled;
        if (enrolled > 0 && enrolled < THRESHOLD) {
          primary += 1;
          expect(cell).toMatchObject({ count: null, suppressed: true });
        }
        if (!cell.suppressed) expect(cell.count).toBe(enrolled);
      });
      if (total > 0 && total < THRESHOLD) expect(trial.enrolment).toEqual({ count: null, suppressed: true });
      else if (!trial.enrolment.suppressed) expect(trial.enrolment.count).toBe(total);
      // A published total never lets a single hidden cell be derived from the others.
      const hidden = trial.enrolmentByRegion.filter((c) => c.suppressed);
      if (!trial.enrolment.suppressed && hidden.length > 0) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        const hiddenSum = total - trial.enrolmentByRegion.reduce((s, c) => s + (c.count ?? 0), 0);
        expect(hiddenSum).toBeGreaterThanOrEqual(THRESHOLD);
      }
    }
    expect(primary, 'the small dataset has small cells to suppress').toBeGreaterThan(0);
  });

  it('uses the configured threshold', async () => {
    const strict = await startTestSubgraph('forskning', { suppressionThreshold: 100_000 });
    try {
      const all = await trials('first: 1000', strict);
      for (const t of all.items) {
        for (const cell of t.enrolmentByRegion) expect(cell.count === null || cell.count === 0).toBe(true);
        expect(t.enrolment.count === null || t.enrolment.count === 0).toBe(true);
      }
    } finally {
      await strict.close();
    }
  });
});

describe('trialEnrolment (secondary suppression)', () => {
  const trial = (...enrolled: number[]) =>
    ({
      enrolmentByRegion: enrolled.map((n, i) => ({ regionCode: String(10 + i), enrolled: n })),
    }) as unknown as ClinicalTrialRecord;
  const counts = (view: ReturnType<typeof trialEnrolment>) => ({
    total: view.total.count,
    cells: view.byRegion.map((c) => c.count),
  });

  it('publishes everything when no cell is small', () => {
    expect(counts(trialEnrolment(trial(10, 0, 7), 5))).toEqual({ total: 17, cells: [10, 0, 7] });
  });
  it('hides the smallest other cell too when one cell is small', () => {
    expect(counts(trialEnrolment(trial(2, 30, 8), 5))).toEqual({ total: 40, cells: [null, 30, null] });
  });
  it('hides further cells until the hidden cells reach the threshold', () => {
    expect(counts(trialEnrolment(trial(1, 1, 9, 20), 5))).toEqual({
      total: 31,
      cells: [null, null, null, 20],
    });
  });
  it('hides the total when it is small', () => {
    expect(counts(trialEnrolment(trial(3), 5))).toEqual({ total: null, cells: [null] });
    expect(counts(trialEnrolment(trial(2, 1), 5))).toEqual({ total: null, cells: [null, null] });
  });
});
