import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { QueryPlan } from '@graphql-hive/router-query-planner';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../../../core/log.js';
import { PROJECT_ROOT } from '../../../core/paths.js';
import type { FromPlanner, ToPlanner } from './protocol.js';

/**
 * The query planner in a child process of its own.
 *
 * Why: @graphql-hive/router-query-planner is a native addon, and some operations make it panic
 * (e.g. 0.0.38: "Failed to minify: TypeNotFound" for an alias equal to an entity key next to a
 * conditional fragment). Its panics cannot unwind into JavaScript: the whole process aborts
 * (SIGABRT), in the sync and the async API alike. A client's valid query must never take the
 * gateway down, so planning runs here: a crash fails that one operation (QUERY_PLANNING_FAILED),
 * the operation is remembered and refused from then on without planning, and a new planner
 * process serves the next one. Plans are cached by the gateway, so only cache misses cross the
 * process boundary. Operations are planned one at a time, so a crash always names its culprit.
 */
export interface PlannerProcessOptions {
  readonly logger: Logger;
  /** Longest a single plan may take before the planner process is killed and restarted. */
  readonly planTimeoutMs: number;
  /** Longest the planner process may take to load the supergraph. */
  readonly loadTimeoutMs: number;
}

/** The planner process crashed or hung on this operation (or did so before). */
export class PlannerCrashed extends Error {
  override readonly name = 'PlannerCrashed';
}

// Plain JavaScript next to this file in the sources and in dist/: no TypeScript loader needed.
const CHILD = new URL('./planner-child.mjs', import.meta.url);
const POISONED_MAX = 1_000;
const STDERR_KEPT_CHARS = 4_096;

interface Job {
  readonly key: string;
  readonly text: string;
  readonly operationName: string | null;
  resolve(plan: QueryPlan): void;
  reject(error: Error): void;
}
interface Loading {
  resolve(consumerSchema: string): void;
  reject(error: Error): void;
}

export class PlannerProcess {
  private child: ChildProcess | null = null;
  private loading: Loading | null = null;
  private starting: Promise<string> | null = null;
  private readonly queue: Job[] = [];
  private running: { readonly job: Job; readonly id: number; readonly timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private retired = false;
  private closed = false;
  private readonly poisoned = new LRUCache<string, true>({ max: POISONED_MAX });
  private spawned = 0;
  private stderr = '';

  private constructor(
    private readonly sdl: string,
    private readonly options: PlannerProcessOptions,
  ) {}

  /** Starts a planner process on `sdl`; resolves with the planner's consumer (API) schema. */
  static async start(
    sdl: string,
    options: PlannerProcessOptions,
  ): Promise<{ planner: PlannerProcess; consumerSchema: string }> {
    const planner = new PlannerProcess(sdl, options);
    try {
      return { planner, consumerSchema: await planner.ensureChild() };
    } catch (error) {
      planner.close();
      throw error;
    }
  }

  planAsync(text: string, operationName: string | null): Promise<QueryPlan> {
    if (this.closed) return Promise.reject(new Error('the query planner is closed'));
    const key = createHash('sha256')
      .update(`${operationName ?? ''}\u0000${text}`)
      .digest('hex');
    if (this.poisoned.has(key))
      return Promise.reject(new PlannerCrashed('this operation crashed the query planner before'));
    return new Promise((resolve, reject) => {
      this.queue.push({ key, text, operationName, resolve, reject });
      this.pump();
    });
  }

  /** The supergraph was replaced: stop the process once nothing waits on it. */
  retire(): void {
    this.retired = true;
    if (!this.running && this.queue.length === 0) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child?.kill('SIGKILL');
    this.child = null;
    for (const job of this.queue.splice(0)) job.reject(new Error('the query planner is closed'));
  }

  private pump(): void {
    if (this.closed || this.running) return;
    if (this.queue.length === 0) {
      if (this.retired) this.close();
      return;
    }
    const child = this.child;
    if (!child || this.loading) {
      this.ensureChild().then(
        () => this.pump(),
        (error: Error) => {
          for (const job of this.queue.splice(0)) job.reject(error);
        },
      );
      return;
    }
    const job = this.queue.shift() as Job;
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.fail(`took longer than ${this.options.planTimeoutMs} ms`),
      this.options.planTimeoutMs,
    );
    this.running = { job, id, timer };
    child.send({ type: 'plan', id, text: job.text, operationName: job.operationName } satisfies ToPlanner);
  }

  /** The running operation crashed or hung the planner: remember it, fail it, restart later. */
  private fail(how: string): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    this.poisoned.set(running.job.key, true);
    this.options.logger.error('the query planner process failed on an operation; it is refused from now on', {
      how,
      operationName: running.job.operationName,
      operationSha256: running.job.key,
      planner: panicOf(this.stderr),
    });
    running.job.reject(new PlannerCrashed(`the query planner ${how}`));
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    this.pump();
  }

  /** The running planner process's pid (for operators' tools), if one runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Planner processes started after the first one (after crashes and hangs). */
  get restarts(): number {
    return Math.max(0, this.spawned - 1);
  }

  /** The running (or starting) planner process's load; starts one when there is none. */
  private ensureChild(): Promise<string> {
    this.starting ??= this.spawn().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private spawn(): Promise<string> {
    this.spawned += 1;
    const child = fork(fileURLToPath(CHILD), [], {
      cwd: PROJECT_ROOT,
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    // The planner's own report of a panic (Rust prints it to stderr) goes into the log line.
    this.stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (child === this.child) this.stderr = (this.stderr + chunk).slice(-STDERR_KEPT_CHARS);
    });
    const loaded = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(`the query planner did not load the supergraph within ${this.options.loadTimeoutMs} ms`),
        );
      }, this.options.loadTimeoutMs);
      this.loading = {
        resolve: (schema) => {
          clearTimeout(timer);
          resolve(schema);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
    child.on('message', (message: FromPlanner) => this.onMessage(child, message));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.on('error', (error) => this.onExit(child, null, null, error));
    child.send({ type: 'init', sdl: this.sdl } satisfies ToPlanner);
    return loaded;
  }

  private onMessage(child: ChildProcess, message: FromPlanner): void {
    if (child !== this.child) return;
    if (message.type === 'ready' || message.type === 'init-failed') {
      const loading = this.loading;
      this.loading = null;
      if (message.type === 'ready') loading?.resolve(message.consumerSchema);
      else {
        this.child = null;
        child.kill('SIGKILL');
        loading?.reject(new Error(`the query planner rejects the supergraph: ${message.message}`));
      }
      return;
    }
    const running = this.running;
    if (!running || running.id !== message.id) return;
    clearTimeout(running.timer);
    this.running = null;
    if (message.type === 'planned') running.job.resolve(message.plan);
    else running.job.reject(new Error(message.message));
    this.pump();
  }

  private onExit(child: ChildProcess, code: number | null, signal: string | null, error?: Error): void {
    if (child !== this.child) return;
    const how = error ? `could not start (${error.message})` : `exited (${signal ?? `code ${String(code)}`})`;
    if (this.loading) {
      const loading = this.loading;
      this.loading = null;
      this.child = null;
      loading.reject(new Error(`the query planner process ${how} while loading the supergraph`));
      return;
    }
    if (this.running) this.fail(how);
    else this.child = null;
  }
}

/** The panic lines of the planner's stderr ("thread … panicked at …" and its message). */
function panicOf(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  const at = lines.findIndex((line) => line.includes('panicked at'));
  return at < 0
    ? undefined
    : lines
        .slice(at, at + 2)
        .join(' ')
        .trim();
}
