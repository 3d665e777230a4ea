import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatasetPath } from '../support/dataset.js';
import type { TestSubgraph } from '../support/subgraph.js';
import type { Sum } from './audit.js';

/** Patient-flow tables as an attacker sees them (through GraphQL) and as they really are (files). */

export const LEVELS = ['MONTH', 'YEAR', 'MONTH_ALL_CARE_AREAS', 'YEAR_ALL_CARE_AREAS'] as const;
export type Level = (typeof LEVELS)[number];

export interface ServedCell {
  period: string;
  careArea: { id: string } | null;
  fromRegion: { code: string };
  toRegion: { code: string };
  count: number | null;
  suppressed: boolean;
}
export const SERVED = 'period careArea { id } fromRegion { code } toRegion { code } count suppressed';

/** Cell key: level, period, care area ('' when summed), from, to. */
export const keyOf = (level: Level, c: ServedCell) =>
  `${level}|${c.period}|${c.careArea?.id ?? ''}|${c.fromRegion.code}|${c.toRegion.code}`;

/** Every cell of one level into `toRegion`, page by page (bounded: at most 20 pages). */
export async function fetchLevel(server: TestSubgraph, level: Level, toRegion: string, extra = '') {
  const cells: ServedCell[] = [];
  for (let page = 0; page < 20; page++) {
    const result = await server.query<{
      patientFlows: { totalCount: number; hasNextPage: boolean; items: ServedCell[] };
    }>(
      `{ patientFlows(level: ${level}, toRegion: "${toRegion}", first: 1000, offset: ${page * 1000}${extra}) {
        totalCount hasNextPage items { ${SERVED} } } }`,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    cells.push(...result.data!.patientFlows.items);
    if (!result.data!.patientFlows.hasNextPage) return cells;
  }
  throw new Error('more than 20 pages');
}

/** Published value per key (null when hidden) for all four levels into `toRegion`. */
export async function publishedInto(
  server: TestSubgraph,
  toRegion: string,
): Promise<Map<string, number | null>> {
  const published = new Map<string, number | null>();
  for (const level of LEVELS) {
    for (const cell of await fetchLevel(server, level, toRegion)) {
      published.set(keyOf(level, cell), cell.suppressed ? null : cell.count);
    }
  }
  return published;
}

interface RawFlow {
  month: string;
  careArea: string;
  fromRegion: string;
  toRegion: string;
  count: number;
}

/** The true values of every published cell into `toRegion`, summed from the raw dataset file. */
export function truthInto(toRegion: string): Map<string, number> {
  const file = join(testDatasetPath(), toRegion, 'hogspecialiserad-vard', 'patientFlows.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawFlow[];
  const truth = new Map<string, number>();
  const add = (key: string, n: number) => truth.set(key, (truth.get(key) ?? 0) + n);
  for (const r of raw) {
    const [y, pair] = [r.month.slice(0, 4), `${r.fromRegion}|${r.toRegion}`];
    add(`MONTH|${r.month}|${r.careArea}|${pair}`, r.count);
    add(`YEAR|${y}|${r.careArea}|${pair}`, r.count);
    add(`MONTH_ALL_CARE_AREAS|${r.month}||${pair}`, r.count);
    add(`YEAR_ALL_CARE_AREAS|${y}||${pair}`, r.count);
  }
  return truth;
}

/**
 * The sums the schema publishes, per (from, to, year) table: each month's care areas add up to
 * MONTH_ALL_CARE_AREAS, each care area's months to YEAR, and both margins to YEAR_ALL_CARE_AREAS.
 */
export function tableSums(keys: Iterable<string>): Map<string, Sum[]> {
  const monthly = [...keys].filter((k) => k.startsWith('MONTH|'));
  const tables = new Map<string, { months: Set<string>; areas: Set<string> }>();
  for (const k of monthly) {
    const [, month, area, from, to] = k.split('|') as [string, string, string, string, string];
    const id = `${from}|${to}|${month.slice(0, 4)}`;
    const t = tables.get(id) ?? { months: new Set(), areas: new Set() };
    t.months.add(month);
    t.areas.add(area);
    tables.set(id, t);
  }
  const sums = new Map<string, Sum[]>();
  for (const [id, { months, areas }] of tables) {
    const [from, to, year] = id.split('|') as [string, string, string];
    const pair = `${from}|${to}`;
    const list: Sum[] = [];
    for (const m of months)
      list.push({
        total: `MONTH_ALL_CARE_AREAS|${m}||${pair}`,
        parts: [...areas].map((a) => `MONTH|${m}|${a}|${pair}`),
      });
    for (const a of areas)
      list.push({
        total: `YEAR|${year}|${a}|${pair}`,
        parts: [...months].map((m) => `MONTH|${m}|${a}|${pair}`),
      });
    const grand = `YEAR_ALL_CARE_AREAS|${year}||${pair}`;
    list.push({ total: grand, parts: [...months].map((m) => `MONTH_ALL_CARE_AREAS|${m}||${pair}`) });
    list.push({ total: grand, parts: [...areas].map((a) => `YEAR|${year}|${a}|${pair}`) });
    sums.set(id, list);
  }
  return sums;
}

/** The published values restricted to the cells of some sums. */
export function restrict(published: ReadonlyMap<string, number | null>, sums: readonly Sum[]) {
  const keys = new Set(sums.flatMap((s) => [s.total, ...s.parts]));
  return new Map([...keys].map((k) => [k, published.get(k)!] as const));
}
