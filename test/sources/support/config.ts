import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../../config/index.js';
import { createLogger, type Logger } from '../../../core/log.js';
import {
  type ConfiguredRegistry,
  registryFromConfig,
} from '../../../subgraphs/kit/sources/config-registry.js';

/** Fast limits for tests: short timeouts, quick retries, small bodies. */
export const FAST_HTTP = {
  connectTimeoutMs: 500,
  headersTimeoutMs: 400,
  bodyTimeoutMs: 400,
  totalTimeoutMs: 3_000,
  retries: 1,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 20,
  maxResponseBytes: 256 * 1024,
};

/** A registry built the way the hub builds it: config → schema → registryFromConfig. */
export function registryOf(
  sources: Record<string, unknown>,
  options: { env?: Record<string, string>; datasetPath?: string; now?: () => number; logger?: Logger } = {},
): ConfiguredRegistry {
  const config = resolveConfig({ sources: { fallback: 'none', ...sources } });
  return registryFromConfig(config, {
    datasetPath: options.datasetPath ?? mkdtempSync(join(tmpdir(), 'vardnav-empty-')),
    env: options.env ?? {},
    now: options.now,
    random: () => 0.5,
    logger: options.logger,
  });
}

/** A logger that keeps its lines, to check that secrets never reach the logs. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger('debug', {}, (line) => lines.push(line)), lines };
}

export const ALL_REGIONS = [
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13',
  '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
] as const; // biome-ignore format: one row reads better
