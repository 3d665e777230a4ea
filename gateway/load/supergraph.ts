import { type GraphQLSchema, parse } from 'graphql';
import type { Logger } from '../../core/log.js';
import type { SubgraphDirectory } from '../execute/run.js';
import { PlannerProcess } from '../plan/isolated/planner-process.js';
import { OperationPlanner } from '../plan/planner.js';
import { buildApiSchema } from './api-schema.js';
import { plannerSupergraph } from './planner-graph-order.js';
import { requiredWithArguments } from './required-arguments.js';
import { SubgraphTypes } from './subgraph-types.js';
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
  /** Stops the planner process once nothing waits on it (replaced, or the gateway stops). */
  retire(): void;
  /** Planner processes started after the first (each one after a crash or a hang). */
  plannerRestarts(): number;
  readonly subgraphs: SubgraphDirectory & { readonly names: readonly string[] };
}

export interface SupergraphBuildOptions {
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  readonly subgraphTimeoutMs: number;
  readonly subgraphTimeoutsMs?: Readonly<Record<string, number>>;
  readonly planCacheSize: number;
  readonly planTimeoutMs: number;
  readonly plannerLoadTimeoutMs: number;
  readonly logger: Logger;
}

/**
 * Builds a supergraph snapshot; rejects with a clear message when the SDL cannot be served. The
 * query planner runs in a process of its own (plan/isolated/planner-process.ts); the snapshot's
 * `close()` stops it when the snapshot is replaced or the gateway stops.
 */
export async function buildSupergraph(
  text: SupergraphText,
  options: SupergraphBuildOptions,
): Promise<LoadedSupergraph> {
  const document = parse(text.sdl, { noLocation: true });
  const urls = subgraphUrls(document, options.subgraphUrls);
  if (urls.size === 0) throw new Error('the supergraph names no subgraphs (join__Graph is empty or missing)');
  for (const [name, url] of urls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`subgraph '${name}' has no http(s) URL`);
  }
  const forPlanner = plannerSupergraph(text.sdl, document);
  const { planner, consumerSchema } = await PlannerProcess.start(forPlanner.sdl, {
    logger: options.logger,
    planTimeoutMs: options.planTimeoutMs,
    loadTimeoutMs: options.plannerLoadTimeoutMs,
  });
  let apiSchema: GraphQLSchema;
  try {
    apiSchema = buildApiSchema(consumerSchema);
  } catch (error) {
    planner.close();
    throw error;
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
      requiredWithArguments(document),
      new SubgraphTypes(document),
    ),
    subgraphs: {
      names: [...urls.keys()],
      url: (name) => urls.get(name),
      timeoutMs: (name) => timeouts[name] ?? options.subgraphTimeoutMs,
    },
    retire: () => planner.retire(),
    plannerRestarts: () => planner.restarts,
  };
}
