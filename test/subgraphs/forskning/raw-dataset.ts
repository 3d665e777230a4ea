import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ClinicalTrialRecord,
  ResearchProjectRecord,
} from '../../../datagen/domains/forskning/records.js';
import { loadReference } from '../../../datagen/reference.js';
import { testDatasetPath } from '../../support/dataset.js';

/** The raw generated records of the test dataset, read straight from its files (the test oracle). */
function read<T>(collection: string): T[] {
  return loadReference().regions.flatMap(
    (r) =>
      JSON.parse(
        readFileSync(join(testDatasetPath(), r.countyCode, 'forskning', `${collection}.json`), 'utf8'),
      ) as T[],
  );
}

export const rawProjects = () => read<ResearchProjectRecord>('researchProjects');
export const rawTrials = () => read<ClinicalTrialRecord>('clinicalTrials');

/** Start year, then id: the documented order of projects and trials. */
export function byStartThenId(a: { startYear: number; id: string }, b: { startYear: number; id: string }) {
  return a.startYear - b.startYear || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
