import type { SubgraphName } from '../core/subgraph-names.js';
import { module as forskning } from './forskning/index.js';
import { module as hogspecialiseradVard } from './hogspecialiserad-vard/index.js';
import type { SubgraphModule } from './kit/index.js';
import { module as kompetensforsorjning } from './kompetensforsorjning/index.js';
import { module as naraVard } from './nara-vard/index.js';
import { module as samverkan } from './samverkan/index.js';

/** Every domain subgraph of the hub, by name. */
export const MODULES: Readonly<Record<SubgraphName, SubgraphModule>> = {
  samverkan,
  'hogspecialiserad-vard': hogspecialiseradVard,
  kompetensforsorjning,
  forskning,
  'nara-vard': naraVard,
};
