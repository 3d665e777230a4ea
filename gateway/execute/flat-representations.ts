import type { RequiresSelection } from '@graphql-hive/router-query-planner';
import type { TypeIndex } from '../load/type-index.js';
import { MISSING } from './requires.js';

/**
 * The common shape of a fetch's `requires`: one type condition over leaf fields, as in
 * `... on Product { __typename upc }` (entity keys) or `... on Product { upc price weight }`
 * (scalar @requires inputs). For it, representations are deduplicated by the field values
 * themselves (a tree of Maps: typename, then each value) and serialised only once per distinct
 * entity: a list of 100 reviews of 5 products builds 5 JSON strings, not 100 objects and 100
 * strings to compare. The JSON is byte-identical to `JSON.stringify(projectRequires(...))`
 * (requires.ts, which every other shape still takes; representations.test.ts compares the two).
 */
export interface FlatRequires {
  readonly condition: string;
  readonly fields: readonly FlatField[];
  /** projectRequires appends `__typename` when the selection has none. */
  readonly appendTypename: boolean;
}

interface FlatField {
  /** The response key the value was fetched under. */
  readonly name: string;
  /** The field's name in the representation (and its key once an output rewrite renamed it). */
  readonly alias: string | undefined;
  /** `"key":`, the member's JSON prefix. */
  readonly member: string;
}

const compiled = new WeakMap<readonly RequiresSelection[], FlatRequires | null>();

/** The flat form of `requires`, or null when it has another shape (cached per plan node). */
export function flatRequires(requires: readonly RequiresSelection[]): FlatRequires | null {
  let flat = compiled.get(requires);
  if (flat === undefined) {
    flat = compile(requires);
    compiled.set(requires, flat);
  }
  return flat;
}

function compile(requires: readonly RequiresSelection[]): FlatRequires | null {
  const only = requires.length === 1 ? requires[0]! : null;
  if (only?.kind !== 'InlineFragment' || only.skipIf || only.includeIf) return null;
  const fields: FlatField[] = [];
  const keys = new Set<string>();
  for (const selection of only.selections) {
    if (selection.kind !== 'Field' || selection.selections) return null;
    const key = selection.alias ?? selection.name;
    if (keys.has(key)) return null; // one key assigned twice: leave it to the general path
    keys.add(key);
    fields.push({ name: selection.name, alias: selection.alias, member: `${JSON.stringify(key)}:` });
  }
  if (fields.length === 0) return null;
  return { condition: only.typeCondition, fields, appendTypename: !keys.has('__typename') };
}

type Level = Map<unknown, Level | number>;

/** Deduplicates and serialises representations of one flat `requires`. */
export class FlatRepresentations {
  private readonly root: Level = new Map();
  /** Representations with an object value (a custom scalar), deduplicated by their JSON. */
  private readonly byJson = new Map<string, number>();
  private readonly values: unknown[];

  constructor(
    private readonly flat: FlatRequires,
    private readonly types: TypeIndex,
    private readonly representations: string[],
  ) {
    this.values = new Array(flat.fields.length);
  }

  /** The index of `object`'s representation; null when it is not this fetch's entity (type). */
  indexOf(object: Record<string, unknown>): number | null | typeof MISSING {
    const typename = object.__typename;
    if (typeof typename !== 'string' || !this.types.satisfies(typename, this.flat.condition)) return null;
    const { fields } = this.flat;
    const values = this.values;
    let plain = true;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      let value = object[field.name];
      if (value === undefined && field.alias) value = object[field.alias];
      if (value === undefined) return MISSING;
      if (value !== null && typeof value === 'object') plain = false;
      values[i] = value;
    }
    if (!plain) {
      const json = this.serialise(typename);
      let index = this.byJson.get(json);
      if (index === undefined) {
        index = this.add(json);
        this.byJson.set(json, index);
      }
      return index;
    }
    let level = this.root;
    let key: unknown = typename;
    for (let i = 0; i < values.length; i++) {
      let next = level.get(key) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(key, next);
      }
      level = next;
      key = values[i];
    }
    let index = level.get(key) as number | undefined;
    if (index === undefined) {
      index = this.add(this.serialise(typename));
      level.set(key, index);
    }
    return index;
  }

  private add(json: string): number {
    this.representations.push(json);
    return this.representations.length - 1;
  }

  private serialise(typename: string): string {
    const { fields } = this.flat;
    let json = '{';
    for (let i = 0; i < fields.length; i++)
      json += `${i > 0 ? ',' : ''}${fields[i]!.member}${JSON.stringify(this.values[i])}`;
    if (this.flat.appendTypename) json += `,"__typename":${JSON.stringify(typename)}`;
    return `${json}}`;
  }
}
