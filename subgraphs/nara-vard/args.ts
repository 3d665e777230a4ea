import { indexBy, knownIdArg, kommunkodArg, type SubgraphContext } from '../kit/index.js';
import { as, type IndicatorRecord, type MunicipalityRecord } from './records.js';

/**
 * The nara-vard filter arguments that need its national data (the common checks — länskod, year,
 * source filter — are the kit's). Bad values fail with BAD_USER_INPUT naming them.
 */

/** Municipalities by kommunkod (SCB list in the national reference collection). */
export async function municipalities(ctx: SubgraphContext): Promise<ReadonlyMap<string, MunicipalityRecord>> {
  return indexBy(as<MunicipalityRecord>(await ctx.data.national('municipalities')), 'code');
}

/** A known kommunkod (SCB), or undefined when the filter is not given. */
export async function municipalityArg(
  ctx: SubgraphContext,
  value: string | null | undefined,
  name = 'municipality',
): Promise<MunicipalityRecord | undefined> {
  const code = kommunkodArg(value, name);
  if (code === undefined) return undefined;
  const known = await municipalities(ctx);
  knownIdArg(code, name, known, 'the kommunkod of a Swedish municipality');
  return known.get(code);
}

/** An id from the indicator catalogue, or undefined when the filter is not given. */
export async function indicatorArg(
  ctx: SubgraphContext,
  value: string | null | undefined,
  name = 'indicator',
) {
  if (value === null || value === undefined) return undefined;
  const catalogue = indexBy(as<IndicatorRecord>(await ctx.data.national('indicators')), 'id');
  return knownIdArg(value, name, catalogue, 'in the indicator catalogue');
}

/** The regions a fan-out reads: those the region and municipality filters name, or all (undefined). */
export function regionsNamed(
  region: string | undefined,
  municipality: MunicipalityRecord | undefined,
): string[] | undefined {
  const named = new Set([region, municipality?.regionCode].filter((r): r is string => r !== undefined));
  return named.size > 0 ? [...named] : undefined;
}
