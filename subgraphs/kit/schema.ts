import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { type DocumentNode, type GraphQLSchema, parse } from 'graphql';
import { projectPath } from '../../core/paths.js';
import type { SubgraphName } from '../../core/subgraph-names.js';
import type { SubgraphContext } from './context.js';

export type SubgraphResolvers = GraphQLResolverMap<SubgraphContext>;

/** A domain subgraph: its name (its SDL is `schema/<name>.graphql`) and its resolvers. */
export interface SubgraphModule {
  readonly name: SubgraphName;
  readonly resolvers: SubgraphResolvers;
}

export function schemaPath(name: string): string {
  return projectPath('schema', `${name}.graphql`);
}

export function readSubgraphSdl(name: string): string {
  return readFileSync(schemaPath(name), 'utf8');
}

export function subgraphTypeDefs(name: string): DocumentNode {
  return parse(readSubgraphSdl(name));
}

export function buildModuleSchema(module: SubgraphModule): GraphQLSchema {
  // The resolver map is typed with our context; @apollo/subgraph types it with `unknown`.
  const resolvers = module.resolvers as GraphQLResolverMap<unknown>;
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(module.name), resolvers });
}
