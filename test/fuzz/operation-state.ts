import {
  type DefinitionNode,
  type GraphQLSchema,
  Kind,
  type NameNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { ArgumentContext } from './argument-values.js';
import type { Dice } from './dice.js';

/**
 * What the generation of one operation (operations.ts) reads and accumulates while it walks the
 * schema: the dice, the schema context, the variables and fragments defined so far (so every one
 * defined is used), and the response keys claimed per parent type (response-keys.ts). One state
 * per operation; the counter numbers its aliases, variables and fragments in drawing order.
 */
export interface OperationContext extends ArgumentContext {
  readonly schema: GraphQLSchema;
  /** countDistances(schema): levels from a type down to the nearest people count. */
  readonly distances: ReadonlyMap<string, number>;
}

export interface BuildState {
  readonly dice: Dice;
  readonly ctx: OperationContext;
  readonly variableDefinitions: VariableDefinitionNode[];
  readonly variables: Record<string, unknown>;
  readonly fragments: DefinitionNode[];
  /** Per parent type: response key → field signature (name + arguments), to avoid conflicts. */
  readonly keys: Map<string, Map<string, string>>;
  /** Numbers fresh aliases (`a…`), variables (`v…`) and fragments (`F…`). */
  counter: number;
  /** Aliases given so far (capped, so the response keeps mostly plain field names). */
  aliases: number;
}

export function newBuildState(dice: Dice, ctx: OperationContext): BuildState {
  return {
    dice,
    ctx,
    variableDefinitions: [],
    variables: {},
    fragments: [],
    keys: new Map(),
    counter: 0,
    aliases: 0,
  };
}

export const name = (value: string): NameNode => ({ kind: Kind.NAME, value });
