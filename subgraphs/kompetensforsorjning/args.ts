import { yearArg } from '../kit/index.js';

/**
 * The `year` argument of the workforce lists: a calendar year from 1990 (the other checks —
 * länskod, slug, known id, source filter — are the kit's).
 */
export function checkYear(year: number | null | undefined): void {
  yearArg(year, 'year', { from: 1990, to: 2100 });
}
