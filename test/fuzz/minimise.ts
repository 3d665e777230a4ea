import {
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  parse,
  print,
  type VariableDefinitionNode,
  validate,
  visit,
} from 'graphql';
import type { FuzzOperation } from './operations.js';

/**
 * Shrinks an operation that shows a finding to a minimal one that still shows it, so the report
 * names the smallest reproducing operation: greedily removes selections, arguments and directives
 * (one at a time, keeping each removal that leaves a valid operation still showing the finding),
 * then drops fragments and variables nothing uses. Bounded by `maxAttempts` requests.
 */
export async function minimiseOperation(
  schema: GraphQLSchema,
  op: FuzzOperation,
  stillFails: (op: FuzzOperation) => Promise<boolean>,
  maxAttempts = 400,
): Promise<FuzzOperation> {
  let best = op;
  let attempts = 0;
  let progress = true;
  while (progress && attempts < maxAttempts) {
    progress = false;
    const document = parse(best.query);
    const removable = countRemovable(document);
    for (let i = removable - 1; i >= 0 && attempts < maxAttempts; i--) {
      const candidate = tidy(removeAt(parse(best.query), i), best);
      if (!candidate || validate(schema, parse(candidate.query)).length > 0) continue;
      attempts += 1;
      if (await stillFails(candidate)) {
        best = candidate;
        progress = true;
      }
    }
  }
  return best;
}

const REMOVABLE = new Set<string>([
  Kind.FIELD,
  Kind.INLINE_FRAGMENT,
  Kind.FRAGMENT_SPREAD,
  Kind.ARGUMENT,
  Kind.DIRECTIVE,
]);

function countRemovable(document: DocumentNode): number {
  let n = 0;
  visit(document, {
    enter: (node: ASTNode) => {
      if (REMOVABLE.has(node.kind)) n += 1;
    },
  });
  return n;
}

function removeAt(document: DocumentNode, index: number): DocumentNode {
  let n = 0;
  return visit(document, {
    enter: (node: ASTNode) => {
      if (!REMOVABLE.has(node.kind)) return undefined;
      return n++ === index ? null : undefined;
    },
  });
}

/** Drops what the removal left unused (fragments, variables); null if a selection set emptied. */
function tidy(document: DocumentNode, op: FuzzOperation): FuzzOperation | null {
  let empty = false;
  visit(document, {
    SelectionSet: (node) => {
      if (node.selections.length === 0) empty = true;
    },
  });
  if (empty) return null;
  let current = document;
  for (let round = 0; round < 10; round++) {
    const spread = new Set<string>();
    const used = new Set<string>();
    visit(current, {
      FragmentSpread: (node) => void spread.add(node.name.value),
      VariableDefinition: () => false,
      Variable: (node) => void used.add(node.name.value),
    });
    const next = visit(current, {
      FragmentDefinition: (node) => (spread.has(node.name.value) ? undefined : null),
      VariableDefinition: (node: VariableDefinitionNode) =>
        used.has(node.variable.name.value) ? undefined : null,
    });
    if (print(next) === print(current)) break;
    current = next;
  }
  const names = new Set<string>();
  visit(current, { VariableDefinition: (node) => void names.add(node.variable.name.value) });
  const variables = Object.fromEntries(Object.entries(op.variables ?? {}).filter(([k]) => names.has(k)));
  return {
    query: print(current),
    ...(names.size > 0 ? { variables } : {}),
    ...(op.operationName ? { operationName: op.operationName } : {}),
  };
}
