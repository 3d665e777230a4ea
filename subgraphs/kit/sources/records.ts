import type { FieldType } from '../../../config/sources.js';
import { badResponse } from './errors.js';
import type { SourceRecord } from './types.js';

/**
 * Postbehandling — what every connector does to a region's raw records before use: map the
 * region's field names to the hub's, type CSV text, validate against the expected shape, and
 * fill in provenance. Invalid answers throw REGION_SOURCE_BAD_RESPONSE and are never cached.
 */

/** Expected JSON type per hub field; `required` fields must be present and non-null. */
export interface RecordShape {
  readonly types: Readonly<Record<string, FieldType>>;
  readonly required: readonly string[];
}

export interface RecordRules {
  /** Hub field → region field (dot path). */
  readonly fields?: Readonly<Record<string, string>>;
  readonly shape?: RecordShape | undefined;
  /** Provenance for records without their own `source`. */
  readonly label: string;
}

export function getPath(value: unknown, path: string): unknown {
  let node = value;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames region fields to hub fields; unmapped fields keep their names. */
export function mapFields(raw: Record<string, unknown>, fields: Readonly<Record<string, string>> = {}) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return raw;
  const out: Record<string, unknown> = { ...raw };
  for (const [hub, region] of entries) {
    if (!region.includes('.')) delete out[region];
    out[hub] = getPath(raw, region);
  }
  return out;
}

function matches(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** Validates and completes raw records; throws BAD_RESPONSE naming the first problem. */
export function finishRecords(raw: readonly unknown[], rules: RecordRules, what: string): SourceRecord[] {
  return raw.map((item, index) => {
    if (!isPlainObject(item)) throw badResponse(`${what}: record ${index} is not an object`);
    const record = mapFields(item, rules.fields);
    for (const field of rules.shape?.required ?? []) {
      if (record[field] === undefined || record[field] === null)
        throw badResponse(`${what}: record ${index} lacks '${field}'`);
    }
    for (const [field, type] of Object.entries(rules.shape?.types ?? {})) {
      const value = record[field];
      if (value !== undefined && value !== null && !matches(value, type))
        throw badResponse(`${what}: record ${index} field '${field}' is not a ${type}`);
    }
    if (record.source !== undefined && typeof record.source !== 'string')
      throw badResponse(`${what}: record ${index} field 'source' is not a string`);
    if (record.synthetic !== undefined && typeof record.synthetic !== 'boolean')
      throw badResponse(`${what}: record ${index} field 'synthetic' is not a boolean`);
    return { ...record, source: record.source ?? rules.label, synthetic: record.synthetic ?? false };
  });
}

/** Converts one CSV cell to the field's type; untyped cells stay text, empty cells are null. */
export function typeCell(text: string, type: FieldType | undefined): unknown {
  if (text === '') return null;
  switch (type) {
    case 'number':
    case 'integer': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) && /^\s*-?[\d.,]+(e-?\d+)?\s*$/i.test(text) ? n : text;
    }
    case 'boolean':
      return /^(true|1|ja|yes)$/i.test(text) ? true : /^(false|0|nej|no)$/i.test(text) ? false : text;
    default:
      return text;
  }
}

/** The shape of a collection as the embedded dataset has it: types seen, fields always present. */
export function inferShape(records: readonly SourceRecord[]): RecordShape | undefined {
  if (records.length === 0) return undefined;
  const types: Record<string, FieldType | null> = {};
  const present = new Map<string, number>();
  for (const record of records) {
    for (const [field, value] of Object.entries(record)) {
      if (value === null || value === undefined) continue;
      present.set(field, (present.get(field) ?? 0) + 1);
      const type: FieldType | null =
        typeof value === 'string'
          ? 'string'
          : typeof value === 'boolean'
            ? 'boolean'
            : typeof value === 'number'
              ? 'number'
              : null;
      if (!(field in types)) types[field] = type;
      else if (types[field] !== type) types[field] = null;
    }
  }
  const known = Object.fromEntries(
    Object.entries(types).filter((entry): entry is [string, FieldType] => entry[1] !== null),
  );
  const required = [...present].filter(([, n]) => n === records.length).map(([f]) => f);
  return { types: known, required: required.filter((f) => f !== 'source' && f !== 'synthetic') };
}

/** Configured types win over inferred ones. */
export function mergeShape(
  inferred: RecordShape | undefined,
  types: Readonly<Record<string, FieldType>> = {},
): RecordShape | undefined {
  if (!inferred && Object.keys(types).length === 0) return undefined;
  return { types: { ...inferred?.types, ...types }, required: inferred?.required ?? [] };
}
