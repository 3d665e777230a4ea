import type { BatchFetchNode, FetchNode, QueryPlan } from '@graphql-hive/router-query-planner';
import { forEachFetch } from './fetch-nodes.js';

/** A response key the planner gives a field it fetches twice with other arguments or shapes. */
const PLANNER_ALIAS = /\b(_internal_qp_alias_\d+)\s*:/g;

/**
 * The planner's own aliases (`_internal_qp_alias_<n>`) that a plan fetches but never reads.
 *
 * The planner aliases a field when one fetch needs it twice: with two arguments (two @requires
 * of `dose(unit:)`) or with two shapes on union members. Every such alias exists to be read
 * again: named by a later fetch's `requires` (`{ name: "_internal_qp_alias_0", alias: "dose" }`)
 * or renamed back by a KeyRenamer. One that nothing reads means the plan lost which value is
 * which, and the later fetch reads the plain field instead: router-query-planner 0.0.38 does this
 * for `meds { ... on Drug { totalMg totalG } }` (its BatchFetch sends one representations
 * variable for both, computed from milligrams). Executing such a plan would answer wrongly
 * without any error, so the planner refuses it (test/gateway/planner-key-renames.test.ts).
 *
 * Aliases are matched by name across the plan, so a plan where one fetch's alias is read and
 * another fetch's alias of the same name is not passes: this catches the known failure, not
 * every conceivable one.
 */
export function unreadPlannerAliases(plan: QueryPlan): string[] {
  if (!plan.node) return [];
  const fetched = new Set<string>();
  const fetches: Array<FetchNode | BatchFetchNode> = [];
  forEachFetch(plan.node, (fetch) => {
    for (const match of fetch.operation.matchAll(PLANNER_ALIAS)) fetched.add(match[1]!);
    fetches.push(fetch);
  });
  if (fetched.size === 0) return [];
  const readText = fetches.map(readers).join('\n');
  return [...fetched].filter((alias) => !readText.includes(`"${alias}"`));
}

/** The parts of a fetch that read response keys of earlier fetches or its own, as JSON. */
function readers(fetch: FetchNode | BatchFetchNode): string {
  if (fetch.kind === 'Fetch')
    return JSON.stringify([fetch.requires, fetch.inputRewrites, fetch.outputRewrites]);
  return JSON.stringify(
    fetch.entityBatch.aliases.map((a) => [a.requires, a.inputRewrites, a.outputRewrites]),
  );
}
