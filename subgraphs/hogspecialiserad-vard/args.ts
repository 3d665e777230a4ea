import { badInput } from '../../core/errors.js';
import type { SubgraphContext } from '../kit/index.js';
import type { NationalData } from './national.js';

/** Validates an optional länskod argument against the regions that have a source. */
export function regionArg(ctx: SubgraphContext, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^\d{2}$/.test(value) || !ctx.data.regions().includes(value)) {
    throw badInput(
      `${name} must be a länskod like "18" (one of Sweden's 21 regions), got ${JSON.stringify(value)}`,
      name,
    );
  }
  return value;
}

export function yearArg(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2100) {
    throw badInput(`${name} must be a calendar year like 2024, got ${JSON.stringify(value)}`, name);
  }
  return value;
}

export function monthArg(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw badInput(`${name} must be a month as YYYY-MM, e.g. "2024-03", got ${JSON.stringify(value)}`, name);
  }
  return value;
}

/** Validates an id argument against a national collection (unknown ids are bad input, not empty pages). */
export function knownIdArg(
  national: NationalData,
  collection: 'careAreas' | 'hospitals' | 'healthcareRegions',
  name: string,
  value: unknown,
  example: string,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !national.byId(collection, value)) {
    throw badInput(`${name} must be a known id like "${example}", got ${JSON.stringify(value)}`, name);
  }
  return value;
}
