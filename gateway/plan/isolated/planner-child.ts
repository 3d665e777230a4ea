/**
 * The query planner's own process (see planner-process.ts for why): loads one supergraph into
 * @graphql-hive/router-query-planner and answers plan requests over the IPC channel, one at a
 * time. It exits when the gateway goes away (the channel disconnects).
 */
import { QueryPlanner } from '@graphql-hive/router-query-planner';
import type { FromPlanner, ToPlanner } from './protocol.js';

let planner: QueryPlanner | null = null;

const send = (message: FromPlanner) => process.send?.(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

process.on('message', (message: ToPlanner) => {
  if (message.type === 'init') {
    try {
      planner = new QueryPlanner(message.sdl);
      send({ type: 'ready', consumerSchema: planner.consumerSchema });
    } catch (error) {
      send({ type: 'init-failed', message: messageOf(error) });
    }
    return;
  }
  const { id, text, operationName } = message;
  if (!planner) {
    send({ type: 'plan-failed', id, message: 'the planner has no supergraph' });
    return;
  }
  planner.planAsync(text, operationName, new Set(), 0).then(
    (plan) => send({ type: 'planned', id, plan }),
    (error: unknown) => send({ type: 'plan-failed', id, message: messageOf(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
