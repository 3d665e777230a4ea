import { type ConstDirectiveNode, Kind, parse, type ValueNode } from 'graphql';
import type { Identity } from '../../gateway/security/identity.js';

/**
 * The access markings of a supergraph, read independently of the gateway: `@authenticated` and
 * `@requiresScopes(scopes: [[…]])` on object types and fields. A field is guarded by its own
 * markings and by those of the type it returns (Apollo's semantics, which the gateway enforces).
 * `scopes` is an OR of ANDs: the caller needs every scope of at least one inner list.
 */
export interface AccessRule {
  readonly authenticated: boolean;
  readonly scopes: ReadonlyArray<readonly string[]>;
}

export interface AccessRules {
  /** The rule guarding `type.field` (returning `returnType`), or null when it is public. */
  rule(type: string, field: string, returnType: string): AccessRule | null;
}

export function readAccessRules(supergraphSdl: string): AccessRules {
  const byCoordinate = new Map<string, AccessRule>();
  for (const d of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const own = ruleOf(d.directives);
    if (own) byCoordinate.set(d.name.value, own);
    for (const f of d.fields ?? []) {
      const rule = ruleOf(f.directives);
      if (rule) byCoordinate.set(`${d.name.value}.${f.name.value}`, rule);
    }
  }
  return {
    rule(type, field, returnType) {
      return merge(byCoordinate.get(`${type}.${field}`), byCoordinate.get(returnType));
    },
  };
}

/** What the caller must get for a guarded field: null when allowed, else the error code. */
export function denial(identity: Identity, rule: AccessRule | null): 'UNAUTHORIZED' | 'FORBIDDEN' | null {
  if (!rule) return null;
  if (!identity.authenticated) return rule.authenticated || rule.scopes.length > 0 ? 'UNAUTHORIZED' : null;
  if (rule.scopes.length === 0) return null;
  return rule.scopes.some((all) => all.every((s) => identity.scopes.includes(s))) ? null : 'FORBIDDEN';
}

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  let authenticated = false;
  const scopes: string[][] = [];
  for (const d of directives ?? []) {
    if (d.name.value === 'authenticated') authenticated = true;
    if (d.name.value === 'requiresScopes') {
      const arg = d.arguments?.find((a) => a.name.value === 'scopes');
      if (arg?.value.kind === Kind.LIST) for (const inner of arg.value.values) scopes.push(strings(inner));
    }
  }
  return authenticated || scopes.length > 0 ? { authenticated, scopes } : null;
}

function strings(value: ValueNode): string[] {
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap(strings);
  return [];
}

/** Both rules apply: authentication if either asks for it; scopes: each side's OR, combined by AND. */
function merge(a: AccessRule | undefined, b: AccessRule | undefined): AccessRule | null {
  if (!a) return b ?? null;
  if (!b) return a;
  const scopes =
    a.scopes.length === 0
      ? b.scopes
      : b.scopes.length === 0
        ? a.scopes
        : a.scopes.flatMap((x) => b.scopes.map((y) => [...new Set([...x, ...y])]));
  return { authenticated: a.authenticated || b.authenticated, scopes };
}
