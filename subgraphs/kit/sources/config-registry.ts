import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type Env, type HubConfig } from '../../../config/index.js';
import {
  REGION_CODES,
  type ResolvedSourceSpec,
  type SourcesConfig,
  subgraphOfDomainKey,
} from '../../../config/sources.js';
import { type Logger, silentLogger } from '../../../core/log.js';
import { loadReference } from '../../../datagen/reference.js';
import { BreakerSource } from './breaker.js';
import { FileSource } from './file-source.js';
import { HttpSource } from './http/http-source.js';
import { HttpPools } from './http/pools.js';
import { KoladaSource } from './kolada/kolada-source.js';
import { kpiProblem } from './kolada/kpis.js';
import { PgPools } from './postgres/pools.js';
import { PostgresSource } from './postgres/postgres-source.js';
import { inferShape, mergeShape, type RecordShape } from './records.js';
import { embeddedRegistry, MapSourceRegistry } from './registry.js';
import { RoutedSource } from './routed-source.js';
import { NATIONAL, type RegionSource } from './types.js';

export interface RegistryFromConfigOptions {
  /** The generated embedded dataset (needed when `sources.fallback` is `embedded` or a source is). */
  readonly datasetPath?: string | undefined;
  /** Where secrets named in the file are read from (the CLI passes process.env). */
  readonly env: Env;
  readonly logger?: Logger;
  /** Clock and jitter, for tests. */
  readonly now?: () => number;
  readonly random?: () => number;
}

/** One configured (domain, owner) source, described without secrets (for logs and /health). */
export interface SourceDescription {
  readonly domain: string;
  readonly owner: string;
  readonly kind: string;
  readonly target: string;
}

/** The registry the hub runs on; `close()` ends its HTTP and database pools. */
export class ConfiguredRegistry extends MapSourceRegistry {
  constructor(
    sources: ReadonlyMap<string, ReadonlyMap<string, RegionSource>>,
    readonly descriptions: readonly SourceDescription[],
    readonly close: () => Promise<void>,
  ) {
    super(sources);
  }
}

const substitute = (template: string, owner: string) =>
  template.replaceAll('{region}', owner).replaceAll('{koladaId}', `00${owner}`);

/**
 * Builds the hub's source registry from the `sources` section: the fallback (embedded dataset)
 * first, then `allRegions`, `regions` and `national` entries on top. Secrets are read from the
 * environment variables the file names; every missing one is reported (with its path in the
 * file) in one ConfigError, so the hub refuses to start rather than half-start.
 */
