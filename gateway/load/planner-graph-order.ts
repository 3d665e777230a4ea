import { type ArgumentNode, type DocumentNode, Kind, print, visit } from 'graphql';

/** The supergraph text handed to the query planner, and how its service names map back. */
export interface PlannerSupergraph {
  readonly sdl: string;
  /** Planner service name → the supergraph's subgraph name; empty when nothing was renamed. */
  readonly serviceNames: ReadonlyMap<string, string>;
}

const argument = (args: readonly ArgumentNode[] | undefined, name: string) =>
  args?.find((a) => a.name.value === name)?.value;

/** join__Graph enum values of the subgraphs declaring an @interfaceObject type. */
function interfaceObjectGraphs(document: DocumentNode): Set<string> {
  const graphs = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'join__type') return;
      const flag = argument(node.arguments, 'isInterfaceObject');
      const graph = argument(node.arguments, 'graph');
      if (flag?.kind === Kind.BOOLEAN && flag.value && graph?.kind === Kind.ENUM) graphs.add(graph.value);
    },
  });
  return graphs;
}

/**
 * Works around an ordering dependence of @graphql-hive/router-query-planner 0.0.38: it builds
 * its graph one subgraph at a time in the order of the subgraph names, and an @interfaceObject
 * type only gets its edges to the interface's implementations when the subgraph that owns the
 * interface was built first. With the interface-object subgraph named first ("collections" <
 * "media") a field only an implementation has is unreachable through the interface object and
 * planning fails ("No paths found for selection item"); named the other way round the same
 * supergraph plans. The planner therefore gets a copy of the supergraph whose `join__graph`
 * names (only those; the enum values every other join directive uses stay) sort every
 * interface-object subgraph after the others, and the plan's service names are mapped back.
 */
export function plannerSupergraph(sdl: string, document: DocumentNode): PlannerSupergraph {
  const late = interfaceObjectGraphs(document);
  if (late.size === 0) return { sdl, serviceNames: new Map() };
  const serviceNames = new Map<string, string>();
  const renamed = visit(document, {
    EnumValueDefinition(node) {
      const directive = node.directives?.find((d) => d.name.value === 'join__graph');
      const name = argument(directive?.arguments, 'name');
      if (!directive || name?.kind !== Kind.STRING) return undefined;
      const plannerName = `${late.has(node.name.value) ? '1' : '0'}-${name.value}`;
      serviceNames.set(plannerName, name.value);
      const args = directive.arguments?.map((a) =>
        a.name.value === 'name' ? { ...a, value: { kind: Kind.STRING, value: plannerName } } : a,
      );
      return {
        ...node,
        directives: node.directives?.map((d) => (d === directive ? { ...d, arguments: args } : d)),
      };
    },
  });
  return { sdl: print(renamed), serviceNames };
}
