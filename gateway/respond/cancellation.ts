import { setMaxListeners } from 'node:events';
import type { FastifyReply } from 'fastify';
import { ErrorCode, hubError } from '../../core/errors.js';

/** The abort reason when the client closed its connection before the response was sent. */
export class ClientClosed extends Error {
  readonly code = 'CLIENT_CLOSED';
  constructor() {
    super('the client closed the connection before the response was sent');
    this.name = 'AbortError';
  }
}

/** The Apollo context member carrying the client connection's signal (see clientClosedSignal). */
export interface ClientSignalContext {
  readonly clientSignal?: AbortSignal;
}

/**
 * A signal that aborts (reason ClientClosed) when the client's connection closes before the
 * response has been written. The ServerResponse emits 'close' both after a complete response and
 * when the connection is torn down first; only in the second case is `writableEnded` still false.
 */
export function clientClosedSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const response = reply.raw;
  // Gone already (e.g. while the body was read): no 'close' will come any more.
  if (response.destroyed || reply.request.raw.socket?.destroyed) controller.abort(new ClientClosed());
  else
    response.once('close', () => {
      if (!response.writableEnded) controller.abort(new ClientClosed());
    });
  return controller.signal;
}

export function clientSignalOf(context: unknown): AbortSignal | undefined {
  return (context as ClientSignalContext | undefined)?.clientSignal;
}

/** One request's cancellation: aborted when the client goes away or the request deadline passes. */
export interface RequestCancellation {
  readonly signal: AbortSignal;
  /** `work`'s result, or a rejection with the abort reason as soon as the request is cancelled. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Stops the deadline timer and detaches from the client signal (call when the request ends). */
  dispose(): void;
}

export function requestCancellation(
  client: AbortSignal | undefined,
  deadlineMs: number | undefined,
): RequestCancellation {
  const controller = new AbortController();
  const { signal } = controller;
  // Every concurrent subgraph fetch of this request listens on this signal (one listener each,
  // removed when the fetch settles), so a wide Parallel legitimately holds more than Node's
  // default of 10; the count is bounded by the plan's width, which the operation limits bound.
  setMaxListeners(0, signal);
  const onClientClosed = () => controller.abort(client?.reason);
  if (client?.aborted) onClientClosed();
  else client?.addEventListener('abort', onClientClosed, { once: true });
  const timer =
    deadlineMs && deadlineMs > 0
      ? setTimeout(() => controller.abort(deadlineExceeded(deadlineMs)), deadlineMs)
      : undefined;
  return {
    signal,
    race: <T>(work: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const stop = () => reject(signal.reason);
        if (signal.aborted) stop();
        else signal.addEventListener('abort', stop, { once: true });
        work.then(
          (value) => {
            signal.removeEventListener('abort', stop);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', stop);
            reject(error);
          },
        );
      }),
    dispose() {
      clearTimeout(timer);
      client?.removeEventListener('abort', onClientClosed);
    },
  };
}

/** The total request deadline's error (docs/security.md, `requestDeadlineMs`). */
function deadlineExceeded(deadlineMs: number) {
  return hubError(
    ErrorCode.REQUEST_DEADLINE_EXCEEDED,
    `The request did not finish within ${deadlineMs} ms.`,
    {
      http: { status: 504 },
    },
  );
}
