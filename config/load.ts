import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { SUBGRAPHS } from '../core/subgraph-names.js';
import { type HubConfig, type HubConfigInput, HubConfigSchema } from './schema.js';

/** A configuration that cannot be used; `problems` holds one line per problem, with its path. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid hub configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Environment overrides: variable → config path. Numbers are parsed; a value that is not a
 * number is reported by the schema under the config path it overrides.
 */
const ENV_OVERRIDES: ReadonlyArray<readonly [string, readonly string[], 'string' | 'number']> = [
  ['VARDNAV_MODE', ['mode'], 'string'],
  ['VARDNAV_HOST', ['host'], 'string'],
  ['VARDNAV_GATEWAY_PORT', ['gateway', 'port'], 'number'],
  ['VARDNAV_SUPERGRAPH', ['gateway', 'supergraph'], 'string'],
  ['VARDNAV_SUPPRESSION_THRESHOLD', ['privacy', 'suppressionThreshold'], 'number'],
  ['VARDNAV_DATA_SCALE', ['data', 'scale'], 'string'],
  ['VARDNAV_DATA_DIR', ['data', 'dir'], 'string'],
  ['VARDNAV_LOG_LEVEL', ['log', 'level'], 'string'],
  // Bearer tokens: a JWKS URL alone is a complete `security.jwt` (everything else has defaults).
  ['VARDNAV_JWKS_URL', ['security', 'jwt', 'jwksUrl'], 'string'],
  ['VARDNAV_JWT_ISSUER', ['security', 'jwt', 'issuer'], 'string'],
  ['VARDNAV_JWT_AUDIENCE', ['security', 'jwt', 'audience'], 'string'],
  ...SUBGRAPHS.flatMap((s) => {
    const envName = s.name.toUpperCase().replaceAll('-', '_');
    return [
      [`VARDNAV_${envName}_PORT`, ['subgraphs', s.name, 'port'], 'number'],
      [`VARDNAV_${envName}_URL`, ['subgraphs', s.name, 'url'], 'string'],
    ] as const;
  }),
];

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function envValue(raw: string, kind: 'string' | 'number'): unknown {
  if (kind === 'string') return raw;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
}

/** Issuer or audience from the environment need keys (a JWKS URL or the file's publicKeys). */
function keysForJwtOverrides(merged: Record<string, unknown>, env: Env): void {
  const jwt = (merged.security as { jwt?: { jwksUrl?: unknown; publicKeys?: unknown } } | undefined)?.jwt;
  if (!jwt || jwt.jwksUrl !== undefined || jwt.publicKeys !== undefined) return;
  const given = ['VARDNAV_JWT_ISSUER', 'VARDNAV_JWT_AUDIENCE'].filter((name) => env[name]);
  throw new ConfigError([
    `security.jwt: ${given.join(' and ')} set${given.length === 1 ? 's' : ''} the token issuer/audience but no keys: set VARDNAV_JWKS_URL or security.jwt.publicKeys`,
  ]);
}

/** Reads the optional config file (JSON). Problems are reported, not thrown raw. */
export function readConfigFile(path: string): HubConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return JSON.parse(text) as HubConfigInput;
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${where}: ${issue.message}`;
  });
}

/** Validates a raw config object and resolves every default. */
export function resolveConfig(input: unknown): HubConfig {
  const result = HubConfigSchema.safeParse(input ?? {});
  if (!result.success) throw new ConfigError(formatIssues(result.error));
  return result.data;
}

export interface LoadConfigOptions {
  /** Config file path; falls back to env VARDNAV_CONFIG; none means defaults only. */
  file?: string | undefined;
  env?: Env;
  /** Extra values applied last (CLI flags). */
  overrides?: ReadonlyArray<readonly [readonly string[], unknown]>;
}

/** File, then environment, then explicit overrides; validated once. Called by CLIs only. */
export function loadConfig(options: LoadConfigOptions = {}): HubConfig {
  const env = options.env ?? {};
  const file = options.file ?? env.VARDNAV_CONFIG;
  const raw: unknown = file ? readConfigFile(file) : {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError([`${file}: the top level must be a JSON object`]);
  }
  const merged = structuredClone(raw) as Record<string, unknown>;
  for (const [name, path, kind] of ENV_OVERRIDES) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(merged, path, envValue(value, kind));
  }
  keysForJwtOverrides(merged, env);
  if (env.NODE_ENV === 'production' && env.VARDNAV_MODE === undefined && merged.mode === undefined) {
    merged.mode = 'production';
  }
  for (const [path, value] of options.overrides ?? []) setPath(merged, path, value);
  return resolveConfig(merged);
}
