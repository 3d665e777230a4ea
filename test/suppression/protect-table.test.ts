import { describe, expect, it } from 'vitest';
import { type AdditiveRelation, protectTable } from '../../subgraphs/kit/index.js';
import { differenceAttack, linearAudit, type Sum } from './audit.js';

const T = 5;

/** A two-way table with row totals, column totals and the grand total (the kit's cell layout). */
function grid(inner: number[][]) {
  const [R, C] = [inner.length, inner[0]!.length];
  const values = inner.flat();
  const relations: AdditiveRelation[] = [];
  const rowTotals = inner.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = inner[0]!.map((_, j) => inner.reduce((a, row) => a + row[j]!, 0));
  values.push(
    ...rowTotals,
    ...colTotals,
    rowTotals.reduce((a, b) => a + b, 0),
  );
  const [row, col, grand] = [(i: number) => R * C + i, (j: number) => R * C + R + j, R * C + R + C];
  for (let i = 0; i < R; i++) relations.push({ total: row(i), parts: inner[0]!.map((_, j) => i * C + j) });
  for (let j = 0; j < C; j++) relations.push({ total: col(j), parts: inner.map((_, i) => i * C + j) });
  relations.push({ total: grand, parts: inner.map((_, i) => row(i)) });
  relations.push({ total: grand, parts: inner[0]!.map((_, j) => col(j)) });
  return { values, relations };
}

/** The pattern as an attacker sees it, audited with test/suppression/audit.ts. */
function attack(values: number[], relations: readonly AdditiveRelation[], hidden: Uint8Array) {
  const sums: Sum[] = relations.map((r) => ({ total: String(r.total), parts: r.parts.map(String) }));
  const published = new Map(values.map((v, i) => [String(i), hidden[i] ? null : v] as const));
  const truth = new Map(values.map((v, i) => [String(i), v] as const));
  return { recovered: differenceAttack(sums, published), audit: linearAudit(sums, published, truth) };
}

describe('protectTable (kit secondary suppression)', () => {
  it('hides the smallest published non-zero part next to a lone small cell (one-way table)', () => {
    // Regions 2, 30, 8, 0 and the total 40: 2 is small, 8 is the smallest complement, 0 never.
    const hidden = protectTable(
      { values: [2, 30, 8, 0, 40], relations: [{ total: 4, parts: [0, 1, 2, 3] }] },
      T,
    );
    expect([...hidden]).toEqual([1, 0, 1, 0, 0]);
    // Hidden parts must reach the threshold together: 1 + 1 is not enough, so 9 joins them.
    const more = protectTable(
      { values: [1, 1, 9, 20, 31], relations: [{ total: 4, parts: [0, 1, 2, 3] }] },
      T,
    );
    expect([...more]).toEqual([1, 1, 1, 0, 0]);
  });

  it('publishes everything when nothing is small, and never hides zeros', () => {
    const { values, relations } = grid([
      [10, 0, 7],
      [0, 0, 12],
    ]);
    expect([...protectTable({ values, relations }, T)].every((h) => h === 0)).toBe(true);
  });

  it('protects a two-way table with margins: no difference or combination recovers a hidden cell', () => {
    const { values, relations } = grid([
      [3, 40, 12, 0],
      [25, 9, 30, 6],
      [0, 18, 2, 50],
    ]);
    const hidden = protectTable({ values, relations }, T);
    const { recovered, audit } = attack(values, relations, hidden);
    expect([...recovered.keys()]).toEqual([]);
    expect([...audit.determined.keys()]).toEqual([]);
    expect(hidden[0]).toBe(1);
    expect(hidden[10]).toBe(1);
    expect(values.every((v, i) => v !== 0 || !hidden[i])).toBe(true);
  });

  it('hides more when the rule per sum leaves a cell determined by a combination of sums (a bridge)', () => {
    // Two 2×2 cycles of small cells joined by one small cell: every row and column has two or more
    // hidden cells adding up to the threshold, yet the joining cell equals a sum of published margins.
    const inner = [
      [3, 3, 20, 20],
      [3, 3, 3, 20],
      [20, 20, 3, 3],
      [20, 20, 3, 3],
    ];
    const { values, relations } = grid(inner);
    const primaryOnly = new Uint8Array(values.map((v) => (v > 0 && v < T ? 1 : 0)));
    expect([...attack(values, relations, primaryOnly).audit.determined.keys()]).toEqual(['6']);
    const hidden = protectTable({ values, relations }, T);
    expect([...attack(values, relations, hidden).audit.determined.keys()]).toEqual([]);
  });

  it('holds on 300 random tables (seeded): no cell recovered, small cells hidden, zeros published', () => {
    let seed = 20_250_501;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let n = 0; n < 300; n++) {
      const [R, C] = [2 + Math.floor(next() * 6), 2 + Math.floor(next() * 6)];
      const inner = Array.from({ length: R }, () =>
        Array.from({ length: C }, () => (next() < 0.3 ? 0 : Math.floor(next() ** 3 * 40))),
      );
      const { values, relations } = grid(inner);
      const hidden = protectTable({ values, relations }, T);
      expect(protectTable({ values, relations }, T)).toEqual(hidden);
      const { recovered, audit } = attack(values, relations, hidden);
      expect([...recovered.keys()], JSON.stringify(inner)).toEqual([]);
      expect([...audit.determined.keys()], JSON.stringify(inner)).toEqual([]);
      values.forEach((v, i) => {
        if (v > 0 && v < T) expect(hidden[i]).toBe(1);
        if (v === 0) expect(hidden[i]).toBe(0);
      });
    }
  });

  it('rejects relations that are not a network (a cell in three sums)', () => {
    const relations = [
      { total: 3, parts: [0, 1] },
      { total: 4, parts: [0, 2] },
      { total: 5, parts: [0, 2] },
    ];
    expect(() => protectTable({ values: [1, 1, 1, 2, 2, 2], relations }, T)).toThrow(
      /more than two relations/,
    );
  });
});
