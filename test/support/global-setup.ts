import type { TestProject } from 'vitest/node';
import { ensureTestDataset } from './dataset.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatasetPath: string;
  }
}

/**
 * Generates the test dataset once and hands its folder to every worker, so a generator edited
 * during a run cannot make workers look for a folder (fingerprint) that was never generated.
 */
export default function setup(project: TestProject): void {
  project.provide('testDatasetPath', ensureTestDataset());
}
