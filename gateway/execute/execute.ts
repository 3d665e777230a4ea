import { type ExecutionResult, type GraphQLError, type GraphQLSchema, getVariableValues } from 'graphql';
import { badInput } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { TypeIndex } from '../load/type-index.js';
import type { PreparedOperation } from '../plan/prepared.js';
import type { OutgoingHeaders } from '../transport/headers.js';
import type { SubgraphClient } from '../transport/subgraph-client.js';
import { clientError, restoreClientRun } from './client-keys.js';
import { executeIntrospection } from './introspection.js';
import type { ExecutionRun, SubgraphDirectory } from './run.js';
import { locateErrors } from './shape/locate.js';
import { shapeResponse } from './shape/shape.js';
import { executeNode } from './walker.js';

export interface ExecuteInput {
  readonly schema: GraphQLSchema;
  readonly types: TypeIndex;
  readonly subgraphs: SubgraphDirectory;
  readonly client: SubgraphClient;
  readonly prepared: PreparedOperation;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly outgoing: OutgoingHeaders;
  readonly logger: Logger;
  /** The request's cancellation (client gone, deadline): see ExecutionRun.signal. */
  readonly signal: AbortSignal;
  /** Runs after the fetches, before shaping; its errors join the response (security). */
  readonly afterFetch?: (run: ExecutionRun) => readonly GraphQLError[];
}

/** Executes a prepared operation: coerce variables, run the plan, shape the response. */
export async function executeOperation(input: ExecuteInput): Promise<ExecutionResult> {
  const { prepared } = input;
  const definitions = prepared.operation.variableDefinitions ?? [];
  // CoerceVariableValues (GraphQL spec §6.4.1): the gateway owns execution, so it coerces.
  let variables: Record<string, unknown> = {};
  if (definitions.length > 0) {
    const coerced = getVariableValues(input.schema, definitions, input.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors.map((e) => badInput(e.message)) };
    variables = coerced.coerced;
  }
  const run: ExecutionRun = {
    types: input.types,
    subgraphs: input.subgraphs,
    client: input.client,
    outgoing: input.outgoing,
    variables,
    isMutation: prepared.operation.operation === 'mutation',
    logger: input.logger,
    signal: input.signal,
    data: Object.create(null),
    errors: [],
    failed: new Map(),
    failedRoot: new Map(),
    explained: [],
  };
  let introspection: Record<string, unknown> | null = null;
  const extraErrors: GraphQLError[] = [];
  if (prepared.hasIntrospection) {
    const result = executeIntrospection(input.schema, prepared, variables);
    introspection = (result.data as Record<string, unknown> | null) ?? {};
    if (result.errors) extraErrors.push(...result.errors);
  }
  if (prepared.plan?.node) await executeNode(run, prepared.plan.node);
  // From here on the data, error paths and explained positions are in the client's keys.
  const aliases = prepared.aliases;
  restoreClientRun(run, aliases);
  if (input.afterFetch) run.errors.push(...input.afterFetch(run));
  const root = prepared.shape(prepared.conditions(variables));
  const shaped = shapeResponse({
    root,
    data: run.data,
    introspection,
    errors: run.errors,
    failed: run.failed,
    failedRoot: run.failedRoot,
    explained: run.explained,
  });
  // A failed fetch no field position reported (shape.ts) is still the client's to know.
  const unreported = [...new Set([...run.failed.values(), ...run.failedRoot.values()])]
    .filter((f) => !f.reported)
    .map((f) => clientError(f.error, aliases));
  const errors = [
    ...locateErrors(root, run.data, [...run.errors, ...unreported]),
    ...extraErrors,
    ...shaped.errors,
  ];
  return errors.length > 0 ? { data: shaped.data, errors } : { data: shaped.data };
}
