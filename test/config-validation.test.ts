import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveConfig, subgraphUrl } from '../config/index.js';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('hub configuration', () => {
  it('resolves every default in one place, on loopback', () => {
    const config = resolveConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.gateway.port).toBe(4000);
    expect(config.subgraphs.samverkan.port).toBe(4001);
    expect(config.subgraphs['nara-vard'].port).toBe(4005);
    expect(config.privacy.suppressionThreshold).toBe(5);
    expect(config.data.scale).toBe('small');
    expect(config.mode).toBe('development');
    expect(subgraphUrl(config, 'forskning')).toBe('http://127.0.0.1:4004/graphql');
  });

  it('applies file, then environment, then explicit overrides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vardnav-config-'));
    const file = join(dir, 'hub.json');
    writeFileSync(file, JSON.stringify({ gateway: { port: 5000 }, privacy: { suppressionThreshold: 10 } }));
    const config = loadConfig({
      file,
      env: { VARDNAV_GATEWAY_PORT: '5100', VARDNAV_SAMVERKAN_URL: 'http://10.1.2.3:9000/graphql' },
      overrides: [[['data', 'scale'], 'large']],
    });
    expect(config.gateway.port).toBe(5100);
    expect(config.privacy.suppressionThreshold).toBe(10);
    expect(config.data.scale).toBe('large');
    expect(subgraphUrl(config, 'samverkan')).toBe('http://10.1.2.3:9000/graphql');
  });

  it('NODE_ENV=production selects production mode unless the mode is set', () => {
    expect(loadConfig({ env: { NODE_ENV: 'production' } }).mode).toBe('production');
    expect(loadConfig({ env: { NODE_ENV: 'production', VARDNAV_MODE: 'development' } }).mode).toBe(
      'development',
    );
  });

  it('reports one clear message per problem with its path', () => {
    const problems = problemsOf(() =>
      loadConfig({
        env: { VARDNAV_GATEWAY_PORT: 'abc', VARDNAV_FORSKNING_URL: 'ftp://x' },
        overrides: [
          [['privacy', 'suppressionThreshold'], 0],
          [['subgraphs', 'nope'], {}],
        ],
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.some((p) => p.startsWith('gateway.port:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('subgraphs.forskning.url: not an http(s) URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('privacy.suppressionThreshold:'))).toBe(true);
    expect(problems.some((p) => p.includes('nope'))).toBe(true);
  });

  it('names an unreadable or malformed config file', () => {
    expect(problemsOf(() => loadConfig({ file: '/no/such/hub.json' }))[0]).toMatch(
      /^\/no\/such\/hub\.json: cannot read/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'vardnav-config-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "gateway": ');
    expect(problemsOf(() => loadConfig({ file: bad }))[0]).toMatch(/bad\.json: not valid JSON/);
    writeFileSync(bad, '[1, 2]');
    expect(problemsOf(() => loadConfig({ file: bad }))[0]).toMatch(/top level must be a JSON object/);
  });

  it('takes the JWKS URL from the environment, and refuses an issuer without keys', () => {
    const config = loadConfig({ env: { VARDNAV_JWKS_URL: 'https://idp.example/.well-known/jwks.json' } });
    expect(config.security.jwt?.jwksUrl).toBe('https://idp.example/.well-known/jwks.json');
    expect(
      problemsOf(() => loadConfig({ env: { VARDNAV_JWT_ISSUER: 'https://idp.example' } })).join(' '),
    ).toMatch(/VARDNAV_JWT_ISSUER/);
  });
});
