import type { Dispatcher } from 'undici';
import { DeadlineExceeded, ResponseTooLarge } from './failures.js';

export interface RoundTripInput {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly timeoutMs: number;
  /** A larger body aborts the round trip (ResponseTooLarge) before more of it is buffered. */
  readonly maxResponseBytes: number;
  /** The caller's cancellation: aborts the round trip with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

export interface RoundTripResult {
  readonly statusCode: number;
  readonly text: string;
}

/**
 * One POST over an undici dispatcher, collecting the body as text.
 *
 * Why `dispatch` and not `request`: `request` wraps every response in a Readable stream, an
 * AsyncResource and an AbortSignal listener, which cost more than the round trip itself for the
 * small JSON bodies subgraphs answer, and is paid on every fetch of every operation. The handler
 * below keeps only what a subgraph fetch needs: a status code, the body bytes, one deadline timer
 * (a plain timer: undici's own headersTimeout/bodyTimeout run on a coarse ~1 s clock) and the
 * caller's cancellation. undici's legacy handler API (onConnect/onHeaders/onData/onComplete/
 * onError) is the one its core calls directly, so no adapter sits in between.
 */
export function roundTrip(dispatcher: Dispatcher, input: RoundTripInput): Promise<RoundTripResult> {
  return new Promise((resolve, reject) => {
    const handler = new CollectHandler(resolve, reject, input);
    try {
      dispatcher.dispatch(
        { path: input.path, method: 'POST', headers: input.headers, body: input.body },
        handler,
      );
    } catch (error) {
      handler.onError(error as Error);
    }
  });
}

class CollectHandler implements Dispatcher.DispatchHandler {
  private statusCode = 0;
  private chunks: Buffer[] = [];
  private bytes = 0;
  private readonly maxBytes: number;
  private abortRequest: ((reason?: Error) => void) | null = null;
  /** Set when the deadline passed or the caller cancelled before undici handed us `abort`. */
  private abortReason: Error | null = null;
  private settled = false;
  private readonly timer: NodeJS.Timeout;
  private readonly signal: AbortSignal | undefined;

  constructor(
    private readonly resolve: (result: RoundTripResult) => void,
    private readonly reject: (error: unknown) => void,
    input: RoundTripInput,
  ) {
    this.timer = setTimeout(() => this.abort(new DeadlineExceeded()), input.timeoutMs);
    this.signal = input.signal;
    this.maxBytes = input.maxResponseBytes;
    this.signal?.addEventListener('abort', this.onCancel, { once: true });
  }

  private readonly onCancel = (): void => this.abort(this.signal?.reason as Error);

  private abort(reason: Error): void {
    if (this.settled) return;
    this.abortReason = reason;
    // On a connection: undici calls onError(reason), which settles. Still queued in the pool
    // (every connection busy): settle now, and onConnect drops the request when its turn comes.
    if (this.abortRequest) this.abortRequest(reason);
    else if (!this.finish()) this.reject(reason);
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.abortRequest = abort;
    if (this.abortReason) abort(this.abortReason);
  }

  onHeaders(statusCode: number): boolean {
    this.statusCode = statusCode;
    // Informational (1xx) responses precede the real one; their bodies are empty.
    if (statusCode < 200) {
      this.chunks = [];
      this.bytes = 0;
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    // A subgraph (or whatever answers at its URL) must not make the gateway buffer without bound.
    if (this.bytes > this.maxBytes) {
      this.chunks = [];
      this.abort(new ResponseTooLarge(this.maxBytes));
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.finish()) return;
    const { chunks } = this;
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.resolve({ statusCode: this.statusCode, text });
  }

  onError(error: Error): void {
    if (this.finish()) return;
    this.reject(this.abortReason ?? error);
  }

  /** Clears the timer and the cancellation listener; true when already settled. */
  private finish(): boolean {
    if (this.settled) return true;
    this.settled = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onCancel);
    return false;
  }
}
