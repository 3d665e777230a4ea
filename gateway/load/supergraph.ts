import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { type GraphQLSchema, parse } from 'graphql';
import type { Logger } from '../../core/log.js';
import type { SubgraphDirectory } from '../execute/run.js';
import { OperationPlanner } from '../plan/planner.js';
import { buildApiSchema } from './api-schema.js';
import { plannerSupergraph } from './planner-graph-order.js';
import { subgraphUrls } from './subgraph-urls.js';
import type { SupergraphText } from './supergraph-source.js';
import { TypeIndex } from './type-index.js';

/** A loaded, planned supergraph: everything a request needs, swapped as one on reload. */
export interface LoadedSupergraph {
  readonly hash: string;
  readonly sdl: string;
  readonly apiSchema: GraphQLSchema;
  readonly types: TypeIndex;
  readonly planner: OperationPlanner;
  readonly subgraphs: SubgraphDirectory & { readonly names: readonly string[] };
}

export interface SupergraphBuildOptions {
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly subgraphTimeoutsMs?: Readonly<Record<string, number>>;
  readonly planCacheSize: number;
  readonly logger: Logger;
}

/** Builds a supergraph snapshot; throws with a clear message when the SDL cannot be served. */
export function buildSupergraph(text: SupergraphText, options: SupergraphBuildOptions): LoadedSupergraph {
  const document = parse(text.sdl, { noLocation: true });
  const forPlanner = plannerSupergraph(text.sdl, document);
  let planner: QueryPlanner;
  try {
    planner = new QueryPlanner(forPlanner.sdl);
  } catch (error) {
    throw new Error(`the query planner rejects the supergraph: ${(error as Error).message}`);
  }
  const apiSchema = buildApiSchema(planner.consumerSchema);
  const urls = subgraphUrls(document, options.subgraphUrls);
  if (urls.size === 0) throw new Error('the supergraph names no subgraphs (join__Graph is empty or missing)');
  for (const [name, url] of urls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`subgraph '${name}' has no http(s) URL`);
  }
  const timeouts = options.subgraphTimeoutsMs ?? {};
  return {
    hash: text.hash,
    sdl: text.sdl,
    apiSchema,
    types: new TypeIndex(document),
    planner: new OperationPlanner(
      planner,
      apiSchema,
      options.planCacheSize,
      options.logger,
      forPlanner.serviceNames,
    ),
    subgraphs: {
      names: [...urls.keys()],
      url: (name) => urls.get(name),
      timeoutMs: (name) => timeouts[name] ?? options.subgraphTimeoutMs,
    },
  };
}
