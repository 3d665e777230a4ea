import { describeError, type Logger } from '../../core/log.js';
import { buildSupergraph, type LoadedSupergraph, type SupergraphBuildOptions } from './supergraph.js';
import { readSupergraph } from './supergraph-source.js';

export type SupergraphListener = (supergraph: LoadedSupergraph) => void;

/**
 * Holds the serving supergraph and replaces it when its source changes. A request keeps the
 * snapshot it started with, so a swap never drops in-flight work; a new supergraph that cannot
 * be loaded or planned is rejected with one clear log line and the last good one keeps serving.
 */
export class SupergraphManager {
  private currentSupergraph: LoadedSupergraph | null = null;
  private readonly listeners = new Set<SupergraphListener>();
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<boolean> | null = null;
  private stopped = false;

  constructor(
    private readonly location: string,
    private readonly options: SupergraphBuildOptions & { readonly pollIntervalMs: number },
    private readonly logger: Logger,
  ) {}

  get current(): LoadedSupergraph | null {
    return this.currentSupergraph;
  }

  /** First load: a failure here is fatal (there is nothing to serve). Then starts polling. */
  async start(): Promise<LoadedSupergraph> {
    if (this.currentSupergraph) return this.currentSupergraph;
    const supergraph = await buildSupergraph(await readSupergraph(this.location), this.options);
    this.swap(supergraph);
    if (this.options.pollIntervalMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.reload(), this.options.pollIntervalMs);
      this.timer.unref();
    }
    return supergraph;
  }

  /** Checks the source once; resolves true when a new supergraph now serves. */
  reload(): Promise<boolean> {
    this.reloading ??= this.check().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  onUpdate(listener: SupergraphListener): () => void {
    this.listeners.add(listener);
    if (this.currentSupergraph) listener(this.currentSupergraph);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.stopped = true;
    this.currentSupergraph?.retire();
  }

  private async check(): Promise<boolean> {
    let next: LoadedSupergraph;
    try {
      const text = await readSupergraph(this.location);
      if (text.hash === this.currentSupergraph?.hash) return false;
      next = await buildSupergraph(text, this.options);
    } catch (error) {
      this.logger.error('supergraph rejected; the last good supergraph keeps serving', {
        location: this.location,
        serving: this.currentSupergraph?.hash ?? null,
        ...describeError(error),
        stack: undefined,
      });
      return false;
    }
    if (this.stopped) {
      next.retire();
      return false;
    }
    this.swap(next);
    return true;
  }

  private swap(supergraph: LoadedSupergraph): void {
    const previous = this.currentSupergraph?.hash ?? null;
    // Requests that started on the previous snapshot keep it; its planner stops once idle.
    this.currentSupergraph?.retire();
    this.currentSupergraph = supergraph;
    this.logger.info('supergraph loaded', {
      hash: supergraph.hash,
      previous,
      subgraphs: supergraph.subgraphs.names,
    });
    for (const listener of this.listeners) listener(supergraph);
  }
}
