import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import type { SubgraphContext } from './context.js';

/** Records errors at the resolver's path without failing the field (its data still answers). */
export function reportPartial(
  context: SubgraphContext,
  info: GraphQLResolveInfo,
  errors: readonly GraphQLError[],
) {
  const path = responsePathAsArray(info.path);
  for (const error of errors) {
    context.partialErrors.push(new GraphQLError(error.message, { path, extensions: error.extensions }));
  }
}

/**
 * graphql-js lets a resolver either return data or throw; a merged regional list must do both.
 * This plugin appends the errors resolvers recorded to the response's `errors` (GraphQL spec §7.1.2:
 * a response may carry data and errors together).
 */
export function partialErrorsPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.partialErrors.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [
            ...(result.errors ?? []),
            ...contextValue.partialErrors.map((error) => error.toJSON()),
          ];
        },
      };
    },
  };
}
