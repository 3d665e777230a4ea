import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DocumentNode, type GraphQLSchema, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../../core/errors.js';
import { noteRefusal } from './access-log.js';
import { countTokens, exceeded, type LimitName, type LimitOptions, measureDocument } from './limits.js';
import type { GatewaySecurity } from './security.js';
import { requiresTrusted, sha256 } from './trusted-documents.js';

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Checks each GraphQL request before Apollo Server parses, validates or plans it: trusted
 * documents for the clients that need them, then the operation limits (tokens on the text; depth,
 * aliases, root fields, directives and cost on the parsed document). A refusal is a GraphQL error
 * with a stable code and HTTP 400/403; in measure mode the excess is only logged.
 */
export function registerOperationGuard(
  app: FastifyInstance,
  security: GatewaySecurity,
  schema: () => GraphQLSchema | undefined,
  path = '/graphql',
): void {
  const { limits, trustedDocuments } = security.options;
  const documents = new LRUCache<string, DocumentNode>({ max: 1_000 });

  app.addHook('preHandler', async (request, reply) => {
    if (request.url.split('?')[0] !== path || (request.method !== 'POST' && request.method !== 'GET')) return;
    const raw = request.method === 'POST' ? request.body : request.query;
    const bodies = (Array.isArray(raw) ? raw : [raw]) as Array<GraphQLBody | null | undefined>;
    for (const body of bodies) {
      if (!body || typeof body !== 'object') continue;
      const text = typeof body.query === 'string' ? body.query : undefined;
      const offeredHash = body.extensions?.persistedQuery?.sha256Hash;
      const hash =
        text !== undefined
          ? sha256(text)
          : typeof offeredHash === 'string'
            ? offeredHash.toLowerCase()
            : undefined;
      if (trustedDocuments) {
        const client = header(request, trustedDocuments.clientHeader);
        if (requiresTrusted(trustedDocuments, client) && (!hash || !trustedDocuments.documents.has(hash))) {
          return refuse(
            request,
            reply,
            'trusted_document_required',
            403,
            ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
            `Client '${client ?? '(unnamed)'}' may only run trusted documents; this operation is not one of them.`,
            {},
            { name: body.operationName, hash },
          );
        }
      }
      const source = text ?? (hash ? trustedDocuments?.documents.get(hash) : undefined);
      if (source === undefined) continue;
      const measured: Partial<Record<LimitName, number>> = { tokens: countTokens(source, limits.maxTokens) };
      if (measured.tokens! <= limits.maxTokens) {
        const s = schema();
        const document = parsed(documents, hash ?? sha256(source), source, limits.maxTokens);
        if (s && document) {
          const variables =
            body.variables && typeof body.variables === 'object'
              ? (body.variables as Record<string, unknown>)
              : {};
          Object.assign(measured, measureDocument(s, document, variables, limits.defaultListSize));
        }
      }
      const over = exceeded(measured, limits);
      if (over.length === 0) continue;
      if (limits.mode === 'measure') {
        security.logger.warn('operation limit exceeded (measure mode: allowed)', {
          operationHash: hash ?? null,
          over,
          limit: over[0]!.limit,
        });
        continue;
      }
      const first = over[0]!;
      return refuse(
        request,
        reply,
        `limit:${LIMIT_SETTINGS[first.limit]}`,
        400,
        ErrorCode.OPERATION_LIMIT_EXCEEDED,
        `The operation exceeds the ${first.limit} limit: measured ${first.measured}, maximum ${first.max}.`,
        { limit: first.limit, measured: first.measured, max: first.max },
        { name: body.operationName, hash },
      );
    }
  });
}

function parsed(
  cache: LRUCache<string, DocumentNode>,
  hash: string,
  source: string,
  maxTokens: number,
): DocumentNode | undefined {
  let document = cache.get(hash);
  if (!document) {
    try {
      document = parse(source, { noLocation: true, maxTokens: maxTokens + 1 });
    } catch {
      return undefined; // Apollo Server reports the syntax error.
    }
    cache.set(hash, document);
  }
  return document;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The setting each limit is configured by (`security.limits.<setting>`), named in the access log. */
const LIMIT_SETTINGS: Record<LimitName, keyof LimitOptions> = {
  depth: 'maxDepth',
  aliases: 'maxAliases',
  rootFields: 'maxRootFields',
  directives: 'maxDirectives',
  tokens: 'maxTokens',
  cost: 'maxCost',
};

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  refusal: string,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown>,
  operation: { name: unknown; hash: string | undefined },
) {
  noteRefusal(request, refusal, code, {
    name: typeof operation.name === 'string' ? operation.name : null,
    hash: operation.hash,
  });
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}
