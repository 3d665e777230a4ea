import { type DocumentNode, type FieldNode, GraphQLError, Kind, visit } from 'graphql';
import { INTERNAL_ALIAS_PREFIX, RESERVED_ALIAS_PREFIXES } from '../plan/reserved-names.js';
import type { ExecutionRun } from './run.js';
import { RUNTIME_TYPENAME } from './shape/runtime-type.js';

/**
 * Client aliases, kept away from the query planner.
 *
 * The Hive planner (@graphql-hive/router-query-planner 0.0.38) adds fields of its own to the
 * fetches it builds (entity keys, @requires inputs, `__typename`) and mishandles a client alias
 * that takes one of their response keys: `code: primaryCareUnits { … }` next to its own key
 * `code` becomes `_internal_qp_alias_0: code` renamed back to `code` over the client's object,
 * and `id: region { code }` next to a key `id` fails planning ("No field found for name 'code'
 * in type 'ID'"). So the planner never sees a client alias: every one becomes a gateway-owned
 * `_vn_a<N>` (one per distinct alias string, so fields that merge under one response key still
 * merge: renaming response keys one-to-one keeps OverlappingFieldsCanBeMerged, GraphQL spec
 * §5.3.2, as it was), executes under it, and is given its client key back when the fetches are
 * done (before security's afterFetch and shaping, which read the client's keys). Planner-added
 * keys are no longer needed then: no representation is built after the last fetch.
 *
 * Kept as they are: an alias equal to the field's name (`code: code` is `code`; renaming it
 * would split it from an unaliased `code` it merges with) and the gateway's own reserved aliases
 * (region scoping's hidden keys).
 *
 * A client field with arguments whose name some @requires takes with arguments
 * (`dose(unit: "g")` next to `totalMg @requires(fields: "dose(unit: \"mg\")")`) gets a stand-in
 * too, aliased or not: the planner then fetches its own `dose(unit: "mg")` under `dose`. Left
 * under `dose`, the planner aliases one of the two and the fetch's `requires` can name the wrong
 * one (it drops the `_internal_qp_alias_<n>` it fetched under in nested selections and behind its
 * output KeyRenamers): the subgraph computed from the client's argument
 * (test/gateway/planner-key-renames.test.ts). Fields merging under one response key all carry
 * the same arguments (§5.3.2), so they all get the same stand-in.
 */
export interface ClientAliases {
  /** The document to plan. */
  readonly document: DocumentNode;
  /** Client alias of `_vn_a<N>` at index N; empty when the document needed no change. */
  readonly aliases: readonly string[];
}

export function internaliseAliases(
  document: DocumentNode,
  /** Field names some @requires selects with arguments (load/required-arguments.ts). */
  argumentFields: ReadonlySet<string> = NONE,
): ClientAliases {
  const index = new Map<string, number>();
  const aliases: string[] = [];
  const renamed = visit(document, {
    Field(node: FieldNode) {
      const name = node.name.value;
      const required = argumentFields.has(name) && (node.arguments?.length ?? 0) > 0;
      const alias = node.alias?.value ?? (required ? name : undefined);
      if (alias === undefined) return undefined;
      if (alias === name && !required) return { ...node, alias: undefined };
      if (RESERVED_ALIAS_PREFIXES.some((p) => alias.startsWith(p))) return undefined;
      let n = index.get(alias);
      if (n === undefined) {
        n = aliases.length;
        index.set(alias, n);
        aliases.push(alias);
      }
      return { ...node, alias: { kind: Kind.NAME, value: `${INTERNAL_ALIAS_PREFIX}${n}` } };
    },
  });
  return { document: renamed, aliases };
}

const NONE: ReadonlySet<string> = new Set();

/** The client's response key for a key of the executed data. */
export function clientKey(key: string, aliases: readonly string[]): string {
  if (!key.startsWith(INTERNAL_ALIAS_PREFIX)) return key;
  const alias = aliases[Number(key.slice(INTERNAL_ALIAS_PREFIX.length))];
  return alias ?? key;
}

/**
 * Gives the merged data its client keys back, in place: `_vn_a<N>` becomes the client's alias,
 * replacing whatever the planner fetched under that name for itself. Objects reached twice (an
 * entity answer merged into several targets shares its sub-objects) are renamed once.
 *
 * A client alias `__typename` of another field (`node { __typename: id }`, legal: GraphQL spec
 * §2.7) takes the key the subgraphs' runtime type sits under; that type is still needed to tell
 * abstract members apart, so it moves to RUNTIME_TYPENAME (shape/runtime-type.ts typenameOf).
 */
export function restoreClientKeys(data: unknown, aliases: readonly string[]): void {
  if (aliases.length === 0) return;
  const seen = new WeakSet<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const inner = object[key];
      stack.push(inner);
      const target = clientKey(key, aliases);
      if (target === key) continue;
      if (target === '__typename')
        (object as { [RUNTIME_TYPENAME]?: unknown })[RUNTIME_TYPENAME] = object.__typename;
      delete object[key];
      object[target] = inner;
    }
  }
}

/** A response path of the executed data as a client path. */
export function clientPath(
  path: ReadonlyArray<string | number>,
  aliases: readonly string[],
): Array<string | number> {
  return path.map((s) => (typeof s === 'string' ? clientKey(s, aliases) : s));
}

/** `error` with its path in client keys (the same error when nothing changes). */
export function clientError(error: GraphQLError, aliases: readonly string[]): GraphQLError {
  const path = error.path;
  if (!path?.some((s) => typeof s === 'string' && s.startsWith(INTERNAL_ALIAS_PREFIX))) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: clientPath(path, aliases),
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/**
 * After the last fetch: the run's merged data, error paths, explained positions and failed root
 * keys in the client's keys (nothing to do when the operation has no aliases).
 */
export function restoreClientRun(run: ExecutionRun, aliases: readonly string[]): void {
  if (aliases.length === 0) return;
  restoreClientKeys(run.data, aliases);
  for (let i = 0; i < run.errors.length; i++) run.errors[i] = clientError(run.errors[i]!, aliases);
  for (let i = 0; i < run.explained.length; i++) run.explained[i] = clientPath(run.explained[i]!, aliases);
  for (const [key, failure] of [...run.failedRoot]) {
    run.failedRoot.delete(key);
    run.failedRoot.set(clientKey(key, aliases), failure);
  }
}
