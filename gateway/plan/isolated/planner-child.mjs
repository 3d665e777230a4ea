// @ts-check
/**
 * The query planner's own process (see planner-process.ts for why): loads one supergraph into
 * @graphql-hive/router-query-planner and answers plan requests over the IPC channel, one at a
 * time. It exits when the gateway goes away (the channel disconnects).
 *
 * Plain JavaScript, type-checked through JSDoc (tsconfig allowJs/checkJs), so that it starts
 * without a TypeScript loader both from the sources and from dist/ (tsc copies it there): a
 * loader would cost every planner process start-up time and some 30 MB of memory.
 */
import { QueryPlanner } from '@graphql-hive/router-query-planner';

/** @typedef {import('./protocol.js').ToPlanner} ToPlanner */
/** @typedef {import('./protocol.js').FromPlanner} FromPlanner */

/** @type {QueryPlanner | null} */
let planner = null;

/** @param {FromPlanner} message */
const send = (message) => process.send?.(message);
/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

process.on('message', (/** @type {ToPlanner} */ message) => {
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
    (/** @type {unknown} */ error) => send({ type: 'plan-failed', id, message: messageOf(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
