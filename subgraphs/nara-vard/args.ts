import { badInput } from '../../core/errors.js';
import type { SubgraphContext } from '../kit/index.js';
import { as, type IndicatorRecord, type MunicipalityRecord } from './records.js';

/** Validation of the nara-vard filter arguments: bad values fail with BAD_USER_INPUT naming them. */

function shown(value: unknown): string {
  return JSON.stringify(String(value).slice(0, 24));
}

/** A länskod of one of the regions with a source, or undefined when the filter is not given. */
export function regionArg(ctx: SubgraphContext, value: string | null | undefined, name = 'region') {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{2}$/.test(value))
    throw badInput(`${name} must be a länskod like "18", got ${shown(value)}`, name);
  if (!ctx.data.regions().includes(value)) {
    throw badInput(`${name} ${shown(value)} is not the länskod of one of the 21 regions`, name);
  }
  return value;
}

/** A known kommunkod (SCB), or undefined when the filter is not given. */
export async function municipalityArg(
  ctx: SubgraphContext,
  value: string | null | undefined,
  name = 'municipality',
): Promise<MunicipalityRecord | undefined> {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) {
    throw badInput(`${name} must be a four-digit kommunkod like "1864", got ${shown(value)}`, name);
  }
  const found = as<MunicipalityRecord>(await ctx.data.national('municipalities')).find(
    (m) => m.code === value,
  );
  if (!found) throw badInput(`${name} ${shown(value)} is not the kommunkod of a Swedish municipality`, name);
  return found;
}

export function yearArg(value: number | null | undefined, name = 'year') {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1900 || value > 2100) {
    throw badInput(`${name} must be a year from 1900 to 2100, got ${value}`, name);
  }
  return value;
}

/** An id from the indicator catalogue, or undefined when the filter is not given. */
export async function indicatorArg(
  ctx: SubgraphContext,
  value: string | null | undefined,
  name = 'indicator',
) {
  if (value === null || value === undefined) return undefined;
  const ids = as<IndicatorRecord>(await ctx.data.national('indicators')).map((i) => i.id);
  if (!ids.includes(value)) {
    throw badInput(`${name} ${shown(value)} is not in the indicator catalogue (${ids.join(', ')})`, name);
  }
  return value;
}

/** The equality filter of the given values only (undefined ones left out). */
export function filterOf(values: Record<string, string | number | undefined>) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
}
