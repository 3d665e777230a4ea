import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator } from '../types.js';

/** Dataset of the samverkan subgraph: real facts with their sources, plus labelled synthetic data. */
export const samverkanData: DomainGenerator = ({ reference }) => ({
  [NATIONAL]: {
    regions: reference.regions.map((r) => ({
      code: r.countyCode,
      name: r.officialName,
      source: 'data/reference/regions.json (SCB länskoder)',
      synthetic: false,
    })),
  },
});
