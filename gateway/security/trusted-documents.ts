import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Betrodda dokument — trusted documents: the saved operations web frontends may run, by the
 * sha256 of their text (the same hash Apollo Server computes as `queryHash`). Clients named in
 * `requireFor` (or all clients with `'*'`) may only run these; analysts' clients may still run
 * ad-hoc queries. Clients may send only the hash (`extensions.persistedQuery.sha256Hash`).
 */
export interface TrustedDocumentOptions {
  /** sha256 (hex) → operation text. */
  readonly documents: ReadonlyMap<string, string>;
  /** Client names (from `clientHeader`) that must use trusted documents; `'*'` means everyone. */
  readonly requireFor: readonly string[];
  readonly clientHeader: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a manifest: Apollo's persisted query manifest (`{ format: "apollo-persisted-query-manifest",
 * operations: [{ id, body }] }`) or a plain `{ "<sha256>": "<text>" }` object. Every id must be the
 * sha256 of its text.
 */
export function loadTrustedDocuments(path: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const entries: Array<[string, string]> = [];
  if (raw && typeof raw === 'object' && Array.isArray((raw as { operations?: unknown }).operations)) {
    for (const op of (raw as { operations: Array<{ id?: unknown; body?: unknown }> }).operations) {
      if (typeof op.id === 'string' && typeof op.body === 'string') entries.push([op.id, op.body]);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [id, body] of Object.entries(raw)) if (typeof body === 'string') entries.push([id, body]);
  }
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (sha256(body) !== id.toLowerCase())
      throw new Error(`trusted document ${id} in ${path}: id is not the sha256 of its text`);
    documents.set(id.toLowerCase(), body);
  }
  return documents;
}

/** Must this client use trusted documents? */
export function requiresTrusted(options: TrustedDocumentOptions, client: string | undefined): boolean {
  return options.requireFor.includes('*') || (client !== undefined && options.requireFor.includes(client));
}

/**
 * A read-only cache for Apollo Server's persisted-query lookup: hash-only requests find trusted
 * documents; nothing a client sends is ever stored.
 */
export function trustedDocumentCache(documents: ReadonlyMap<string, string>) {
  const strip = (key: string) => key.replace(/^apq:/, '');
  return {
    get: async (key: string) => documents.get(strip(key)),
    set: async () => {},
    delete: async () => {},
  };
}
