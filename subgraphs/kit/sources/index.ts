/** The regional source layer's public API (docs/sources.md). */
export { BreakerSource, type BreakerState, CircuitBreaker } from './breaker.js';
export {
  ConfiguredRegistry,
  type RegistryFromConfigOptions,
  registryFromConfig,
  type SourceDescription,
} from './config-registry.js';
export { isSourceError, SourceError, type SourceErrorCode } from './errors.js';
export { applyFilter, FileSource, type FileSourceOptions } from './file-source.js';
export { HttpSource, type HttpSourceOptions } from './http/http-source.js';
export { HttpPools } from './http/pools.js';
export { KoladaSource } from './kolada/kolada-source.js';
export { KOLADA_KPIS } from './kolada/kpis.js';
export { PgPools } from './postgres/pools.js';
export { PostgresSource, type PostgresSourceOptions } from './postgres/postgres-source.js';
export { inferShape, type RecordShape } from './records.js';
export { embeddedRegistry, MapSourceRegistry } from './registry.js';
export { RoutedSource } from './routed-source.js';
export * from './types.js';
