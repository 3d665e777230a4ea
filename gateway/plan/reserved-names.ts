import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Response keys the gateway adds to subgraph fetches of its own: region scoping's hidden region
 * keys (security/region-scope.ts), the query planner's aliases for conflicting fields
 * (`_internal_qp_alias_<n>`, @graphql-hive/router-query-planner), the gateway's stand-ins for
 * client aliases while the operation is planned and executed (`_vn_a<n>`, execute/client-keys.ts)
 * and its own aliases for fields the planner left in conflict (`_vn_s<n>`, plan/fetch-conflicts.ts). A client alias with one of these
 * prefixes would share a response key with the gateway's own field in the same selection set, the
 * fetch would be invalid in the subgraph (OverlappingFieldsCanBeMerged) or the gateway would read
 * the client's value as its own, so such aliases are refused at validation with a clear message.
 */
/** The stand-in for a client alias during planning and execution (execute/client-keys.ts). */
export const INTERNAL_ALIAS_PREFIX = '_vn_a';

/** A fetch field aliased because its shape conflicts in the subgraph (plan/fetch-conflicts.ts). */
export const SHAPE_ALIAS_PREFIX = '_vn_s';

export const RESERVED_ALIAS_PREFIXES: readonly string[] = [
  '__vardnav',
  '_internal_qp_alias_',
  INTERNAL_ALIAS_PREFIX,
  SHAPE_ALIAS_PREFIX,
];

export const ReservedAliasesRule: ValidationRule = (context) => ({
  Field(node) {
    const alias = node.alias?.value;
    if (alias === undefined) return;
    const prefix = RESERVED_ALIAS_PREFIXES.find((p) => alias.startsWith(p));
    if (prefix === undefined) return;
    context.reportError(
      new GraphQLError(
        `The alias "${alias}" is reserved: aliases starting with "${prefix}" are used by the gateway.`,
        { nodes: node },
      ),
    );
  },
});
