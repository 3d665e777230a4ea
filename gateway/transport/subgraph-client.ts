import { ErrorCode } from '../../core/errors.js';
import { InflightDedup } from './dedup.js';
import { classifyTransportError, SubgraphFailure } from './failures.js';
import { PoolRegistry } from './pools.js';
import { roundTrip } from './round-trip.js';

export interface SubgraphRequest {
  readonly subgraph: string;
  readonly url: string;
  /** The GraphQL request body, already JSON. */
  readonly body: string;
  /** Headers from the client that are propagated (they take part in deduplication). */
  readonly headers: Readonly<Record<string, string>>;
  /** `headers` serialised once per client request: part of the deduplication key. */
  readonly headersKey: string;
  readonly requestId: string;
  /** Mutations are never deduplicated (GraphQL spec §6.2.2: they must each run). */
  readonly dedupe: boolean;
  readonly timeoutMs: number;
  /**
   * The client request's cancellation (client gone, request deadline). Not part of the
   * deduplication key: a shared round trip is aborted only when every caller has left.
   */
  readonly signal?: AbortSignal | undefined;
}

export interface RawSubgraphError {
  message?: unknown;
  path?: unknown;
  extensions?: Record<string, unknown>;
}

export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: RawSubgraphError[];
}

export interface SubgraphClientOptions {
  readonly connections: number;
  readonly requestIdHeader: string;
  /** Largest subgraph response body accepted; a larger one is SUBGRAPH_BAD_RESPONSE. */
  readonly maxResponseBytes: number;
  /** Share identical in-flight subgraph requests (queries only). Default true. */
  readonly dedupe?: boolean;
}

/** Sends subgraph requests over keep-alive pools, with timeouts and in-flight deduplication. */
export class SubgraphClient {
  private readonly pools: PoolRegistry;
  readonly dedup = new InflightDedup<string>();
  /** Round trips actually sent, per subgraph (for tests and metrics). */
  readonly sent = new Map<string, number>();

  constructor(private readonly options: SubgraphClientOptions) {
    this.pools = new PoolRegistry(options.connections);
  }

  /**
   * Sends one subgraph request. When `request.signal` aborts, the returned promise rejects with
   * its reason (never a SubgraphFailure: the subgraph did nothing wrong), and the round trip is
   * aborted unless another caller still waits for it.
   */
  async send(request: SubgraphRequest): Promise<SubgraphResponse> {
    request.signal?.throwIfAborted();
    // The request id is deliberately not part of the key: it only labels logs, and keying on it
    // would stop concurrent clients from ever sharing a round trip. Everything else sent is.
    const text =
      request.dedupe && this.options.dedupe !== false
        ? await this.dedup.run(
            `${request.url}\n${request.headersKey}\n${request.body}`,
            (shared) => this.roundTrip(request, shared),
            request.signal,
          )
        : await this.roundTrip(request, request.signal);
    return parseResponse(request.subgraph, text);
  }

  /**
   * One HTTP round trip; resolves with the body text of a response that may be GraphQL. Aborting
   * `signal` aborts it (undici closes the connection, so the subgraph sees the request closed).
   */
  private async roundTrip(request: SubgraphRequest, signal: AbortSignal | undefined): Promise<string> {
    this.sent.set(request.subgraph, (this.sent.get(request.subgraph) ?? 0) + 1);
    const { pool, path } = this.pools.target(request.url);
    let statusCode: number;
    let text: string;
    try {
      ({ statusCode, text } = await roundTrip(pool, {
        path,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          [this.options.requestIdHeader]: request.requestId,
        },
        body: request.body,
        timeoutMs: request.timeoutMs,
        maxResponseBytes: this.options.maxResponseBytes,
        signal,
      }));
    } catch (error) {
      // Cancelled by the caller: its reason, not a subgraph failure (nothing to log or report).
      if (signal?.aborted) throw signal.reason;
      throw classifyTransportError(request.subgraph, error);
    }
    // GraphQL over HTTP: 2xx carries a response; 4xx may carry one (e.g. a request error with
    // `errors`); 5xx means the subgraph itself broke — its body is not trusted.
    if (statusCode >= 500 || statusCode < 200 || (statusCode >= 300 && statusCode < 400)) {
      throw new SubgraphFailure(ErrorCode.SUBGRAPH_BAD_RESPONSE, request.subgraph, `HTTP ${statusCode}`);
    }
    return text;
  }

  close(): Promise<void> {
    return this.pools.close();
  }
}

function parseResponse(subgraph: string, text: string): SubgraphResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SubgraphFailure(ErrorCode.SUBGRAPH_BAD_RESPONSE, subgraph, `not JSON: ${text.slice(0, 80)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SubgraphFailure(ErrorCode.SUBGRAPH_BAD_RESPONSE, subgraph, 'JSON is not an object');
  }
  const response = parsed as SubgraphResponse;
  const hasData = 'data' in response && (response.data === null || typeof response.data === 'object');
  const hasErrors = Array.isArray(response.errors);
  if (!hasData && !hasErrors) {
    throw new SubgraphFailure(ErrorCode.SUBGRAPH_BAD_RESPONSE, subgraph, 'neither data nor errors');
  }
  return response;
}
