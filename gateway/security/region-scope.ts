import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../../core/errors.js';
import { typenameOf } from '../execute/shape/runtime-type.js';
import type { Identity } from './identity.js';
import type { RegionPolicy } from './region-policy.js';

/** A type whose detail fields are region scoped, and where its regions are read. */
export interface ScopedType {
  readonly type: string;
  /** Fields returning a `Region` (key `code`) the record concerns. */
  readonly regionFields: readonly string[];
  /** Fields returning a `HealthcareRegion` (key `id`): its member regions are concerned. */
  readonly healthcareRegionFields: readonly string[];
  /** Fields withheld (null + FORBIDDEN) from callers outside the concerned regions' partners. */
  readonly detail: readonly string[];
}

/**
 * What is region scoped in the hub's schema. Every detail field is nullable in the schema, so a
 * withheld value leaves the rest of the record (a price list keeps its id, year and sjukvårdsregion
 * when its `items` are withheld). Were one non-null, its null would propagate to the nearest
 * nullable parent (GraphQL spec §6.4.4).
 */
export const SCOPED_TYPES: readonly ScopedType[] = [
  {
    type: 'PatientFlow',
    regionFields: ['fromRegion', 'toRegion'],
    healthcareRegionFields: [],
    detail: ['count'],
  },
  {
    type: 'WorkforceFigure',
    regionFields: ['region'],
    healthcareRegionFields: [],
    detail: ['count', 'fullTimeEquivalents'],
  },
  {
    type: 'StaffExchange',
    regionFields: ['fromRegion', 'toRegion'],
    healthcareRegionFields: [],
    detail: ['count', 'countNote'],
  },
  { type: 'PriceList', regionFields: [], healthcareRegionFields: ['healthcareRegion'], detail: ['items'] },
];

const PREFIX = '__vardnavScope_';

/**
 * Adds the hidden region keys scoping needs (`__vardnavScope_fromRegion: fromRegion { code }`)
 * to every selection of a scoped type, before planning. The client's own operation shapes the
 * response, so these keys never reach the client. Returns the scoped types selected.
 */
export function injectRegionKeys(
  schema: GraphQLSchema,
  scoped: readonly ScopedType[],
  document: DocumentNode,
  operation: OperationDefinitionNode,
): { document: DocumentNode; operation: OperationDefinitionNode; selected: ScopedType[] } {
  const byType = new Map(scoped.map((s) => [s.type, s]));
  const selected = new Set<ScopedType>();
  const visit = (set: SelectionSetNode, parent: GraphQLCompositeType): SelectionSetNode => {
    const selections = set.selections.map((s) => {
      if (s.kind === Kind.FIELD) {
        const child = childType(parent, s);
        if (!s.selectionSet || !child) return s;
        return { ...s, selectionSet: visit(s.selectionSet, child) };
      }
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        return { ...s, selectionSet: visit(s.selectionSet, isCompositeType(type) ? type : parent) };
      }
      return s;
    });
    const spec = byType.get(parent.name);
    if (spec) {
      selected.add(spec);
      for (const field of spec.regionFields) selections.push(keyField(field, 'code'));
      for (const field of spec.healthcareRegionFields) selections.push(keyField(field, 'id'));
    }
    return { ...set, selections };
  };
  const root = schema.getRootType(operation.operation);
  if (!root) return { document, operation, selected: [] };
  const newOperation = { ...operation, selectionSet: visit(operation.selectionSet, root) };
  const definitions = document.definitions.map((d) => {
    if (d === operation) return newOperation;
    if (d.kind !== Kind.FRAGMENT_DEFINITION) return d;
    const type = schema.getType(d.typeCondition.name.value);
    return isCompositeType(type)
      ? ({ ...d, selectionSet: visit(d.selectionSet, type) } as FragmentDefinitionNode)
      : d;
  });
  if (selected.size === 0) return { document, operation, selected: [] };
  return { document: { kind: Kind.DOCUMENT, definitions }, operation: newOperation, selected: [...selected] };
}

