import { knownIdArg } from '../kit/index.js';
import type { NationalData } from './national.js';

const KNOWN = {
  careAreas: 'a known care area id',
  hospitals: 'a known hospital id',
  healthcareRegions: 'a known healthcare region id',
} as const;

/** An id argument that must name a record of a national collection (unknown ids are bad input). */
export function nationalIdArg(
  national: NationalData,
  collection: keyof typeof KNOWN,
  value: unknown,
  name: string,
): string | undefined {
  return knownIdArg(value, name, national.index(collection), KNOWN[collection]);
}
