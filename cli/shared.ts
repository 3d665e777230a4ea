import { ConfigError } from '../config/index.js';
import type { Logger } from '../core/log.js';

/** Closes everything on SIGTERM/SIGINT, then exits; a second signal exits at once. */
export function closeOnSignals(logger: Logger, close: () => Promise<unknown>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info('shutting down', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** Prints a start-up failure clearly (config problems one per line) and sets the exit code. */
export function failStartup(error: unknown): void {
  const message =
    error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error)?.message ?? error}`;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
