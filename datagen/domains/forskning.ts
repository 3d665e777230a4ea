import type { DomainGenerator } from '../types.js';

/** Dataset of the forskning subgraph: real facts with their sources, plus labelled synthetic data. */
export const forskningData: DomainGenerator = () => ({});
