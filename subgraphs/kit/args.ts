import { badInput } from '../../core/errors.js';
import { isRegionCode, LANSKODER } from '../../core/regions.js';
import type { SourceFilter } from './sources/types.js';

/**
 * Argumentkontroll — the argument checks every subgraph shares. Each takes the value and the
 * argument's name; an absent value (null/undefined) gives undefined, a bad one a BAD_USER_INPUT
 * error naming the argument and the valid form. Wrong form reads "<name> must be …"; a well-formed
 * value that names nothing known reads "<name> "<value>" is not …".
 */

/** The value as shown in a message: quoted and cut short (never the whole of a long input). */
export function shown(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

const TWO_DIGITS = /^\d{2}$/;
const FOUR_DIGITS = /^\d{4}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Looks like a länskod (two digits); an unknown but well-formed code passes (lookups answer null). */
export function lanskodFormatArg(value: string, name: string): string;
export function lanskodFormatArg(value: unknown, name: string): string | undefined;
export function lanskodFormatArg(value: unknown, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !TWO_DIGITS.test(value)) {
    throw badInput(`${name} must be a länskod like "18" (two digits), got ${shown(value)}`, name);
  }
  return value;
}

/** The länskod of one of the 21 regions (core/regions.ts), whatever sources are configured. */
export function regionCodeArg(value: string, name: string): string;
export function regionCodeArg(value: unknown, name: string): string | undefined;
export function regionCodeArg(value: unknown, name: string): string | undefined {
  const code = lanskodFormatArg(value, name);
  if (code !== undefined && !isRegionCode(code)) {
    throw badInput(
      `${name} ${shown(code)} is not the länskod of one of the 21 regions (${LANSKODER.join(', ')})`,
      name,
    );
  }
  return code;
}

/** Looks like a kommunkod (four digits). */
export function kommunkodArg(value: string, name: string): string;
export function kommunkodArg(value: unknown, name: string): string | undefined;
export function kommunkodArg(value: unknown, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !FOUR_DIGITS.test(value)) {
    throw badInput(`${name} must be a four-digit kommunkod like "1864", got ${shown(value)}`, name);
  }
  return value;
}

/** A calendar year, by default from 1900 to 2100. */
export function yearArg(value: unknown, name: string, range = { from: 1900, to: 2100 }): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.from || value > range.to) {
    throw badInput(
      `${name} must be a calendar year from ${range.from} to ${range.to}, got ${shown(value)}`,
      name,
    );
  }
  return value;
}

/** A month as YYYY-MM. */
export function monthArg(value: unknown, name: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !MONTH.test(value)) {
    throw badInput(`${name} must be a month as YYYY-MM, e.g. "2024-03", got ${shown(value)}`, name);
  }
  return value;
}

/** A slug id (lower-case letters, digits and hyphens), e.g. "sahlgrenska", "lakare". */
export function slugArg(value: string, name: string, example: string): string;
export function slugArg(value: unknown, name: string, example: string): string | undefined;
export function slugArg(value: unknown, name: string, example: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !SLUG.test(value)) {
    throw badInput(
      `${name} must be an id like "${example}" (a slug of lower-case letters, digits and hyphens), got ${shown(value)}`,
      name,
    );
  }
  return value;
}

/** The ids a lookup knows: a Map by id or a Set of ids. */
export interface KnownIds {
  has(id: string): boolean;
  keys(): Iterable<unknown>;
}

/**
 * An id that `known` holds; an unknown one is bad input (not an empty answer) and the message lists
 * the valid ids (the first 25 of a long list). `what` completes "<name> "<value>" is not …".
 */
export function knownIdArg(value: unknown, name: string, known: KnownIds, what: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !known.has(value)) {
    const ids = [...known.keys()].map(String).sort();
    const list =
      ids.length > 25 ? `${ids.slice(0, 25).join(', ')}, … (${ids.length} in all)` : ids.join(', ');
    throw badInput(`${name} ${shown(value)} is not ${what} (valid ids: ${list})`, name);
  }
  return value;
}

/** The equality filter of the given arguments only (null and undefined left out); none → undefined. */
export function filterOf(
  entries: Record<string, string | number | boolean | null | undefined>,
): SourceFilter | undefined {
  const kept = Object.entries(entries).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined,
  );
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
