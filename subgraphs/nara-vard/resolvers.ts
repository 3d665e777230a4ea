import type { SubgraphResolvers } from '../kit/index.js';
import { collaborationResolvers } from './collaborations.js';
import { distributionResolvers } from './distributions.js';
import { entityResolvers } from './entities.js';
import { indicatorResolvers } from './indicators.js';
import { primaryCareResolvers } from './primary-care.js';

const parts = [
  collaborationResolvers,
  primaryCareResolvers,
  indicatorResolvers,
  distributionResolvers,
  entityResolvers,
];

/** The nara-vard resolver map: the parts merged per type (each part owns distinct fields). */
export const resolvers: SubgraphResolvers = {};
for (const part of parts) {
  for (const [typename, fields] of Object.entries(part)) {
    resolvers[typename] = { ...(resolvers[typename] as object), ...(fields as object) } as never;
  }
}
