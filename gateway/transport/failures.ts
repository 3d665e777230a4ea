import { ErrorCode } from '../../core/errors.js';

export type FailureCode =
  | typeof ErrorCode.SUBGRAPH_UNAVAILABLE
  | typeof ErrorCode.SUBGRAPH_TIMEOUT
  | typeof ErrorCode.SUBGRAPH_BAD_RESPONSE;

/** A subgraph request that produced no GraphQL response. `detail` is for logs only. */
export class SubgraphFailure extends Error {
  constructor(
    readonly code: FailureCode,
    readonly subgraph: string,
    readonly detail: string,
  ) {
    super(`${code} ${subgraph}: ${detail}`);
    this.name = 'SubgraphFailure';
  }

  /** What a client may read: the subgraph's name and what went wrong, never its URL or raw message. */
  get publicMessage(): string {
    switch (this.code) {
      case ErrorCode.SUBGRAPH_TIMEOUT:
        return `Subgraph '${this.subgraph}' did not answer in time.`;
      case ErrorCode.SUBGRAPH_BAD_RESPONSE:
        return `Subgraph '${this.subgraph}' answered with something that is not a GraphQL response.`;
      default:
        return `Subgraph '${this.subgraph}' is unavailable.`;
    }
  }
}

/** The abort reason of a subgraph response larger than the gateway accepts. */
export class ResponseTooLarge extends Error {
  readonly code = 'SUBGRAPH_RESPONSE_TOO_LARGE';
  constructor(readonly limitBytes: number) {
    super(`response body over ${limitBytes} bytes`);
    this.name = 'ResponseTooLarge';
  }
}

/** The abort reason of a subgraph request that ran out of time. */
export class DeadlineExceeded extends Error {
  readonly code = 'SUBGRAPH_DEADLINE';
  constructor() {
    super('subgraph deadline exceeded');
    this.name = 'TimeoutError';
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Classifies a transport error thrown by undici. */
export function classifyTransportError(subgraph: string, error: unknown): SubgraphFailure {
  if (error instanceof SubgraphFailure) return error;
  const code = (error as { code?: string })?.code ?? '';
  const name = (error as Error)?.name ?? '';
  const detail = `${code || name}: ${(error as Error)?.message ?? String(error)}`;
  if (TIMEOUT_CODES.has(code) || name === 'TimeoutError') {
    return new SubgraphFailure(ErrorCode.SUBGRAPH_TIMEOUT, subgraph, detail);
  }
  if (
    error instanceof ResponseTooLarge ||
    code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' ||
    code === 'UND_ERR_INFO'
  ) {
    return new SubgraphFailure(ErrorCode.SUBGRAPH_BAD_RESPONSE, subgraph, detail);
  }
  return new SubgraphFailure(ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph, detail);
}
