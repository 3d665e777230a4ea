/**
 * Länskoder — the two-digit SCB county codes of Sweden's 21 regions, sorted.
 *
 * Source: data/reference/regions.json (`regions[].countyCode`; SCB codes as reproduced in
 * sjbrg/swedish-geodata data/counties.csv, see that file's `source` block). Kept as a constant so
 * that argument validation does not depend on which regions have a configured source;
 * test/kit/lanskoder.test.ts checks it against the reference file.
 */
export const LANSKODER: readonly string[] = Object.freeze([
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
]);

const KNOWN: ReadonlySet<string> = new Set(LANSKODER);

/** True when `code` is the länskod of one of the 21 regions. */
export function isRegionCode(code: unknown): code is string {
  return typeof code === 'string' && KNOWN.has(code);
}