function keyField(field: string, key: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: `${PREFIX}${field}` },
    name: { kind: Kind.NAME, value: field },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: key } }],
    },
  };
}

function childType(parent: GraphQLCompositeType, node: FieldNode): GraphQLCompositeType | undefined {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
  const definition = parent.getFields()[node.name.value];
  if (!definition) return undefined;
  const named = getNamedType(definition.type);
  return isCompositeType(named) ? named : undefined;
}

/**
 * After the fetches: withholds the detail fields of every scoped record the caller may not see
 * (deleted from the merged data → null + FORBIDDEN at its path). Walks the client's operation over
 * the merged data; bounded by the response size.
 */
export function applyRegionScope(
  schema: GraphQLSchema,
  scoped: readonly ScopedType[],
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  data: Record<string, unknown>,
  identity: Identity,
  policy: RegionPolicy,
): GraphQLError[] {
  const byType = new Map(scoped.map((s) => [s.type, s]));
  const errors: GraphQLError[] = [];
  const reported = new Set<string>();
  const decided = new WeakMap<object, boolean>();
  const mayView = (object: Record<string, unknown>, spec: ScopedType): boolean => {
    let allowed = decided.get(object);
    if (allowed === undefined) {
      const regions: string[] = [];
      for (const f of spec.regionFields) {
        const code = (object[`${PREFIX}${f}`] as { code?: unknown } | null | undefined)?.code;
        if (typeof code === 'string') regions.push(code);
      }
      for (const f of spec.healthcareRegionFields) {
        const id = (object[`${PREFIX}${f}`] as { id?: unknown } | null | undefined)?.id;
        if (typeof id === 'string') regions.push(...policy.members(id));
      }
      allowed = policy.mayView(identity, regions);
      decided.set(object, allowed);
    }
    return allowed;
  };
  const walkValue = (
    value: unknown,
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    path: Array<string | number>,
  ) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walkValue(value[i], set, type, [...path, i]);
    } else if (value && typeof value === 'object') {
      // The type the subgraphs answered, even where a client alias took `__typename`.
      const typename = typenameOf(value);
      const runtime = typeof typename === 'string' ? schema.getType(typename) : type;
      walkObject(
        value as Record<string, unknown>,
        set,
        isCompositeType(runtime) ? runtime : type,
        path,
        new Set(),
      );
    }
  };
  const walkObject = (
    object: Record<string, unknown>,
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    path: Array<string | number>,
    active: Set<string>,
  ) => {
    const spec = byType.get(type.name);
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        if (spec?.detail.includes(s.name.value) && !mayView(object, spec)) {
          const at = [...path, key];
          const id = at.join('\u0000');
          if (!reported.has(id)) {
            reported.add(id);
            delete object[key];
            errors.push(
              new GraphQLError(
                `${type.name}.${s.name.value} is operational detail visible only to the regions it concerns and their sjukvårdsregion partners.`,
                { path: at, extensions: { code: ErrorCode.FORBIDDEN, reason: 'REGION_SCOPE' } },
              ),
            );
          }
          continue;
        }
        const child = childType(type, s);
        if (child && s.selectionSet && object[key] !== undefined)
          walkValue(object[key], s.selectionSet, child, [...path, key]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition && !applies(schema, s.typeCondition.name.value, type)) continue;
        walkObject(object, s.selectionSet, type, path, active);
      } else {
        const f = fragments.get(s.name.value);
        if (!f || active.has(f.name.value) || !applies(schema, f.typeCondition.name.value, type)) continue;
        active.add(f.name.value);
        walkObject(object, f.selectionSet, type, path, active);
        active.delete(f.name.value);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walkObject(data, operation.selectionSet, root, [], new Set());
  return errors;
}

function applies(schema: GraphQLSchema, condition: string, type: GraphQLCompositeType): boolean {
  if (condition === type.name) return true;
  const c = schema.getType(condition);
  return (isInterfaceType(c) || c?.constructor.name === 'GraphQLUnionType') && isObjectType(type)
    ? schema.isSubType(c as never, type)
    : false;
}
