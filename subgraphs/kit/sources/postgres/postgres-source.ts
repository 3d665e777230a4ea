import type pg from 'pg';
import type { CollectionSpec, PostgresSettings } from '../../../../config/sources.js';
import { badResponse, type SourceError, timedOut, unavailable } from '../errors.js';
import { applyFilter } from '../file-source.js';
import { finishRecords, type RecordShape } from '../records.js';
import type { RegionSource, SourceRecord, SourceRequest } from '../types.js';
import type { PgConnection, PgPools } from './pools.js';
import { batchQuery, rowToFields } from './query.js';

export interface PostgresSourceOptions {
  readonly connection: PgConnection;
  readonly settings: PostgresSettings;
  readonly pools: PgPools;
  readonly schema: string;
  /** Länskod this source answers for (used with `ownerColumn`). */
  readonly owner: string;
  readonly ownerColumn?: string | undefined;
  readonly collections?: Readonly<Record<string, Partial<CollectionSpec>>>;
  readonly shapeOf?: (collection: string) => RecordShape | undefined;
  readonly label: string;
}

/**
 * PostgreSQL-källa — a region's database or warehouse views in the documented layout
 * (docs/sources.md): one table or view per collection in `schema`, columns in snake_case (or
 * mapped in config). A whole batch is one parameterised query; the pool sets a server-side
 * `statement_timeout` and a client-side query timeout.
 */
export class PostgresSource implements RegionSource {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  /** Queries sent (for tests and the benchmark). */
  queriesSent = 0;

  constructor(readonly options: PostgresSourceOptions) {
    this.#pool = options.pools.get(options.connection, options.settings);
  }

  async fetch(requests: readonly SourceRequest[]): Promise<ReadonlyArray<readonly SourceRecord[]>> {
    if (requests.length === 0) return [];
    const query = batchQuery(requests, this.options);
    this.queriesSent += 1;
    let rows: Array<{ request: number; record: unknown }>;
    try {
      rows = (await this.#pool.query({ text: query.text, values: [...query.values] })).rows;
    } catch (error) {
      throw pgError(error);
    }
    const raw: Record<string, unknown>[][] = requests.map(() => []);
    for (const row of rows) {
      const target = raw[Number(row.request)];
      if (!target || typeof row.record !== 'object' || row.record === null)
        throw badResponse('database answered rows of an unexpected shape');
      const spec = this.options.collections?.[requests[Number(row.request)]!.collection];
      target.push(rowToFields(row.record as Record<string, unknown>, spec?.fields, this.options.ownerColumn));
    }
    return requests.map((request, index) => {
      const records = finishRecords(
        raw[index]!,
        { shape: this.options.shapeOf?.(request.collection), label: this.options.label },
        `${request.collection} from PostgreSQL`,
      );
      return applyFilter(records, request.filter);
    });
  }
}

/** pg / PostgreSQL failures → stable source error codes; messages carry no connection secrets. */
export function pgError(error: unknown): SourceError {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = String((error as Error | null)?.message ?? error);
  if (code === '57014') return timedOut('PostgreSQL cancelled the query (statement_timeout)', error);
  if (/query read timeout|timeout exceeded when trying to connect|connection timeout/i.test(message))
    return timedOut(`PostgreSQL did not answer in time (${message})`, error);
  if (code === '42P01') return unavailable('PostgreSQL: a table or view of the layout is missing', error);
  if (code === '42703') return unavailable('PostgreSQL: a column of the layout is missing', error);
  if (code === '28P01' || code === '28000') return unavailable('PostgreSQL refused the credentials', error);
  return unavailable(`PostgreSQL unavailable (${code || message})`, error);
}
