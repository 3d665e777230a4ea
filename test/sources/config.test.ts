import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig } from '../../config/index.js';
import { projectPath } from '../../core/paths.js';
import { registryFromConfig } from '../../subgraphs/kit/sources/config-registry.js';
import { testDatasetPath } from '../support/dataset.js';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('sources configuration', () => {
  it('defaults to the embedded dataset, with every setting resolved in one place', () => {
    const { sources } = resolveConfig({});
    expect(sources.fallback).toBe('embedded');
    expect(sources.defaults.http).toMatchObject({ retries: 2, concurrency: 4, connectTimeoutMs: 2_000 });
    expect(sources.defaults.postgres).toMatchObject({ statementTimeoutMs: 8_000, queryTimeoutMs: 10_000 });
    const registry = registryFromConfig(resolveConfig({}), { datasetPath: testDatasetPath(), env: {} });
    expect(registry.regionsFor('nara-vard')).toHaveLength(21);
    expect(registry.get('samverkan', 'national')?.kind).toBe('file');
  });

  it('merges defaults into each source; per-source settings win', () => {
    const { sources } = resolveConfig({
      sources: {
        defaults: { http: { retries: 4 } },
        regions: {
          '18': {
            naraVard: { kind: 'http', url: 'https://api.example.se/vardnav', http: { concurrency: 2 } },
          },
        },
      },
    });
    expect(sources.regions['18']!.naraVard).toMatchObject({
      kind: 'http',
      http: { retries: 4, concurrency: 2, bodyTimeoutMs: 5_000 },
      breaker: { failureThreshold: 5 },
    });
  });

  it('reports one clear message per problem with its path in the file', () => {
    const problems = problemsOf(() =>
      resolveConfig({
        sources: {
          regions: {
            '18': { naraVard: { kind: 'http', url: 'not-a-url', token: 'abc' } },
            '99': {},
            '12': { akutvard: { kind: 'file', dir: 'x' } },
            '01': {
              forskning: { kind: 'ftp' },
              kompetensforsorjning: { kind: 'postgres', connection: { host: 'db', password: 'hunter2' } },
            },
            '03': { samverkan: { kind: 'http', url: 'https://user:pw@api.example.se' } },
          },
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources.regions.18.naraVard.url: not a URL',
        'sources.regions.18.naraVard.token: secrets are never written in the file: name an environment variable in tokenEnv',
        'sources.regions.99: not a länskod (01, 03, … 25)',
        'sources.regions.12: Unrecognized key: "akutvard"',
        'sources.regions.01.forskning.kind: kind must be one of file, http, postgres, kolada, embedded',
        'sources.regions.01.kompetensforsorjning.connection.password: secrets are never written in the file: name an environment variable in passwordEnv',
        'sources.regions.01.kompetensforsorjning.connection.database: required (or set urlEnv)',
        'sources.regions.03.samverkan.url: credentials in the URL are not allowed; use tokenEnv',
      ]),
    );
    // No message repeats a secret value.
    expect(problems.join('\n')).not.toMatch(/hunter2|abc|pw@/);
  });

  it('refuses to start (one ConfigError) when named environment variables are missing', () => {
    const config = resolveConfig({
      sources: {
        regions: {
          '18': { naraVard: { kind: 'http', url: 'https://api.example.se', tokenEnv: 'R18_TOKEN' } },
          '12': {
            kompetensforsorjning: {
              kind: 'postgres',
              connection: {
                host: 'db.example.se',
                database: 'dw',
                user: 'hub',
                passwordEnv: 'R12_PG_PASSWORD',
              },
            },
          },
        },
      },
    });
    expect(problemsOf(() => registryFromConfig(config, { datasetPath: testDatasetPath(), env: {} }))).toEqual(
      [
        'sources.regions.12.kompetensforsorjning.connection.passwordEnv: environment variable R12_PG_PASSWORD is not set',
        'sources.regions.18.naraVard.tokenEnv: environment variable R18_TOKEN is not set',
      ],
    );
  });

  it('every example hub config file validates', () => {
    const dir = projectPath('examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(() => loadConfig({ file: join(dir, file) }), file).not.toThrow();
      expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).toHaveProperty('sources');
    }
  });
});
