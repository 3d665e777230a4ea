import type { SubgraphName } from '../core/subgraph-names.js';
import type { HubConfig } from './schema.js';

/** The URL a subgraph is reached at: explicit url, else the local default on host:port. */
export function subgraphUrl(config: HubConfig, name: SubgraphName): string {
  const section = config.subgraphs[name];
  if (section.url) return section.url;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${section.port}/graphql`;
}
