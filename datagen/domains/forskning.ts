import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator, DomainOutput } from '../types.js';
import { nationalCollections } from './forskning/national.js';
import { participants } from './forskning/participants.js';
import { researchProjects } from './forskning/projects.js';
import { PROJECTS, TRIALS } from './forskning/records.js';
import { clinicalTrials } from './forskning/trials.js';

/**
 * Dataset of the forskning subgraph. National (real, public, with sources): universities, medical
 * faculties, ALF regions, regional cancer centres, research strategies. Per region (SYNTHETIC,
 * labelled): the research projects and clinical trials the region leads.
 */
export const forskningData: DomainGenerator = (context) => {
  const national = nationalCollections(context.reference);
  const who = participants(context.reference, national.universities);
  const alfRegions = new Set(national.alfRegions.map((a) => a.regionCode));
  const output: DomainOutput = { [NATIONAL]: national };
  for (const region of context.reference.regions) {
    output[region.countyCode] = {
      [PROJECTS]: researchProjects(context, region.countyCode, who, alfRegions),
      [TRIALS]: clinicalTrials(context, region.countyCode, who),
    };
  }
  return output;
};
