import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { requestSecurityOf } from './access-log.js';
import { securityPlugin } from './plugin.js';
import type { GatewaySecurity, RequestSecurity } from './security.js';
import { trustedDocumentCache } from './trusted-documents.js';

/**
 * Apollo Server settings that security decides: suggestions hidden in production, batching off
 * unless enabled, the token limit enforced by the parser itself, persisted queries only from the
 * trusted documents (never registered by clients), and the security plugin.
 */
export function apolloSecurityConfig(security: GatewaySecurity | null) {
  if (!security) return { plugins: [] };
  const { options } = security;
  return {
    hideSchemaDetailsFromClientErrors: !options.suggestions,
    allowBatchedHttpRequests: options.allowBatchedRequests,
    // Backstop behind operation-guard.ts (which reports the limit with its clear error first).
    ...(options.limits.mode === 'enforce'
      ? { parseOptions: { maxTokens: options.limits.maxTokens + 1 } }
      : {}),
    persistedQueries: options.trustedDocuments
      ? { cache: trustedDocumentCache(options.trustedDocuments.documents) }
      : (false as const),
    plugins: [securityPlugin(security)],
  } satisfies Partial<ApolloServerOptions<BaseContext>>;
}

/** The Apollo context of one request: what security knows about it. */
export function securityContext(request: FastifyRequest): { security: RequestSecurity } {
  // The same object the HTTP hooks filled in, so the access line has both halves of the story.
  return { security: requestSecurityOf(request) };
}
