import type { BatchFetchNode, FetchNode, FetchRewrite, QueryPlan } from '@graphql-hive/router-query-planner';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  stripIgnoredCharacters,
} from 'graphql';
import type { SubgraphTypes } from '../load/subgraph-types.js';
import { checkMerged, type Group } from './fetch-conflict-keys.js';
import { forEachFetch } from './fetch-nodes.js';
import { inlineFragments } from './inline-fragments.js';

/**
 * Aliases fields of one subgraph fetch that share a response key under mutually exclusive type
 * conditions but do not have the same response shape *in that subgraph*, e.g.
 * `staff { … on Clinician { similar { … } } … on Manager { similar { … } } }` where the subgraph
 * declares `Clinician.similar: [StaffMember!]!` and `Manager.similar: [StaffMember]`. The
 * supergraph merges both to one type, so the client's operation is valid, but the fetch is not:
 * GraphQL spec §5.3.2 Field Selection Merging (SameResponseShape) applies to fields of any parent
 * types, and the subgraph refuses the whole operation. router-query-planner 0.0.38 aliases such
 * scalars itself (`_internal_qp_alias_<n>` + an output KeyRenamer) but not list fields.
 *
 * Runs once per plan (plans are cached) before the plan is cached, and not at all for a
 * supergraph whose subgraphs all declare its own field types (the hub's). A fetch is parsed, its
 * fragments inlined into a private copy (so every field node has one path), and every merged
 * selection set is checked as the spec's algorithm does, recursing into the merged
 * sub-selections of fields that keep one key. All but the first shape of a conflicting key get a
 * gateway-owned key `_vn_s<N>` (reserved-names.ts) and a KeyRenamer back to the final key: the
 * path of final keys down to the object, a TypenameEquals guard for the type condition, then the
 * alias (execute/rewrites.ts runs outer renames first, so inner paths name outer final keys).
 * Only a fetch that got an alias is re-printed; every other operation stays byte-identical, which
 * keeps in-flight deduplication of equal fetches working. Conflicts between fields whose parents
 * may both apply to one object (an interface and its implementation) are left alone: renaming
 * both back onto one key could not be undone safely. The selection-set walk is
 * fetch-conflict-keys.ts, the fragment inlining inline-fragments.ts.
 */
export function aliasFetchConflicts(plan: QueryPlan, types: SubgraphTypes): QueryPlan {
  if (plan.node && types.differs) forEachFetch(plan.node, (fetch) => fixFetch(fetch, types));
  return plan;
}

/** Selections an inlined fetch may hold; a bigger one is sent unchanged (it is then the planner's). */
const MAX_INLINED_SELECTIONS = 50_000;

function fixFetch(node: FetchNode | BatchFetchNode, types: SubgraphTypes): void {
  switch (node.kind) {
    case 'Fetch': {
      const fixed = fixOperation(node.operation, node.serviceName, node.operationKind, types, () => ({
        existing: node.outputRewrites ?? [],
        add: (rewrites) => {
          node.outputRewrites = [...(node.outputRewrites ?? []), ...rewrites];
        },
      }));
      if (fixed !== null) node.operation = fixed;
      return;
    }
    case 'BatchFetch': {
      const fixed = fixOperation(node.operation, node.serviceName, node.operationKind, types, (key) => {
        const alias = node.entityBatch.aliases.find((a) => a.alias === key);
        return alias
          ? {
              existing: alias.outputRewrites ?? [],
              add: (rewrites) => {
                alias.outputRewrites = [...(alias.outputRewrites ?? []), ...rewrites];
              },
            }
          : null;
      });
      if (fixed !== null) node.operation = fixed;
      return;
    }
    default:
  }
}

interface RewriteTarget {
  readonly existing: readonly FetchRewrite[];
  add(rewrites: readonly FetchRewrite[]): void;
}

/** The new operation text, or null when the fetch needs no alias. */
function fixOperation(
  text: string,
  subgraph: string,
  kind: string | undefined,
  types: SubgraphTypes,
  target: (rootKey: string) => RewriteTarget | null,
): string | null {
  let document: DocumentNode;
  try {
    document = parse(text, { noLocation: true });
  } catch {
    return null; // not ours to judge: the subgraph reports it
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const budget = { left: MAX_INLINED_SELECTIONS };
  const root = inlineFragments(operation.selectionSet, fragments, budget);
  if (root === null) return null;

  let aliased = 0;
  const work: Array<{ groups: Group[]; target: RewriteTarget }> = [];
  for (const selection of root.selections) {
    // Entity fetches (Fetch under a Flatten, every alias of a BatchFetch): output rewrites apply
    // to each entity, so the walk starts at `_entities`' selection set with an empty path.
    if (selection.kind === Kind.FIELD && selection.name.value === '_entities' && selection.selectionSet) {
      const key = selection.alias?.value ?? selection.name.value;
      const to = target(key);
      if (to)
        work.push({
          groups: [{ set: selection.selectionSet, type: '_Entity', path: [], owners: [] }],
          target: to,
        });
    }
  }
  if (work.length === 0) {
    const to = target('');
    const type = types.rootTypes.get(kind ?? 'query') ?? 'Query';
    if (to) work.push({ groups: [{ set: root, type, path: [], owners: [] }], target: to });
  }
  for (const { groups, target: to } of work) {
    const renames: FetchRewrite[] = [];
    const context = { subgraph, types, existing: to.existing, renames, next: () => aliased++ };
    checkMerged(groups, context);
    if (renames.length > 0) to.add(renames);
  }
  if (aliased === 0) return null;
  const printed: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, selectionSet: root }],
  };
  return stripIgnoredCharacters(print(printed));
}
