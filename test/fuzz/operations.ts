import {
  type ArgumentNode,
  astFromValue,
  type DefinitionNode,
  type DirectiveNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type NameNode,
  OperationTypeNode,
  print,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { SCOPED_TYPES } from '../../gateway/security/region-scope.js';
import { type ArgumentContext, argumentValue } from './argument-values.js';
import type { Dice } from './dice.js';

/**
 * Schema-aware generation of VALID operations against an API schema: random root fields (steered
 * towards people counts and region-scoped detail), sub-selections to a bounded depth, arguments of
 * the right types with edge values (argument-values.ts), aliases (plain, confusing and hostile:
 * the gateway's own hidden `__vardnavScope_*` keys), named and inline fragments (on each possible
 * type of abstract types), @skip/@include with literals and variables, and variables of the
 * arguments' own types. Validity is by construction: response keys are tracked per parent type so
 * no two fields of a merged selection conflict (GraphQL spec §5.3.2), every variable and fragment
 * defined is used, and list sizes are multiplied into a budget that keeps most operations under
 * the gateway's cost limit. mutate.ts breaks a share of them.
 */
export interface FuzzOperation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export interface OperationContext extends ArgumentContext {
  readonly schema: GraphQLSchema;
  /** countDistances(schema): levels from a type down to the nearest people count. */
  readonly distances: ReadonlyMap<string, number>;
}

const MAX_DEPTH = 5;
const LIST_BUDGET = 600;
const PLAIN_LIST_SIZE = 25;
const SCOPED = new Map(SCOPED_TYPES.map((s) => [s.type, s]));
const name = (value: string): NameNode => ({ kind: Kind.NAME, value });

export function generateOperation(dice: Dice, ctx: OperationContext): FuzzOperation {
  return new Builder(dice, ctx).operation();
}

class Builder {
  private readonly variableDefinitions: VariableDefinitionNode[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: DefinitionNode[] = [];
  /** Per parent type: response key → field signature (name + arguments), to avoid conflicts. */
  private readonly keys = new Map<string, Map<string, string>>();
  private counter = 0;
  private aliases = 0;

  constructor(
    private readonly dice: Dice,
    private readonly ctx: OperationContext,
  ) {}

  operation(): FuzzOperation {
    const query = this.ctx.schema.getQueryType();
    if (!query) throw new Error('the schema has no Query type');
    const selectionSet = this.selectionSet(query, 0, LIST_BUDGET, this.dice.int(1, 3));
    if (this.dice.chance(0.02)) selectionSet.selections.push(introspectionField(this.dice));
    const named = this.dice.chance(0.5);
    const operationName = named ? `Fz${this.dice.int(0, 999)}` : undefined;
    const definitions: DefinitionNode[] = [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        ...(operationName ? { name: name(operationName) } : {}),
        variableDefinitions: this.variableDefinitions,
        selectionSet,
      },
      ...this.fragments,
    ];
    // Another operation in the same document: the server must run the one named (spec §6.1).
    const other = named && this.dice.chance(0.08);
    if (other)
      definitions.push({
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name('FzOther'),
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [{ kind: Kind.FIELD, name: name('__typename') }],
        },
      });
    const text = print({ kind: Kind.DOCUMENT, definitions });
    return {
      query: text,
      ...(this.variableDefinitions.length > 0 ? { variables: this.variables } : {}),
      ...(operationName && (other || this.dice.chance(0.5)) ? { operationName } : {}),
    };
  }

  private selectionSet(
    type: GraphQLCompositeType,
    depth: number,
    budget: number,
    count = this.dice.int(1, 4),
  ): SelectionSetNode & { selections: SelectionNode[] } {
    const selections: SelectionNode[] = [];
    if (isAbstractType(type)) {
      selections.push({ kind: Kind.FIELD, name: name('__typename') });
      for (const possible of this.ctx.schema.getPossibleTypes(type))
        if (this.dice.chance(0.6))
          selections.push({
            kind: Kind.INLINE_FRAGMENT,
            typeCondition: { kind: Kind.NAMED_TYPE, name: name(possible.name) },
            selectionSet: this.selectionSet(possible, depth, budget),
          });
      return { kind: Kind.SELECTION_SET, selections };
    }
    const fields = Object.values(type.getFields());
    const leavesOnly = depth >= MAX_DEPTH || budget < 2;
    const candidates = fields.filter((f) => !leavesOnly || !isCompositeType(getNamedType(f.type)));
    const pool = candidates.length > 0 ? candidates : fields;
    // Not abstract, so an object type (the schema's interfaces are abstract too).
    const object = type as GraphQLObjectType;
    for (let i = 0; i < count; i++) selections.push(this.field(object, this.choose(pool), depth, budget));
    if (this.dice.chance(0.1)) selections.push({ kind: Kind.FIELD, name: name('__typename') });
    const scoped = SCOPED.get(type.name);
    // The regions a scoped record concerns, so the invariants can decide who may see its detail.
    if (scoped && this.dice.chance(0.85)) {
      for (const f of scoped.regionFields) selections.push(this.keyField(object, f, 'code'));
      for (const f of scoped.healthcareRegionFields) selections.push(this.keyField(object, f, 'id'));
    }
    if (scoped && this.dice.chance(0.08)) selections.push(this.hostileKey(object, scoped));
    return { kind: Kind.SELECTION_SET, selections: this.fragmentise(object, selections) };
  }

  /** Weighted towards fields that lead to people counts; every field stays possible. */
  private choose(pool: ReadonlyArray<GraphQLField<unknown, unknown>>): GraphQLField<unknown, unknown> {
    return this.dice.weighted(
      pool.map((f) => {
        const d = this.ctx.distances.get(getNamedType(f.type).name) ?? Number.POSITIVE_INFINITY;
        const weight =
          f.name === 'count' || f.name === 'suppressed' || f.name === 'value' ? 4 : d <= 3 ? 4 : 1;
        return [f, weight] as const;
      }),
    );
  }

  private field(
    parent: GraphQLObjectType,
    def: GraphQLField<unknown, unknown>,
    depth: number,
    budget: number,
  ): FieldNode {
    const args: ArgumentNode[] = [];
    let factor = isListType(isNonNullType(def.type) ? def.type.ofType : def.type) ? PLAIN_LIST_SIZE : 1;
    for (const arg of def.args) {
      if (!isNonNullType(arg.type) && !this.dice.chance(arg.name === 'first' ? 0.85 : 0.35)) {
        if (arg.name === 'first' && typeof arg.defaultValue === 'number') factor = arg.defaultValue;
        continue;
      }
      const value = argumentValue(this.dice, this.ctx, def, arg, budget);
      if (arg.name === 'first') factor = typeof value === 'number' ? Math.max(1, value) : 100;
      args.push({ kind: Kind.ARGUMENT, name: name(arg.name), value: this.valueNode(value, arg.type) });
    }
    const signature = `${def.name}(${args.map((a) => print(a)).join(',')})`;
    const alias = this.alias(parent, def.name, signature);
    const named = getNamedType(def.type);
    return {
      kind: Kind.FIELD,
      ...(alias !== def.name ? { alias: name(alias) } : {}),
      name: name(def.name),
      arguments: args,
      directives: this.dice.chance(0.08) ? [this.condition()] : [],
      ...(isCompositeType(named)
        ? { selectionSet: this.selectionSet(named, depth + 1, budget / factor) }
        : {}),
    };
  }

  /** A response key for the field: its name, or an alias (plain, or another field's name). */
  private alias(parent: GraphQLObjectType, field: string, signature: string): string {
    let key = field;
    if (this.aliases < 25 && this.dice.chance(0.15))
      key = this.dice.chance(0.3) ? this.dice.pick(Object.keys(parent.getFields())) : `a${this.counter++}`;
    return this.reserve(parent, key, signature, field);
  }

  /** Claims `key` for a field signature; same key, different field or arguments: a fresh alias. */
  private reserve(parent: GraphQLObjectType, wanted: string, signature: string, field: string): string {
    const keys = this.keys.get(parent.name) ?? new Map<string, string>();
    this.keys.set(parent.name, keys);
    const key = keys.has(wanted) && keys.get(wanted) !== signature ? `a${this.counter++}` : wanted;
    keys.set(key, signature);
    if (key !== field) this.aliases += 1;
    return key;
  }

  /** `fromRegion { code }`: unaliased, so it merges with any other selection of the field. */
  private keyField(type: GraphQLObjectType, field: string, key: string): FieldNode {
    const responseKey = this.reserve(type, field, `${field}()`, field);
    const keyType = getNamedType(type.getFields()[field]!.type) as GraphQLObjectType;
    const innerKey = this.reserve(keyType, key, `${key}()`, key);
    return {
      kind: Kind.FIELD,
      ...(responseKey !== field ? { alias: name(responseKey) } : {}),
      name: name(field),
      selectionSet: {
        kind: Kind.SELECTION_SET,
        selections: [
          { kind: Kind.FIELD, ...(innerKey !== key ? { alias: name(innerKey) } : {}), name: name(key) },
        ],
      },
    };
  }

  /**
   * A client field under the gateway's hidden region key (`__vardnavScope_fromRegion`), pointing
   * at another region field or with `code` aliased to a non-code: scoping must not be fooled.
   */
  private hostileKey(type: GraphQLObjectType, scoped: (typeof SCOPED_TYPES)[number]): FieldNode {
    const region = scoped.regionFields.length > 0;
    const fields = region ? scoped.regionFields : scoped.healthcareRegionFields;
    const key = `__vardnavScope_${this.dice.pick(fields)}`;
    const target = this.dice.pick(fields);
    const sub = region ? this.dice.pick(['code', 'name', 'shortName']) : this.dice.pick(['id', 'name']);
    if (this.reserve(type, key, `${target}(){${sub}}`, key) !== key)
      return this.keyField(type, target, region ? 'code' : 'id');
    const inner = region ? 'code' : 'id';
    return {
      kind: Kind.FIELD,
      alias: name(key),
      name: name(target),
      selectionSet: {
        kind: Kind.SELECTION_SET,
        selections: [{ kind: Kind.FIELD, ...(sub !== inner ? { alias: name(inner) } : {}), name: name(sub) }],
      },
    };
  }

  /** Moves some selections into a named fragment or an inline fragment (possibly conditional). */
  private fragmentise(type: GraphQLObjectType, selections: SelectionNode[]): SelectionNode[] {
    if (selections.length === 0 || !this.dice.chance(0.25)) return selections;
    const cut = this.dice.int(0, selections.length - 1);
    const moved = selections.slice(cut);
    const kept = selections.slice(0, cut);
    const set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: moved };
    const directives = this.dice.chance(0.3) ? [this.condition()] : [];
    if (this.dice.chance(0.5)) {
      const fragment = `F${this.counter++}`;
      this.fragments.push({
        kind: Kind.FRAGMENT_DEFINITION,
        name: name(fragment),
        typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) },
        selectionSet: set,
      });
      return [...kept, { kind: Kind.FRAGMENT_SPREAD, name: name(fragment), directives }];
    }
    return [
      ...kept,
      {
        kind: Kind.INLINE_FRAGMENT,
        ...(this.dice.chance(0.6) ? { typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) } } : {}),
        directives,
        selectionSet: set,
      },
    ];
  }

  /** `@skip(if: …)` or `@include(if: …)`, with a literal or a Boolean variable. */
  private condition(): DirectiveNode {
    const directive = this.dice.chance(0.5) ? 'skip' : 'include';
    const value = this.dice.chance(0.5);
    const node: ValueNode = this.dice.chance(0.5)
      ? { kind: Kind.BOOLEAN, value }
      : this.variable('Boolean!', value, { kind: Kind.BOOLEAN, value });
    return {
      kind: Kind.DIRECTIVE,
      name: name(directive),
      arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: node }],
    };
  }

  /** The value as a literal, or (30 %) as a variable of the argument's type. */
  private valueNode(value: unknown, type: GraphQLInputType): ValueNode {
    const literal = astFromValue(value, type);
    if (!literal) throw new Error(`no literal for ${JSON.stringify(value)} as ${String(type)}`);
    return this.dice.chance(0.3) ? this.variable(String(type), value, literal) : literal;
  }

  private variable(type: string, value: unknown, literal: ValueNode): ValueNode {
    const variable = `v${this.counter++}`;
    // A nullable variable sometimes carries its value as the default and is not sent.
    const byDefault = !type.endsWith('!') && value !== null && this.dice.chance(0.2);
    this.variableDefinitions.push({
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: name(variable) },
      type: typeNode(type),
      ...(byDefault ? { defaultValue: literal as never } : {}),
    });
    if (!byDefault) this.variables[variable] = value;
    return { kind: Kind.VARIABLE, name: name(variable) };
  }
}

function typeNode(type: string): VariableDefinitionNode['type'] {
  if (type.endsWith('!')) return { kind: Kind.NON_NULL_TYPE, type: typeNode(type.slice(0, -1)) as never };
  if (type.startsWith('['))
    return { kind: Kind.LIST_TYPE, type: typeNode(type.slice(1, -1)) } as VariableDefinitionNode['type'];
  return { kind: Kind.NAMED_TYPE, name: name(type) };
}

function introspectionField(dice: Dice): FieldNode {
  const type = dice.pick(['Region', 'PatientFlow', 'Query', 'NoSuchType']);
  return {
    kind: Kind.FIELD,
    alias: name('fzIntrospection'),
    name: name('__type'),
    arguments: [{ kind: Kind.ARGUMENT, name: name('name'), value: { kind: Kind.STRING, value: type } }],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        { kind: Kind.FIELD, name: name('name') },
        {
          kind: Kind.FIELD,
          name: name('fields'),
          selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name('name') }] },
        },
      ],
    },
  };
}
