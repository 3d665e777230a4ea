import { ErrorCode } from '../../../core/errors.js';

/** The stable codes a source failure maps to (see `sourceError` in region-data.ts). */
export type SourceErrorCode =
  | typeof ErrorCode.REGION_SOURCE_UNAVAILABLE
  | typeof ErrorCode.REGION_SOURCE_TIMEOUT
  | typeof ErrorCode.REGION_SOURCE_BAD_RESPONSE;

/**
 * Källfel — a failed source call. `code` picks the client-facing error code; the message is for
 * logs only (it never contains secrets: connectors put no tokens or passwords into messages).
 */
export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SourceError';
  }
}

export const unavailable = (message: string, cause?: unknown) =>
  new SourceError(ErrorCode.REGION_SOURCE_UNAVAILABLE, message, { cause });
export const timedOut = (message: string, cause?: unknown) =>
  new SourceError(ErrorCode.REGION_SOURCE_TIMEOUT, message, { cause });
export const badResponse = (message: string, cause?: unknown) =>
  new SourceError(ErrorCode.REGION_SOURCE_BAD_RESPONSE, message, { cause });

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
