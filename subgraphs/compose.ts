import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { SUBGRAPHS, type SubgraphName } from '../core/subgraph-names.js';
import { readSubgraphSdl } from './kit/schema.js';

/** Local default URL of a subgraph (what the committed supergraph records). */
export function defaultSubgraphUrl(name: SubgraphName, host = '127.0.0.1'): string {
  const port = SUBGRAPHS.find((s) => s.name === name)!.defaultPort;
  return `http://${host}:${port}/graphql`;
}

/**
 * Composes the five subgraph SDL files into the supergraph with @theguild/federation-composition.
 * Throws with every composition error listed.
 */
export function composeHubSupergraph(urls: Partial<Record<SubgraphName, string>> = {}): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name }) => ({
      name,
      url: urls[name] ?? defaultSubgraphUrl(name),
      typeDefs: parse(readSubgraphSdl(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n  ${result.errors.map((e) => e.message).join('\n  ')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}
