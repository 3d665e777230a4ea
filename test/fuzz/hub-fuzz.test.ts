import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzHub } from './fuzz-hub.js';
import { type FuzzHub, startFuzzHub } from './hub-target.js';

/**
 * A small hub fuzz run in `npm test` (the full ≥ 5 000 run is test/fuzz/run-hub.ts): schema-aware
 * operations against the real hub as every kind of caller; no 5xx, no INTERNAL_SERVER_ERROR
 * outside the known findings (known-findings.ts), no suppressed count, region-scoped value or
 * marked field served to a caller who may not see it, and most requests reach execution.
 */
let target: FuzzHub;
beforeAll(async () => {
  target = await startFuzzHub();
}, 60_000);
afterAll(() => target?.close());

it('schema-aware operations reach execution and every answer keeps suppression, region scoping and markings', async () => {
  const outcome = await fuzzHub(target, 300, 20250505, 5_000);
  expect(outcome.violations, JSON.stringify(outcome.violations, null, 1)).toEqual([]);
  expect(outcome.withDataShare).toBeGreaterThanOrEqual(0.6);
  expect(outcome.scopedValuesChecked).toBeGreaterThan(0);
  expect(outcome.statuses[500] ?? 0).toBe(0);
  const health = await fetch(target.url.replace(/graphql$/, 'health'));
  expect(health.status).toBe(200);
}, 60_000);
