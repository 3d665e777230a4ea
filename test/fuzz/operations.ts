import { type DefinitionNode, type FieldNode, Kind, OperationTypeNode, print } from 'graphql';
import type { Dice } from './dice.js';
import { name, newBuildState, type OperationContext } from './operation-state.js';
import { LIST_BUDGET, selectionSet } from './selections.js';

export type { OperationContext } from './operation-state.js';

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
 *
 * This file assembles the document; the parts: selections.ts (fields, arguments, depth and list
 * budget), response-keys.ts (aliases, region keys, hostile keys), fragments.ts, variables.ts
 * (variables and @skip/@include), all sharing one operation's state (operation-state.ts).
 */
export interface FuzzOperation {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export function generateOperation(dice: Dice, ctx: OperationContext): FuzzOperation {
  const s = newBuildState(dice, ctx);
  const query = ctx.schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const root = selectionSet(s, query, 0, LIST_BUDGET, dice.int(1, 3));
  if (dice.chance(0.02)) root.selections.push(introspectionField(dice));
  const named = dice.chance(0.5);
  const operationName = named ? `Fz${dice.int(0, 999)}` : undefined;
  const definitions: DefinitionNode[] = [
    {
      kind: Kind.OPERATION_DEFINITION,
      operation: OperationTypeNode.QUERY,
      ...(operationName ? { name: name(operationName) } : {}),
      variableDefinitions: s.variableDefinitions,
      selectionSet: root,
    },
    ...s.fragments,
  ];
  // Another operation in the same document: the server must run the one named (spec §6.1).
  const other = named && dice.chance(0.08);
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
    ...(s.variableDefinitions.length > 0 ? { variables: s.variables } : {}),
    ...(operationName && (other || dice.chance(0.5)) ? { operationName } : {}),
  };
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
