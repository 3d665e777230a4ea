import {
  type AdditiveRelation,
  type ProtectedTable,
  protectTable,
  type SourceRecord,
  type SuppressionCache,
} from '../kit/index.js';
import type { Level } from './flow-cells.js';

/**
 * Röjandeskydd för patientflöden — the suppression pattern of the published patient-flow tables.
 *
 * The four levels publish, for every region pair (from → to) and calendar year, one two-way table
 * with its margins: MONTH cells (month × care area), MONTH_ALL_CARE_AREAS (row totals: a month over
 * all care areas), YEAR (column totals: a care area over the year) and YEAR_ALL_CARE_AREAS (the
 * grand total). No sum over regions is published, so each (from, to, year) table is protected on its
 * own with the kit's `protectTable` (primary plus secondary suppression). The pattern depends only
 * on the table, never on a query's filters or paging, and is computed once per content
 * (`cachedFlowProtection`).
 */
export interface FlowProtection {
  /** True when the published cell (level, period, care area or null, from, to) is hidden. */
  isSuppressed(level: Level, period: string, careArea: string | null, from: string, to: string): boolean;
  /** Number of hidden cells (all levels). */
  readonly hiddenCells: number;
}

const key = (level: Level, period: string, careArea: string | null, from: string, to: string) =>
  `${level}\u0000${period}\u0000${careArea ?? ''}\u0000${from}\u0000${to}`;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Protects every (from, to, year) table of the given monthly records. */
export function protectFlows(records: readonly SourceRecord[], threshold: number): FlowProtection {
  const tables = new Map<string, SourceRecord[]>();
  for (const record of records) {
    const id = `${record.fromRegion}\u0000${record.toRegion}\u0000${String(record.month).slice(0, 4)}`;
    const list = tables.get(id);
    if (list) list.push(record);
    else tables.set(id, [record]);
  }
  const hidden = new Set<string>();
  for (const [id, list] of tables) {
    const [from, to, year] = id.split('\u0000') as [string, string, string];
    const months = [...new Set(list.map((r) => String(r.month)))].sort(byCodeUnit);
    const areas = [...new Set(list.map((r) => String(r.careArea)))].sort(byCodeUnit);
    const [R, C] = [months.length, areas.length];
    const row = new Map(months.map((m, i) => [m, i]));
    const column = new Map(areas.map((a, i) => [a, i]));
    // Layout: R×C monthly cells, then R row totals, C column totals and the grand total.
    const values = new Float64Array(R * C + R + C + 1);
    for (const r of list)
      values[row.get(String(r.month))! * C + column.get(String(r.careArea))!]! += Number(r.count);
    const [rowTotal, colTotal, grand] = [
      (i: number) => R * C + i,
      (j: number) => R * C + R + j,
      R * C + R + C,
    ];
    const relations: AdditiveRelation[] = [];
    for (let i = 0; i < R; i++) {
      const parts = areas.map((_, j) => i * C + j);
      values[rowTotal(i)] = parts.reduce((sum, p) => sum + values[p]!, 0);
      relations.push({ total: rowTotal(i), parts });
    }
    for (let j = 0; j < C; j++) {
      const parts = months.map((_, i) => i * C + j);
      values[colTotal(j)] = parts.reduce((sum, p) => sum + values[p]!, 0);
      relations.push({ total: colTotal(j), parts });
    }
    values[grand] = months.reduce((sum, _, i) => sum + values[rowTotal(i)]!, 0);
    relations.push({ total: grand, parts: months.map((_, i) => rowTotal(i)) });
    relations.push({ total: grand, parts: areas.map((_, j) => colTotal(j)) });

    const pattern = protectTable({ values, relations }, threshold);
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++)
        if (pattern[i * C + j]) hidden.add(key('MONTH', months[i]!, areas[j]!, from, to));
      if (pattern[rowTotal(i)]) hidden.add(key('MONTH_ALL_CARE_AREAS', months[i]!, null, from, to));
    }
    for (let j = 0; j < C; j++) if (pattern[colTotal(j)]) hidden.add(key('YEAR', year, areas[j]!, from, to));
    if (pattern[grand]) hidden.add(key('YEAR_ALL_CARE_AREAS', year, null, from, to));
  }
  return {
    isSuppressed: (level, period, careArea, from, to) => hidden.has(key(level, period, careArea, from, to)),
    hiddenCells: hidden.size,
  };
}

/**
 * The flow tables as the suppression cache sees them. `write` appends exactly what `protectFlows`
 * reads from each record (from, to, month, care area as strings, count as a number), in input
 * order: keep the two in step, and bump the version when `protectFlows` changes its layout or rules.
 */
export const FLOW_TABLES: ProtectedTable<readonly SourceRecord[], FlowProtection> = {
  definition: 'hogspecialiserad-vard/patient-flow-tables/v1',
  write(records, digest) {
    for (const record of records) {
      digest.text(String(record.fromRegion), 0);
      digest.text(String(record.toRegion), 1);
      digest.text(String(record.month), 2);
      digest.text(String(record.careArea), 3);
      digest.number(Number(record.count));
    }
  },
  protect: protectFlows,
  tokens: (records) => records.length * 5,
};

/**
 * `protectFlows` through the server's suppression cache: reused while the source returns the same
 * array (file sources, until the file changes) or the same content (HTTP and PostgreSQL sources,
 * which return fresh arrays per request).
 */
export function cachedFlowProtection(
  cache: SuppressionCache,
  records: readonly SourceRecord[],
  threshold: number,
): FlowProtection {
  return cache.protect(FLOW_TABLES, records, threshold);
}
