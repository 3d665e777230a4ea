import type { Identity } from './identity.js';

/**
 * Åtkomstlogg — one structured line per operation: who (subject, region), when, which operation
 * (name and hash), which sensitive fields it touched and which were denied. Never variable values.
 */
export interface AccessLogEntry {
  readonly time: string;
  readonly subject: string | null;
  readonly region: string | null;
  readonly authenticated: boolean;
  readonly client: string | null;
  readonly requestId: string | null;
  readonly operationName: string | null;
  readonly operationHash: string | null;
  readonly operationType: string | null;
  /** Marked coordinates (`Type.field`) the operation selected and was allowed to run. */
  readonly sensitiveFields: readonly string[];
  /** Coordinates removed before planning (UNAUTHORIZED/FORBIDDEN). */
  readonly deniedFields: readonly string[];
  /** Region-scoped values withheld from this caller. */
  readonly regionWithheld: number;
  /** Error codes of the response (deduplicated). */
  readonly errorCodes: readonly string[];
  readonly status: number;
  readonly durationMs: number;
}

export type AccessLogWriter = (entry: AccessLogEntry) => void;

export function accessLogEntry(
  identity: Identity,
  fields: Omit<AccessLogEntry, 'time' | 'subject' | 'region' | 'authenticated'>,
): AccessLogEntry {
  return {
    time: new Date().toISOString(),
    subject: identity.subject,
    region: identity.region,
    authenticated: identity.authenticated,
    ...fields,
  };
}
