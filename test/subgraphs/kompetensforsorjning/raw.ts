import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANSKODER } from '../../../core/regions.js';
import { testDatasetPath } from '../../support/dataset.js';

/** The generated test dataset's records of this domain, read directly (to compare with answers). */
export function rawRecords(owner: string, collection: string): Array<Record<string, unknown>> {
  const path = join(testDatasetPath(), owner, 'kompetensforsorjning', `${collection}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Array<Record<string, unknown>>;
}

export const ALL_REGIONS = LANSKODER;
