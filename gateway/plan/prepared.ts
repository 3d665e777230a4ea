import type { QueryPlan } from '@graphql-hive/router-query-planner';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { ShapeSelection } from '../execute/shape/compile.js';
import { Conditions, conditionVariables } from '../execute/shape/conditions.js';
import type { SecuredOperation } from '../security/secured-operation.js';

/**
 * Everything the gateway derives from one operation text, computed once and cached together
 * with its plan: the plan, the condition variables and the compiled response shapes.
 */
export class PreparedOperation {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly conditionVariables: readonly string[];
  private readonly shapes = new Map<string, ShapeSelection>();

  constructor(
    private readonly schema: GraphQLSchema,
    readonly document: DocumentNode,
    readonly operation: OperationDefinitionNode,
    /** Null when every root field is answered by the gateway itself. */
    readonly plan: QueryPlan | null,
    readonly hasIntrospection: boolean,
    /** What security removed or added before planning (null when not secured). The response is
     *  shaped from the client's own operation, so removed fields come back null. */
    readonly secured: SecuredOperation | null = null,
    /** Client aliases by the index of their planning stand-in `_vn_a<N>` (execute/client-keys.ts). */
    readonly aliases: readonly string[] = [],
  ) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    this.fragments = fragments;
    this.conditionVariables = conditionVariables([operation, ...fragments.values()]);
  }

  conditions(variables: Readonly<Record<string, unknown>>): Conditions {
    return Conditions.of(this.conditionVariables, variables);
  }

  /** The compiled root shape for one set of @skip/@include outcomes. */
  shape(conditions: Conditions): ShapeSelection {
    let shape = this.shapes.get(conditions.signature);
    if (!shape) {
      const root = this.schema.getRootType(this.operation.operation);
      if (!root) throw new Error(`the schema has no ${this.operation.operation} type`);
      shape = new ShapeSelection(
        this.schema,
        root,
        [this.operation.selectionSet],
        this.fragments,
        conditions,
      );
      this.shapes.set(conditions.signature, shape);
    }
    return shape;
  }
}
