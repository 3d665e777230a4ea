import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GatewaySecurity } from './security.js';

/**
 * Apollo Server plugin: records what the access log says about an operation Apollo ran (name,
 * hash, type, error codes; never variables). The line itself is written once per HTTP request
 * when the reply is sent (access-log.ts), so refusals before Apollo and operations Apollo ran are
 * logged in one place. Limits and trusted documents are checked earlier, in operation-guard.ts.
 */
export function securityPlugin(_security: GatewaySecurity): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart(start) {
      const request = GatewaySecurity.requestOf(start.contextValue);
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const access = request.access;
          // A batch (when enabled) shares one context and one line: codes of all, first operation's name.
          access.errorCodes = [
            ...new Set([...access.errorCodes, ...errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'))]),
          ];
          if (access.operationHash === null && access.operationName === null) {
            access.operationName = ctx.operationName ?? null;
            access.operationHash = ctx.queryHash ?? null;
            access.operationType = ctx.operation?.operation ?? null;
          }
        },
      };
    },
  };
}
