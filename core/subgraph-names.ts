/**
 * The hub's domain subgraphs: name (as used in the supergraph and in config) and default port.
 * This list is the single place that enumerates them.
 */
export const SUBGRAPHS = [
  { name: 'samverkan', defaultPort: 4001 },
  { name: 'hogspecialiserad-vard', defaultPort: 4002 },
  { name: 'kompetensforsorjning', defaultPort: 4003 },
  { name: 'forskning', defaultPort: 4004 },
  { name: 'nara-vard', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}
