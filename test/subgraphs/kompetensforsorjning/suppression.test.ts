import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '../../support/subgraph.js';
import { rawRecords } from './raw.js';

// Region Gotland (09) employs few people in the smallest professions: small cells to hide.
const small = rawRecords('09', 'workforce').find((r) => (r.count as number) > 1 && (r.count as number) < 10)!;
const QUERY = `query($p: ID, $y: Int) { workforce(region: "09", profession: $p, year: $y) {
  items { count suppressed fullTimeEquivalents synthetic } } }`;

interface Answer {
  workforce: {
    items: Array<{ count: number | null; suppressed: boolean; fullTimeEquivalents: number | null }>;
  };
}

let strict: TestSubgraph;
let lenient: TestSubgraph;
beforeAll(async () => {
  strict = await startTestSubgraph('kompetensforsorjning', {
    suppressionThreshold: (small.count as number) + 1,
  });
  lenient = await startTestSubgraph('kompetensforsorjning', { suppressionThreshold: small.count as number });
});
afterAll(async () => {
  await strict.close();
  await lenient.close();
});

describe('suppression of small workforce counts', () => {
  it('hides a count below the configured threshold (count and FTE null, suppressed true)', async () => {
    const result = await strict.query<Answer>(QUERY, { p: small.profession, y: small.year });
    expect(result.errors).toBeUndefined();
    expect(result.data!.workforce.items).toEqual([
      { count: null, suppressed: true, fullTimeEquivalents: null, synthetic: true },
    ]);
  });

  it('serves the same count once it reaches the threshold', async () => {
    const result = await lenient.query<Answer>(QUERY, { p: small.profession, y: small.year });
    expect(result.data!.workforce.items).toEqual([
      {
        count: small.count,
        suppressed: false,
        fullTimeEquivalents: small.fullTimeEquivalents,
        synthetic: true,
      },
    ]);
  });

  it('never serves a count between 1 and threshold − 1 anywhere in a region', async () => {
    const result = await strict.query<Answer>(
      '{ workforce(region: "09", first: 1000) { items { count suppressed } } }',
    );
    const threshold = (small.count as number) + 1;
    for (const item of result.data!.workforce.items) {
      if (item.count !== null) expect(item.count === 0 || item.count >= threshold).toBe(true);
      else expect(item.suppressed).toBe(true);
    }
  });
});
