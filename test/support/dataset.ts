import { inject } from 'vitest';
import { projectPath } from '../../core/paths.js';
import { type DatasetOptions, datasetPath, ensureDataset } from '../../datagen/generate.js';
import { embeddedRegistry, type MapSourceRegistry } from '../../subgraphs/kit/index.js';

/** The small default dataset, generated once per test run by the global setup. */
export const TEST_DATASET: DatasetOptions = {
  scale: 'small',
  seed: 20_210_101,
  dir: projectPath('var', 'test-datasets'),
};

export function testDatasetPath(): string {
  try {
    return inject('testDatasetPath');
  } catch {
    return datasetPath(TEST_DATASET); // outside a vitest worker
  }
}

export function ensureTestDataset(): string {
  return ensureDataset(TEST_DATASET).path;
}

/** A fresh registry over the test dataset (file sources). */
export function testRegistry(): MapSourceRegistry {
  return embeddedRegistry(testDatasetPath());
}
