import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GatewaySecurity } from './security.js';

/**
 * Apollo Server plugin: the access log line when the response is sent (who, when, which
 * operation by name and hash, which sensitive fields were touched or denied; never variables).
 * Limits and trusted documents are checked earlier, in operation-guard.ts.
 */
export function securityPlugin(security: GatewaySecurity): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart(start) {
      const request = GatewaySecurity.requestOf(start.contextValue);
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          const header = (name: string) => ctx.request.http?.headers.get(name) ?? null;
          security.accessLog(
            security.logAccess(request.identity, {
              client: header('apollographql-client-name'),
              requestId: header('x-request-id'),
              operationName: ctx.operationName ?? null,
              operationHash: ctx.queryHash ?? null,
              operationType: ctx.operation?.operation ?? null,
              sensitiveFields: request.secured?.sensitive ?? [],
              deniedFields: [...new Set(request.secured?.removed.map((r) => r.coordinate) ?? [])],
              regionWithheld: request.regionWithheld,
              errorCodes: codes,
              status: ctx.response.http.status ?? 200,
              durationMs: Date.now() - request.started,
            }),
          );
        },
      };
    },
  };
}
