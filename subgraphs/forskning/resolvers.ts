import type { SubgraphResolvers } from '../kit/index.js';
import { entityResolvers } from './entities.js';
import { fundingQuery, fundingTypes } from './funding.js';
import { projectTypes } from './project-fields.js';
import { projectQuery } from './projects.js';
import { referenceQuery, referenceTypes } from './reference.js';
import { trialTypes } from './trial-fields.js';
import { trialQuery } from './trials.js';

/** The forskning subgraph's resolvers, one file per capability. */
export const resolvers: SubgraphResolvers = {
  Query: { ...referenceQuery, ...projectQuery, ...trialQuery, ...fundingQuery },
  ...entityResolvers,
  ...referenceTypes,
  ...projectTypes,
  ...trialTypes,
  ...fundingTypes,
};
