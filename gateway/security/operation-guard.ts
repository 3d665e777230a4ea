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
  const checked = new LRUCache<string, CheckedDocument>({ max: 1_000 });

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
      const entry = checkedDocument(checked, hash ?? sha256(source), source, limits.maxTokens);
      const measured: Partial<Record<LimitName, number>> = { tokens: entry.tokens };
      const s = schema();
      if (s && entry.document) {
        const variables =
          body.variables && typeof body.variables === 'object'
            ? (body.variables as Record<string, unknown>)
            : {};
        // Without variables the measurement is a function of the document and the schema alone,
        // so it is kept with the document; variables may set list sizes (cost), so it is redone.
        const fixed = Object.keys(variables).length === 0;
        if (fixed && entry.measuredSchema === s && entry.measured) Object.assign(measured, entry.measured);
        else {
          const m = measureDocument(s, entry.document, variables, limits.defaultListSize);
          if (fixed) {
            entry.measuredSchema = s;
            entry.measured = m;
          }
          Object.assign(measured, m);
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

/** What the guard learnt of one document text, kept by its hash (tokens are counted once). */
interface CheckedDocument {
  readonly tokens: number;
  /** Parsed when within maxTokens; undefined when over it or not valid syntax. */
  readonly document: DocumentNode | undefined;
  measuredSchema?: GraphQLSchema;
  measured?: Partial<Record<LimitName, number>>;
}

function checkedDocument(
  cache: LRUCache<string, CheckedDocument>,
  hash: string,
  source: string,
  maxTokens: number,
): CheckedDocument {
  let entry = cache.get(hash);
  if (!entry) {
    const tokens = countTokens(source, maxTokens);
    let document: DocumentNode | undefined;
    if (tokens <= maxTokens) {
      try {
        document = parse(source, { noLocation: true, maxTokens: maxTokens + 1 });
      } catch {
        document = undefined; // Apollo Server reports the syntax error.
      }
    }
    entry = { tokens, document };
    cache.set(hash, entry);
  }
  return entry;
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
