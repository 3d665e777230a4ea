import type { SubgraphResolvers } from '../kit/index.js';

export const resolvers: SubgraphResolvers = {};
