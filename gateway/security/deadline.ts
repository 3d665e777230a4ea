import { ErrorCode, hubError } from '../../core/errors.js';

/**
 * The total request deadline: the operation's result, or a REQUEST_DEADLINE_EXCEEDED error when
 * it takes longer. Subgraph calls still in flight end at their own timeouts.
 */
export async function withDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          hubError(
            ErrorCode.REQUEST_DEADLINE_EXCEEDED,
            `The request did not finish within ${deadlineMs} ms.`,
            {
              http: { status: 504 },
            },
          ),
        ),
      deadlineMs,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
