import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatasetPath } from '../support/dataset.js';
import { startTestSubgraph, type TestSubgraph } from '../support/subgraph.js';
import { differenceAttack, linearAudit, satisfies } from './audit.js';
import { publishedInto, restrict, tableSums, truthInto } from './flow-tables.js';

/**
 * Named attacks on the published patient-flow tables, through GraphQL against a real subgraph,
 * checked against the true values in the raw dataset files. Every treating region, every level.
 */
const THRESHOLD = 5;
const REGIONS = readdirSync(testDatasetPath()).filter((d) => /^\d\d$/.test(d));

let server: TestSubgraph;
const published = new Map<string, number | null>();
const truth = new Map<string, number>();
beforeAll(async () => {
  server = await startTestSubgraph('hogspecialiserad-vard', { suppressionThreshold: THRESHOLD });
  for (const code of REGIONS) {
    for (const [k, v] of await publishedInto(server, code)) published.set(k, v);
    for (const [k, v] of truthInto(code)) truth.set(k, v);
  }
}, 120_000);
afterAll(() => server.close());

const tables = () => tableSums(published.keys());

it('serves every true cell of every level, and the true value whenever it serves one', () => {
  expect(REGIONS.length).toBe(21);
  expect([...published.keys()].sort()).toEqual([...truth.keys()].sort());
  for (const [key, value] of published) if (value !== null) expect(value, key).toBe(truth.get(key));
  const hidden = [...published.values()].filter((v) => v === null).length;
  expect(hidden).toBeGreaterThan(0);
});

it('attack 4: never serves a count from 1 to threshold − 1; every small cell is hidden', () => {
  for (const [key, value] of published) {
    expect(value === null || value === 0 || value >= THRESHOLD, key).toBe(true);
    const real = truth.get(key)!;
    if (real > 0 && real < THRESHOLD) expect(value, key).toBeNull();
    // Zeros reveal no one and are never hidden: a hidden cell is known to be at least 1, no more.
    if (real === 0) expect(value, key).toBe(0);
  }
});

it('attacks 1 and 2: no total minus its visible parts (row, column, rollup) isolates a hidden cell', () => {
  let sums = 0;
  for (const [id, list] of tables()) {
    sums += list.length;
    const recovered = differenceAttack(list, restrict(published, list));
    expect([...recovered.keys()], id).toEqual([]);
    // Where the total is published, the hidden parts together reach the threshold.
    for (const s of list) {
      if (published.get(s.total) === null) continue;
      const hiddenParts = s.parts.filter((p) => published.get(p) === null);
      const hiddenSum = hiddenParts.reduce((t, p) => t + truth.get(p)!, 0);
      expect(hiddenParts.length === 0 || hiddenSum >= THRESHOLD, `${id} ${s.total}`).toBe(true);
    }
  }
  expect(sums).toBe(REGIONS.length * 21 * 2 * (12 + 8 + 2));
});

it('no combination of the published sums determines a hidden cell: each has a second non-negative solution', () => {
  let audited = 0;
  for (const [id, list] of tables()) {
    const view = restrict(published, list);
    const audit = linearAudit(list, view, truth);
    expect([...audit.determined.keys()], id).toEqual([]);
    for (const [cell, alternative] of audit.alternatives) {
      audited += 1;
      const value = (k: string) => alternative.get(k) ?? (view.get(k) as number);
      expect(satisfies(list, value), `${id} ${cell}`).toBe(true);
      expect(
        [...alternative.values()].every((v) => v >= 0),
        `${id} ${cell}`,
      ).toBe(true);
      expect(Math.abs(alternative.get(cell)! - truth.get(cell)!), `${id} ${cell}`).toBeGreaterThan(0.01);
    }
  }
  expect(audited).toBe([...published.values()].filter((v) => v === null).length);
}, 60_000);
