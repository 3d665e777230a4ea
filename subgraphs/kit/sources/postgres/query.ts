import type { CollectionSpec } from '../../../../config/sources.js';
import type { SourceRequest } from '../types.js';

/** `hospitalId` → `hospital_id`. */
export const snakeCase = (name: string) =>
  name
    .replace(/-/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

/** `hospital_id` → `hospitalId`. */
export const camelCase = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

export interface BatchQuery {
  readonly text: string;
  readonly values: ReadonlyArray<string>;
}

export interface QueryLayout {
  readonly schema: string;
  readonly ownerColumn?: string | undefined;
  readonly owner: string;
  readonly collections?: Readonly<Record<string, Partial<CollectionSpec>>>;
}

/** Table or view of a collection: `from`, else the collection name in snake_case. */
export const tableOf = (collection: string, layout: QueryLayout) =>
  layout.collections?.[collection]?.from ?? snakeCase(collection);

/**
 * One round trip for a whole batch: a UNION ALL of one parameterised SELECT per request, each row
 * tagged with its request's index and returned as JSON (`to_jsonb`), so any table layout maps to
 * records the same way. Filters compare the row's JSON text value with a parameter; identifiers
 * are validated and quoted; values are never spliced into the SQL.
 */
export function batchQuery(requests: readonly SourceRequest[], layout: QueryLayout): BatchQuery {
  const values: string[] = [];
  const param = (value: string) => {
    values.push(value);
    return `$${values.length}`;
  };
  const selects = requests.map((request, index) => {
    const spec = layout.collections?.[request.collection];
    const table = `${quoteIdent(layout.schema)}.${quoteIdent(tableOf(request.collection, layout))}`;
    const where: string[] = [];
    if (layout.ownerColumn) where.push(`t.${quoteIdent(layout.ownerColumn)}::text = ${param(layout.owner)}`);
    for (const [field, value] of Object.entries(request.filter ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const column = spec?.fields?.[field] ?? snakeCase(field);
      quoteIdent(column);
      where.push(`to_jsonb(t) ->> ${param(column)} = ${param(String(value))}`);
    }
    const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    return `SELECT ${index} AS request, to_jsonb(t) AS record FROM ${table} AS t${clause}`;
  });
  return { text: `${selects.join('\nUNION ALL\n')}\nORDER BY request`, values };
}

/** Column names of one row → hub field names (configured mapping first, else camelCase). */
export function rowToFields(
  row: Record<string, unknown>,
  fields: Readonly<Record<string, string>> = {},
  ownerColumn?: string,
): Record<string, unknown> {
  const byColumn = new Map(Object.entries(fields).map(([field, column]) => [column, field]));
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (column === ownerColumn && !byColumn.has(column)) continue;
    out[byColumn.get(column) ?? camelCase(column)] = value;
  }
  return out;
}
