/**
 * An attacker's view of a published table, independent of the hub's algorithm: the published sums
 * as linear equations over the hidden cells, solved by Gaussian elimination.
 */

/** A published sum over cell keys: total = Σ parts. */
export interface Sum {
  readonly total: string;
  readonly parts: readonly string[];
}

/** Published value per cell key: a number, or null when hidden. */
export type Published = ReadonlyMap<string, number | null>;

/** Attacks 1 and 2: a sum with exactly one hidden member gives it away as the difference. */
export function differenceAttack(sums: readonly Sum[], published: Published): Map<string, number> {
  const recovered = new Map<string, number>();
  for (const sum of sums) {
    const hidden = [sum.total, ...sum.parts].filter((k) => published.get(k) === null);
    if (hidden.length !== 1) continue;
    const visibleParts = sum.parts.reduce((s, k) => s + (published.get(k) ?? 0), 0);
    const cell = hidden[0]!;
    recovered.set(cell, cell === sum.total ? visibleParts : published.get(sum.total)! - visibleParts);
  }
  return recovered;
}

export interface LinearAudit {
  /** Hidden cells whose value the published sums determine (must be empty). */
  readonly determined: ReadonlyMap<string, number>;
  /**
   * For every hidden cell not determined: a second non-negative solution of all published sums
   * (true values elsewhere shifted along a null-space vector) in which the cell has another value.
   */
  readonly alternatives: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Full linear attack: every combination of the published sums, not just one at a time. */
export function linearAudit(sums: readonly Sum[], published: Published, truth: ReadonlyMap<string, number>) {
  const hidden = [...published].filter(([, v]) => v === null).map(([k]) => k);
  const index = new Map(hidden.map((k, i) => [k, i]));
  const n = hidden.length;
  // Rows: Σ coef·x = rhs, coef +1 for the total and −1 for parts; published values move to rhs.
  const rows: number[][] = [];
  for (const sum of sums) {
    const row = new Array<number>(n + 1).fill(0);
    let touched = false;
    for (const [k, coef] of [[sum.total, 1], ...sum.parts.map((p) => [p, -1] as const)] as const) {
      const i = index.get(k);
      if (i === undefined) row[n]! -= coef * (published.get(k) ?? 0);
      else {
        row[i]! += coef;
        touched = true;
      }
    }
    if (touched) rows.push(row);
  }
  const pivotOf = eliminate(rows, n);
  const determined = new Map<string, number>();
  const alternatives = new Map<string, Map<string, number>>();
  const pivotCols = new Set(pivotOf.map(([, c]) => c));
  const free = hidden.map((_, i) => i).filter((i) => !pivotCols.has(i));
  for (let i = 0; i < n; i++) {
    const pivotRow = pivotOf.find(([, c]) => c === i)?.[0];
    let shift: number | undefined;
    if (pivotRow === undefined) shift = i;
    else shift = free.find((f) => Math.abs(rows[pivotRow]![f]!) > 1e-9);
    if (shift === undefined) {
      determined.set(hidden[i]!, rows[pivotRow!]![n]!);
      continue;
    }
    // Null-space vector: free variable `shift` = 1, other free = 0, pivots follow.
    const v = new Array<number>(n).fill(0);
    v[shift] = 1;
    for (const [r, c] of pivotOf) v[c] = -rows[r]![shift]!;
    const scale = 0.5 / Math.max(...v.map(Math.abs));
    alternatives.set(hidden[i]!, new Map(hidden.map((k, j) => [k, truth.get(k)! + scale * v[j]!])));
  }
  return { determined, alternatives } satisfies LinearAudit;
}

/** Reduced row echelon form in place (partial pivoting); returns [row, column] of each pivot. */
function eliminate(rows: number[][], n: number): Array<[number, number]> {
  const pivots: Array<[number, number]> = [];
  let r = 0;
  for (let c = 0; c < n && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++)
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const p = pivot[c]!;
    for (let j = 0; j <= n; j++) pivot[j]! /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) < 1e-12) continue;
      for (let j = 0; j <= n; j++) rows[i]![j]! -= f * pivot[j]!;
    }
    pivots.push([r, c]);
    r += 1;
  }
  return pivots;
}

/** True when `values` satisfies every sum (within rounding). */
export function satisfies(sums: readonly Sum[], values: (key: string) => number): boolean {
  return sums.every((s) => Math.abs(values(s.total) - s.parts.reduce((t, p) => t + values(p), 0)) < 1e-6);
}
