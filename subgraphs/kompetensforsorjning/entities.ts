import { indexBy, nationalCollections, regionReference, type SubgraphContext } from '../kit/index.js';
import { healthcareRegionProgrammes } from './education-programmes.js';
import { regionStaffExchanges } from './staff-exchanges.js';
import { regionTrainingPosts } from './training-posts.js';
import { regionWorkforce } from './workforce.js';

/** The backbone entities (owned by samverkan) with this subgraph's fields; unknown keys → null. */

export const Region = {
  __resolveReference: regionReference,
  workforce: regionWorkforce,
  trainingPosts: regionTrainingPosts,
  staffExchanges: regionStaffExchanges,
};

export const HealthcareRegion = {
  __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => {
    // The programmes are read in the same batch as the key check (one national source call).
    const { healthcareRegions } = await nationalCollections(ctx, [
      'healthcareRegions',
      'educationProgrammes',
    ]);
    return indexBy(healthcareRegions, 'id').has(ref.id) ? { id: ref.id } : null;
  },
  educationProgrammes: healthcareRegionProgrammes,
};
