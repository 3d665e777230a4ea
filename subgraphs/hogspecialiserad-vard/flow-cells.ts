import type { SourceRecord } from '../kit/index.js';

/** Which dimensions a published table keeps (the others are summed). */
export interface LevelShape {
  readonly byMonth: boolean;
  readonly byCareArea: boolean;
}

/** Aggregeringsnivåer — the published tables (see enum PatientFlowLevel). */
export type Level = 'MONTH' | 'YEAR' | 'MONTH_ALL_CARE_AREAS' | 'YEAR_ALL_CARE_AREAS';
export const LEVELS: Readonly<Record<Level, LevelShape>> = {
  MONTH: { byMonth: true, byCareArea: true },
  YEAR: { byMonth: false, byCareArea: true },
  MONTH_ALL_CARE_AREAS: { byMonth: true, byCareArea: false },
  YEAR_ALL_CARE_AREAS: { byMonth: false, byCareArea: false },
};

/** The cells of one table, in order: a representative record and the summed count per cell. */
export interface Cells {
  readonly records: SourceRecord[];
  readonly counts: number[];
}

/** Beyond this many possible cells the dense buckets would cost too much memory: use a Map. */
const MAX_DENSE_CELLS = 4_000_000;

/** Interns the values of one dimension: provisional ids in order of appearance, ranked afterwards. */
class Dimension {
  readonly #ids = new Map<unknown, number>();
  id(value: unknown): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(value, id);
    }
    return id;
  }
  get size(): number {
    return this.#ids.size;
  }
  /** Provisional id → rank in code-unit order of the values (as strings). */
  ranks(): Int32Array {
    const byValue = [...this.#ids].sort(([x], [y]) =>
      String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0,
    );
    const ranks = new Int32Array(byValue.length);
    byValue.forEach(([, id], rank) => {
      ranks[id] = rank;
    });
    return ranks;
  }
}

/**
 * Sums the monthly records to the cells of a table, ordered by period, care area, from-region,
 * to-region (strings by code unit: a total order, as every cell has a distinct key). Each dimension
 * is interned and ranked, so a cell key is a number; keys index dense buckets (linear time, no sort) unless the
 * key space is too large, then a Map plus a numeric sort. Fast enough for the 'large' dataset's
 * 1.4 million monthly cells.
 */
export function sumCells(records: readonly SourceRecord[], shape: LevelShape): Cells {
  const [periods, areas, regions] = [new Dimension(), new Dimension(), new Dimension()];
  const n = records.length;
  const ids = new Int32Array(n * 4);
  records.forEach((record, i) => {
    const month = record.month as string;
    ids[i * 4] = periods.id(shape.byMonth ? month : month.slice(0, 4));
    ids[i * 4 + 1] = areas.id(shape.byCareArea ? record.careArea : '');
    ids[i * 4 + 2] = regions.id(record.fromRegion);
    ids[i * 4 + 3] = regions.id(record.toRegion);
  });
  const [p, a, r] = [periods.ranks(), areas.ranks(), regions.ranks()];
  const [A, R] = [areas.size, regions.size];
  const keyOf = (i: number) =>
    ((p[ids[i * 4]!]! * A + a[ids[i * 4 + 1]!]!) * R + r[ids[i * 4 + 2]!]!) * R + r[ids[i * 4 + 3]!]!;
  const size = periods.size * A * R * R;
  const out: Cells = { records: [], counts: [] };

  if (size <= MAX_DENSE_CELLS) {
    const sums = new Float64Array(size);
    const first = new Int32Array(size).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      if (first[key]! < 0) first[key] = i;
      sums[key]! += Number(records[i]!.count);
    }
    for (let key = 0; key < size; key++) {
      if (first[key]! < 0) continue;
      out.records.push(records[first[key]!]!);
      out.counts.push(sums[key]!);
    }
    return out;
  }

  const cells = new Map<number, { record: SourceRecord; count: number }>();
  for (let i = 0; i < n; i++) {
    const record = records[i]!;
    const key = keyOf(i);
    const cell = cells.get(key);
    if (cell) cell.count += Number(record.count);
    else cells.set(key, { record, count: Number(record.count) });
  }
  for (const key of [...cells.keys()].sort((x, y) => x - y)) {
    const cell = cells.get(key)!;
    out.records.push(cell.record);
    out.counts.push(cell.count);
  }
  return out;
}
