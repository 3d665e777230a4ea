import { type ConstDirectiveNode, type DocumentNode, Kind } from 'graphql';

/**
 * Åtkomstmärkningar — access markings read from the supergraph: `@authenticated` and
 * `@requiresScopes` (Federation v2.5+, https://specs.apollo.dev/authenticated/v0.1 and
 * https://specs.apollo.dev/requiresScopes/v0.1) on types and fields. The API schema clients see
 * does not carry them, so they are read once per loaded supergraph.
 */
export interface Requirement {
  readonly authenticated: boolean;
  /** Each entry must hold; an entry is an OR of AND-groups of scopes (`[["a","b"],["c"]]`). */
  readonly scopes: readonly (readonly (readonly string[])[])[];
}

export const NONE: Requirement = Object.freeze({ authenticated: false, scopes: [] });

export class AccessMarkings {
  private readonly types = new Map<string, Requirement>();
  private readonly fields = new Map<string, Requirement>();

  constructor(supergraph: DocumentNode) {
    for (const d of supergraph.definitions) {
      if (
        d.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        d.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        d.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
        d.kind !== Kind.INTERFACE_TYPE_EXTENSION &&
        d.kind !== Kind.ENUM_TYPE_DEFINITION &&
        d.kind !== Kind.SCALAR_TYPE_DEFINITION
      )
        continue;
      const typeName = d.name.value;
      add(this.types, typeName, d.directives);
      if ('fields' in d)
        for (const f of d.fields ?? []) add(this.fields, `${typeName}.${f.name.value}`, f.directives);
    }
  }

  /** True when the supergraph marks anything at all (otherwise filtering is skipped). */
  get any(): boolean {
    return this.types.size > 0 || this.fields.size > 0;
  }

  type(name: string): Requirement {
    return this.types.get(name) ?? NONE;
  }

  field(parent: string, name: string): Requirement {
    return this.fields.get(`${parent}.${name}`) ?? NONE;
  }

  /** Coordinates (`Type.field`) and types that carry any marking: the "sensitive" parts. */
  isSensitiveField(parent: string, name: string, returnType: string): boolean {
    return this.fields.has(`${parent}.${name}`) || this.types.has(returnType);
  }
}

function add(
  map: Map<string, Requirement>,
  key: string,
  directives: readonly ConstDirectiveNode[] | undefined,
) {
  let authenticated = false;
  const scopes: string[][][] = [];
  for (const d of directives ?? []) {
    if (d.name.value === 'authenticated') authenticated = true;
    if (d.name.value === 'requiresScopes') {
      const arg = d.arguments?.find((a) => a.name.value === 'scopes')?.value;
      if (arg?.kind !== Kind.LIST) continue;
      const groups: string[][] = [];
      for (const group of arg.values) {
        if (group.kind !== Kind.LIST) continue;
        groups.push(group.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])));
      }
      scopes.push(groups);
    }
  }
  if (authenticated || scopes.length > 0) {
    const existing = map.get(key);
    map.set(key, {
      authenticated: authenticated || (existing?.authenticated ?? false),
      scopes: [...(existing?.scopes ?? []), ...scopes],
    });
  }
}

export type Denial = 'UNAUTHORIZED' | 'FORBIDDEN';

/** Checks requirements against a caller's state: null when allowed, else why not. */
export function deny(
  authenticated: boolean,
  scopes: ReadonlySet<string>,
  ...requirements: Requirement[]
): Denial | null {
  for (const r of requirements) {
    if ((r.authenticated || r.scopes.length > 0) && !authenticated) return 'UNAUTHORIZED';
    for (const alternatives of r.scopes) {
      if (!alternatives.some((group) => group.every((s) => scopes.has(s)))) return 'FORBIDDEN';
    }
  }
  return null;
}
