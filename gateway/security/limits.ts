import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValueNode,
} from 'graphql';

/** One measured operation: what the limits are checked against. */
export interface Measurement {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  /** Σ over selected fields of the product of the list sizes above them (`first`/`limit`/…). */
  cost: number;
}

export type LimitName = keyof Measurement | 'tokens';

export interface LimitOptions {
  /** `enforce` rejects; `measure` only logs what would have been rejected. */
  readonly mode: 'enforce' | 'measure';
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** List size assumed for list fields without a size argument. */
  readonly defaultListSize: number;
}

const SIZE_ARGUMENTS = ['first', 'last', 'limit'];
const CAP = Number.MAX_SAFE_INTEGER;

/** Counts the lexical tokens of a document (stops counting past `stopAfter`). */
export function countTokens(source: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) return count;
    }
  } catch {
    // A syntax error: the parser reports it; what was counted so far stands.
  }
  return count;
}

/**
 * Measures every operation of a document (the largest value of each measure counts). Fragment
 * spreads are measured once per fragment and reused, so a document whose fragments multiply
 * ("fragment bombs") is measured in linear time and gets its true, huge cost.
 */
export function measureDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
  defaultListSize = 10,
): Measurement {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, Measurement>();
  const active = new Set<string>();

  const sizeOf = (
    field: GraphQLField<unknown, unknown> | undefined,
    args: readonly { name: { value: string }; value: ValueNode }[],
    paged = false,
  ) => {
    for (const name of SIZE_ARGUMENTS) {
      const arg = args.find((a) => a.name.value === name);
      const value = arg ? literal(arg.value, variables) : undefined;
      if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, value);
      const declared = field?.args.find((a) => a.name === name);
      if (declared)
        return typeof declared.defaultValue === 'number'
          ? Math.max(1, declared.defaultValue)
          : defaultListSize;
    }
    // A list inside a page (a non-list field that took first/last/limit) is that page's size, already counted.
    return field && isListLike(field) && !paged ? defaultListSize : 1;
  };

  const measureSet = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    paged = false,
  ): Measurement => {
    const m: Measurement = { depth: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0 };
    for (const s of set.selections) {
      m.directives += s.directives?.length ?? 0;
      if (s.kind === Kind.FIELD) {
        m.rootFields += 1;
        if (s.alias) m.aliases += 1;
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent))
            ? parent.getFields()[s.name.value]
            : undefined;
        const size = sizeOf(field, s.arguments ?? [], paged);
        const page =
          field !== undefined &&
          !isListLike(field) &&
          field.args.some((a) => SIZE_ARGUMENTS.includes(a.name));
        let child: Measurement | undefined;
        if (s.selectionSet) {
          const named = field ? getNamedType(field.type) : undefined;
          child = measureSet(s.selectionSet, isCompositeType(named) ? named : undefined, page);
        }
        m.depth = Math.max(m.depth, 1 + (child?.depth ?? 0));
        m.aliases = add(m.aliases, child?.aliases ?? 0);
        m.directives = add(m.directives, child?.directives ?? 0);
        m.cost = add(m.cost, add(1, mul(size, child?.cost ?? 0)));
      } else {
        let inner: Measurement;
        if (s.kind === Kind.INLINE_FRAGMENT) {
          const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
          inner = measureSet(s.selectionSet, isCompositeType(type) ? type : undefined, paged);
        } else inner = measureFragment(s.name.value);
        m.depth = Math.max(m.depth, inner.depth);
        m.rootFields = add(m.rootFields, inner.rootFields);
        m.aliases = add(m.aliases, inner.aliases);
        m.directives = add(m.directives, inner.directives);
        m.cost = add(m.cost, inner.cost);
      }
    }
    return m;
  };

  const measureFragment = (name: string): Measurement => {
    const cached = memo.get(name);
    if (cached) return cached;
    const fragment = fragments.get(name);
    if (!fragment || active.has(name)) return { depth: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0 };
    active.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const m = measureSet(fragment.selectionSet, isCompositeType(type) ? type : undefined);
    m.directives += fragment.directives?.length ?? 0;
    active.delete(name);
    memo.set(name, m);
    return m;
  };

  const total: Measurement = { depth: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0 };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const m = measureOperation(d, schema, measureSet);
    for (const key of Object.keys(total) as (keyof Measurement)[]) total[key] = Math.max(total[key], m[key]);
  }
  return total;
}

function measureOperation(
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  measureSet: (set: SelectionSetNode, parent: GraphQLCompositeType | undefined) => Measurement,
): Measurement {
  const root = schema.getRootType(operation.operation) ?? undefined;
  const m = measureSet(operation.selectionSet, root);
  m.directives +=
    (operation.directives?.length ?? 0) +
    (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return m;
}

/** Which limits a measurement exceeds, with the measured value and the limit. */
export function exceeded(
  measured: Partial<Record<LimitName, number>>,
  limits: LimitOptions,
): Array<{ limit: LimitName; measured: number; max: number }> {
  const max: Record<LimitName, number> = {
    depth: limits.maxDepth,
    aliases: limits.maxAliases,
    rootFields: limits.maxRootFields,
    directives: limits.maxDirectives,
    tokens: limits.maxTokens,
    cost: limits.maxCost,
  };
  const out: Array<{ limit: LimitName; measured: number; max: number }> = [];
  for (const limit of Object.keys(max) as LimitName[]) {
    const value = measured[limit];
    if (value !== undefined && value > max[limit]) out.push({ limit, measured: value, max: max[limit] });
  }
  return out;
}

function isListLike(field: GraphQLField<unknown, unknown>): boolean {
  let t = field.type;
  if (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

function literal(value: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

const add = (a: number, b: number) => Math.min(CAP, a + b);
const mul = (a: number, b: number) => Math.min(CAP, a * b);
