import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawTrials } from '../subgraphs/forskning/raw-dataset.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { differenceAttack, linearAudit, type Sum } from './audit.js';

/**
 * Trial enrolment (forskning) publishes a one-way table: patients per participating region and the
 * trial's total. Through GraphQL, every trial: no small count served, no region recovered as the
 * total minus the others, and each hidden count has a second non-negative solution.
 */
const THRESHOLD = 5;
interface Trial {
  id: string;
  enrolment: { count: number | null; suppressed: boolean };
  enrolmentByRegion: Array<{ region: { code: string }; count: number | null; suppressed: boolean }>;
}

let server: TestSubgraph;
const trials: Trial[] = [];
beforeAll(async () => {
  server = await startTestSubgraph('forskning', { suppressionThreshold: THRESHOLD });
  for (let page = 0; page < 50; page++) {
    const result = await server.query<{ clinicalTrials: { hasNextPage: boolean; items: Trial[] } }>(
      `{ clinicalTrials(first: 1000, offset: ${page * 1000}) { hasNextPage items { id
        enrolment { count suppressed } enrolmentByRegion { region { code } count suppressed } } } }`,
    );
    expect(result.errors).toBeUndefined();
    trials.push(...result.data!.clinicalTrials.items);
    if (!result.data!.clinicalTrials.hasNextPage) break;
  }
});
afterAll(() => server.close());

it('no trial enrolment table gives a hidden count away', () => {
  const truth = new Map(rawTrials().map((t) => [t.id, t]));
  expect(trials.length).toBe(truth.size);
  let hiddenCells = 0;
  for (const trial of trials) {
    const raw = truth.get(trial.id)!;
    const real = new Map<string, number>(raw.enrolmentByRegion.map((e) => [e.regionCode, e.enrolled]));
    real.set(
      'total',
      [...real.values()].reduce((a, b) => a + b, 0),
    );
    const published = new Map<string, number | null>([
      ['total', trial.enrolment.suppressed ? null : trial.enrolment.count],
      ...trial.enrolmentByRegion.map((c) => [c.region.code, c.suppressed ? null : c.count] as const),
    ]);
    for (const [key, value] of published) {
      const v = real.get(key)!;
      expect(value === null || value === v, `${trial.id} ${key}`).toBe(true);
      if (v > 0 && v < THRESHOLD) expect(value, `${trial.id} ${key}`).toBeNull();
      if (value === null) hiddenCells += 1;
    }
    const sums: Sum[] = [{ total: 'total', parts: raw.enrolmentByRegion.map((e) => e.regionCode) }];
    expect([...differenceAttack(sums, published).keys()], trial.id).toEqual([]);
    expect([...linearAudit(sums, published, real).determined.keys()], trial.id).toEqual([]);
  }
  expect(hiddenCells).toBeGreaterThan(0);
});
