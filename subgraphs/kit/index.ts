export {
  filterOf,
  type KnownIds,
  knownIdArg,
  kommunkodArg,
  lanskodFormatArg,
  monthArg,
  regionCodeArg,
  slugArg,
  yearArg,
} from './args.js';
export { ContentDigest } from './content-digest.js';
export type { SubgraphContext } from './context.js';
export { regionReference } from './entities.js';
export { type Collections, indexBy, nationalCollections, nationalView } from './national.js';
export {
  byKeys,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Page,
  type PageArgs,
  pageWindow,
  paginate,
  paginateCollected,
} from './paging.js';
export { partialErrorsPlugin, reportPartial } from './partial-errors.js';
export { type Collected, RegionData, sourceError } from './region-data.js';
export {
  buildModuleSchema,
  readSubgraphSdl,
  type SubgraphModule,
  type SubgraphResolvers,
  schemaPath,
} from './schema.js';
export { type AdditiveRelation, type AdditiveTable, protectTable } from './secondary-suppression.js';
export {
  createSubgraphApp,
  type RunningServer,
  type SubgraphServerOptions,
  startSubgraph,
} from './server.js';
export { FileSource } from './sources/file-source.js';
export { ConfiguredRegistry, registryFromConfig, SourceError } from './sources/index.js';
export { embeddedRegistry, MapSourceRegistry } from './sources/registry.js';
export {
  NATIONAL,
  type RegionSource,
  type SourceFilter,
  type SourceRecord,
  type SourceRegistry,
  type SourceRequest,
} from './sources/types.js';
export { type SuppressedCount, suppress } from './suppression.js';
export {
  DEFAULT_SUPPRESSION_CACHE_ENTRIES,
  type ProtectedTable,
  SuppressionCache,
  type SuppressionCacheOptions,
  type SuppressionCacheStats,
  suppressionCacheOf,
} from './suppression-cache.js';
