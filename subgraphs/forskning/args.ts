import { badInput } from '../../core/errors.js';
import type { SubgraphContext } from '../kit/index.js';
import type { NationalData } from './national.js';

/** Argument validation shared by the forskning resolvers: clear BAD_USER_INPUT errors. */

/** A länskod argument: two digits and one of the regions with a research source. */
export function regionArg(ctx: SubgraphContext, value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^\d{2}$/.test(value)) {
    throw badInput(`${name} must be a länskod like "18", got ${JSON.stringify(value)}`, name);
  }
  if (!ctx.data.regions().includes(value)) {
    throw badInput(`${name} "${value}" is not the länskod of one of Sweden's 21 regions`, name);
  }
  return value;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function yearArg(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    throw badInput(`${name} must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${value}`, name);
  }
  return value;
}

export function universityArg(national: NationalData, value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !national.universityById.has(value)) {
    const known = [...national.universityById.keys()].sort().join(', ');
    throw badInput(`${name} must be a university id (one of ${known}), got ${JSON.stringify(value)}`, name);
  }
  return value;
}

export function healthcareRegionArg(
  national: NationalData,
  value: unknown,
  name: string,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !national.healthcareRegionById.has(value)) {
    const known = [...national.healthcareRegionById.keys()].sort().join(', ');
    throw badInput(
      `${name} must be a healthcare region id (one of ${known}), got ${JSON.stringify(value)}`,
      name,
    );
  }
  return value;
}
