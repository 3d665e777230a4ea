import { badInput } from '../../core/errors.js';
import type { Backbone } from './backbone.js';

/** Argument checks of the samverkan subgraph: each names the argument and what it expects. */

const LANSKOD = /^\d{2}$/;
const KOMMUNKOD = /^\d{4}$/;

export function isLanskod(code: string): boolean {
  return LANSKOD.test(code);
}

export function isKommunkod(code: string): boolean {
  return KOMMUNKOD.test(code);
}

/** `region` lookup argument: must look like a länskod (an unknown but well-formed one gives null). */
export function lanskodArg(code: string, name = 'code'): string {
  if (!isLanskod(code))
    throw badInput(`${name} must be a länskod like "18" (two digits), got "${code}"`, name);
  return code;
}

export function kommunkodArg(code: string, name = 'code'): string {
  if (!isKommunkod(code)) {
    throw badInput(`${name} must be a kommunkod like "1864" (four digits), got "${code}"`, name);
  }
  return code;
}

/** `region` filter: a länskod of one of the 21 regions, or absent. */
export function regionFilter(data: Backbone, code: string | null | undefined, name = 'region') {
  if (code === null || code === undefined) return undefined;
  lanskodArg(code, name);
  if (!data.region.has(code)) {
    throw badInput(
      `${name} "${code}" is not the länskod of one of the 21 regions (${[...data.region.keys()].join(', ')})`,
      name,
    );
  }
  return code;
}

/** `healthcareRegion` argument: one of the six ids, or absent; an unknown id lists the valid ones. */
export function healthcareRegionFilter(
  data: Backbone,
  id: string | null | undefined,
  name = 'healthcareRegion',
) {
  if (id === null || id === undefined) return undefined;
  if (!data.healthcareRegion.has(id)) {
    throw badInput(
      `${name} "${id}" is not a sjukvårdsregion id; valid ids: ${[...data.healthcareRegion.keys()].join(', ')}`,
      name,
    );
  }
  return id;
}

export function yearArg(year: number | null | undefined, name = 'activeInYear'): number | undefined {
  if (year === null || year === undefined) return undefined;
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw badInput(`${name} must be a year from 1900 to 2100, got ${year}`, name);
  }
  return year;
}

/** Free-text name filter: 1–100 characters after trimming; compared case-insensitively. */
export function nameContainsArg(text: string | null | undefined, name = 'nameContains') {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw badInput(`${name} must be 1 to 100 characters (not only spaces)`, name);
  }
  return trimmed.toLocaleLowerCase('sv');
}

/** Slug ids (hospitals, agreements, bodies, plans): lower-case letters, digits and hyphens. */
export function slugArg(id: string, name = 'id'): string {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) {
    throw badInput(`${name} must be a slug of lower-case letters, digits and hyphens, got "${id}"`, name);
  }
  return id;
}
