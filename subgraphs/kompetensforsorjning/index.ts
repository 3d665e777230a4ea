import type { SubgraphModule } from '../kit/index.js';
import { resolvers } from './resolvers.js';

export const module: SubgraphModule = { name: 'kompetensforsorjning', resolvers };
