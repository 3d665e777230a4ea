import {
  astFromValue,
  type DirectiveNode,
  type GraphQLInputType,
  Kind,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import { type BuildState, name } from './operation-state.js';

/**
 * Argument values and conditions of generated operations: a value as a literal or as a variable
 * of the argument's own type (sometimes carried as the variable's default and not sent), and
 * `@skip`/`@include` with a literal or a Boolean variable. Every variable defined is used where
 * it is defined, so no operation has an unused variable (GraphQL spec §5.8.4).
 */

/** `@skip(if: …)` or `@include(if: …)`, with a literal or a Boolean variable. */
export function condition(s: BuildState): DirectiveNode {
  const directive = s.dice.chance(0.5) ? 'skip' : 'include';
  const value = s.dice.chance(0.5);
  const node: ValueNode = s.dice.chance(0.5)
    ? { kind: Kind.BOOLEAN, value }
    : variable(s, 'Boolean!', value, { kind: Kind.BOOLEAN, value });
  return {
    kind: Kind.DIRECTIVE,
    name: name(directive),
    arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: node }],
  };
}

/** The value as a literal, or (30 %) as a variable of the argument's type. */
export function valueNode(s: BuildState, value: unknown, type: GraphQLInputType): ValueNode {
  const literal = astFromValue(value, type);
  if (!literal) throw new Error(`no literal for ${JSON.stringify(value)} as ${String(type)}`);
  return s.dice.chance(0.3) ? variable(s, String(type), value, literal) : literal;
}

function variable(s: BuildState, type: string, value: unknown, literal: ValueNode): ValueNode {
  const variable = `v${s.counter++}`;
  // A nullable variable sometimes carries its value as the default and is not sent.
  const byDefault = !type.endsWith('!') && value !== null && s.dice.chance(0.2);
  s.variableDefinitions.push({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(variable) },
    type: typeNode(type),
    ...(byDefault ? { defaultValue: literal as never } : {}),
  });
  if (!byDefault) s.variables[variable] = value;
  return { kind: Kind.VARIABLE, name: name(variable) };
}

function typeNode(type: string): VariableDefinitionNode['type'] {
  if (type.endsWith('!')) return { kind: Kind.NON_NULL_TYPE, type: typeNode(type.slice(0, -1)) as never };
  if (type.startsWith('['))
    return { kind: Kind.LIST_TYPE, type: typeNode(type.slice(1, -1)) } as VariableDefinitionNode['type'];
  return { kind: Kind.NAMED_TYPE, name: name(type) };
}
