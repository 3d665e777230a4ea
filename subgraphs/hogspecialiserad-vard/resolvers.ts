import type { SubgraphResolvers } from '../kit/index.js';
import { entityResolvers } from './entities.js';
import { patientFlowResolvers } from './patient-flows.js';
import { queryResolvers } from './query.js';
import { recordResolvers } from './records.js';

export const resolvers = {
  Query: queryResolvers,
  ...entityResolvers,
  ...recordResolvers,
  ...patientFlowResolvers,
} as SubgraphResolvers;
