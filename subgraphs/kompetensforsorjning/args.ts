import { badInput } from '../../core/errors.js';
import type { SourceFilter, SubgraphContext } from '../kit/index.js';

/** Argument checks shared by the kompetensforsorjning resolvers; each names the bad argument. */

function shown(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

export function checkYear(year: number | null | undefined): void {
  if (year === null || year === undefined) return;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    throw badInput(`year must be a calendar year from 1990 to 2100, got ${shown(year)}`, 'year');
  }
}

/** A länskod of one of the regions with a source in this subgraph. */
export function checkRegion(
  ctx: SubgraphContext,
  code: string | null | undefined,
  argumentName = 'region',
): void {
  if (code === null || code === undefined) return;
  if (!/^\d{2}$/.test(code) || !ctx.data.regions().includes(code)) {
    throw badInput(
      `${argumentName} must be the länskod of one of the 21 regions, like "18", got ${shown(code)}`,
      argumentName,
    );
  }
}

/** An id slug ("lakare", "ortopedi", "sodra"): lower-case ASCII letters, digits and hyphens. */
export function checkSlug(value: string, argumentName: string, example: string): void {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(value)) {
    throw badInput(`${argumentName} must be an id like "${example}", got ${shown(value)}`, argumentName);
  }
}

/** An equality filter for a source, without the arguments that were not given. */
export function filterOf(
  entries: Record<string, string | number | boolean | null | undefined>,
): SourceFilter | undefined {
  const kept = Object.entries(entries).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined,
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