export function registryFromConfig(
  config: HubConfig,
  options: RegistryFromConfigOptions,
): ConfiguredRegistry {
  const sources: SourcesConfig = config.sources;
  const logger = options.logger ?? silentLogger;
  const problems: string[] = [];
  const needsDataset =
    sources.fallback === 'embedded' || JSON.stringify(sources).includes('"kind":"embedded"');
  if (needsDataset && (!options.datasetPath || !existsSync(options.datasetPath))) {
    throw new ConfigError([
      `sources.fallback: the embedded dataset folder ${options.datasetPath} does not exist`,
    ]);
  }
  const datasetPath = options.datasetPath ?? '';
  const embedded = needsDataset ? embeddedRegistry(datasetPath) : new MapSourceRegistry(new Map());
  const map = new Map<string, Map<string, RegionSource>>();
  if (sources.fallback === 'embedded')
    for (const [domain, owners] of embedded.sources) map.set(domain, new Map(owners));
  const httpPools = new HttpPools();
  const pgPools = new PgPools((error) =>
    logger.warn('database connection dropped', { error: error.message }),
  );
  const descriptions: SourceDescription[] = [];
  const shapes = shapeFinder(datasetPath);

  const secret = (name: string | undefined, path: string): string | undefined => {
    if (!name) return undefined;
    const value = options.env[name];
    if (value === undefined || value === '') {
      problems.push(`${path}: environment variable ${name} is not set`);
      return undefined;
    }
    return value;
  };

  const build = (
    spec: ResolvedSourceSpec,
    domain: string,
    owner: string,
    path: string,
  ): RegionSource | undefined => {
    const fallback =
      sources.fallback === 'embedded' || spec.kind === 'embedded' ? embedded.get(domain, owner) : undefined;
    const shapeOf = (collection: string): RecordShape | undefined =>
      mergeShape(
        shapes(domain, collection),
        'collections' in spec ? spec.collections[collection]?.types : {},
      );
    const who = owner === NATIONAL ? 'national' : `region ${owner}`;
    let primary: RegionSource;
    let target: string;
    switch (spec.kind) {
      case 'embedded':
        if (!fallback) return undefined;
        descriptions.push({ domain, owner, kind: 'embedded', target: 'generated dataset' });
        return fallback;
      case 'file': {
        const dir = resolve(substitute(spec.dir, owner));
        if (!existsSync(dir)) problems.push(`${path}.dir: folder ${dir} does not exist`);
        target = dir;
        primary = new FileSource(dir, {
          collections: spec.collections,
          shapeOf,
          label: spec.label ?? `${who}: file export (${dir})`,
        });
        break;
      }
      case 'http': {
        const url = substitute(spec.url, owner);
        const headers: Record<string, string> = { ...spec.headers };
        const token = secret(spec.tokenEnv, `${path}.tokenEnv`);
        if (token) headers.authorization = `Bearer ${token}`;
        for (const [header, name] of Object.entries(spec.headerEnv)) {
          const value = secret(name, `${path}.headerEnv.${header}`);
          if (value) headers[header.toLowerCase()] = value;
        }
        target = url;
        primary = new BreakerSource(
          new HttpSource({
            url,
            settings: spec.http,
            pools: httpPools,
            headers,
            collections: spec.collections,
            shapeOf,
            label: spec.label ?? `${who}: source API ${new URL(url).origin}`,
            now: options.now,
            random: options.random,
          }),
          spec.breaker,
          options.now,
        );
        break;
      }
      case 'postgres': {
        const c = spec.connection;
        const connectionString = secret(c.urlEnv, `${path}.connection.urlEnv`);
        const password = secret(c.passwordEnv, `${path}.connection.passwordEnv`);
        target = c.urlEnv
          ? `$${c.urlEnv} (${spec.schema})`
          : `${c.host}:${c.port}/${c.database} (${spec.schema})`;
        primary = new BreakerSource(
          new PostgresSource({
            connection: c.urlEnv
              ? { connectionString, ssl: c.ssl }
              : { host: c.host, port: c.port, database: c.database, user: c.user, password, ssl: c.ssl },
            settings: spec.postgres,
            pools: pgPools,
            schema: spec.schema,
            owner,
            ownerColumn: spec.ownerColumn,
            collections: spec.collections,
            shapeOf,
            label: spec.label ?? `${who}: database ${target}`,
          }),
          spec.breaker,
          options.now,
        );
        break;
      }
      case 'kolada': {
        spec.kpis.forEach((id, i) => {
          const problem = kpiProblem(id);
          if (problem) problems.push(`${path}.kpis.${i}: ${problem}`);
        });
        target = spec.kolada.baseUrl;
        primary = new BreakerSource(
          new KoladaSource({
            spec,
            owner,
            municipalities: owner === NATIONAL ? [] : municipalitiesOf(owner),
            pools: httpPools,
            random: options.random,
          }),
          spec.breaker,
          options.now,
        );
        descriptions.push({ domain, owner, kind: spec.kind, target });
        // Kolada's indicators are served alongside the fallback's (the hub's own indicators).
        const serves = spec.serves ?? [owner === NATIONAL ? 'indicators' : 'indicatorValues'];
        return new RoutedSource(primary, serves, fallback, { merge: true });
      }
    }
    descriptions.push({ domain, owner, kind: spec.kind, target });
    return spec.serves ? new RoutedSource(primary, spec.serves, fallback) : primary;
  };

  const put = (domainKey: string, owner: string, spec: ResolvedSourceSpec | undefined, path: string) => {
    const domain = subgraphOfDomainKey(domainKey);
    if (!spec || !domain) return;
    const source = build(spec, domain, owner, path);
    if (!map.has(domain)) map.set(domain, new Map());
    if (source) map.get(domain)!.set(owner, source);
    else map.get(domain)!.delete(owner);
  };
  for (const [key, spec] of Object.entries(sources.allRegions))
    for (const code of REGION_CODES)
      if (!sources.regions[code]?.[key]) put(key, code, spec, `sources.allRegions.${key}`);
  for (const [code, domains] of Object.entries(sources.regions))
    for (const [key, spec] of Object.entries(domains)) put(key, code, spec, `sources.regions.${code}.${key}`);
  for (const [key, spec] of Object.entries(sources.national))
    put(key, NATIONAL, spec, `sources.national.${key}`);

  const close = async () => {
    await Promise.allSettled([httpPools.close(), pgPools.close()]);
  };
  if (problems.length > 0) {
    void close();
    throw new ConfigError(problems);
  }
  logger.info('regional sources configured', {
    fallback: sources.fallback,
    configured: descriptions.map((d) => `${d.domain}/${d.owner}: ${d.kind} ${d.target}`),
  });
  return new ConfiguredRegistry(map, descriptions, close);
}

let municipalityIndex: Map<string, string[]> | undefined;
/** Kommunkoder per länskod, from the real reference (data/reference/municipalities.json). */
function municipalitiesOf(region: string): string[] {
  if (!municipalityIndex) {
    municipalityIndex = new Map();
    for (const m of loadReference().municipalities) {
      municipalityIndex.set(m.countyCode, [...(municipalityIndex.get(m.countyCode) ?? []), m.code]);
    }
  }
  return municipalityIndex.get(region) ?? [];
}

/** The expected record shape of a collection, inferred once from the embedded dataset. */
function shapeFinder(datasetPath: string) {
  const cache = new Map<string, RecordShape | undefined>();
  return (domain: string, collection: string): RecordShape | undefined => {
    const key = `${domain}/${collection}`;
    if (cache.has(key)) return cache.get(key);
    let shape: RecordShape | undefined;
    if (datasetPath && existsSync(datasetPath)) {
      for (const owner of readdirSync(datasetPath).sort()) {
        const file = join(datasetPath, owner, domain, `${collection}.json`);
        if (!existsSync(file)) continue;
        const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
        shape = inferShape(records);
        if (shape) break;
      }
    }
    cache.set(key, shape);
    return shape;
  };
}
