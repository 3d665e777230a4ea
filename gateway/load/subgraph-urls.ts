import { type DocumentNode, Kind, type StringValueNode } from 'graphql';

/**
 * Subgraph names and URLs from the supergraph's `enum join__Graph` — each value carries
 * `@join__graph(name:, url:)` (Apollo join spec v0.3, https://specs.apollo.dev/join/v0.3).
 * The planner names services by that `name`. Overrides from config win over the recorded URL;
 * overrides naming a subgraph this supergraph does not have are ignored.
 */
export function subgraphUrls(
  supergraph: DocumentNode,
  overrides: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const urls = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (name: string) =>
        (directive?.arguments?.find((a) => a.name.value === name)?.value as StringValueNode | undefined)
          ?.value;
      const name = arg('name') ?? value.name.value.toLowerCase();
      const url = overrides[name] ?? arg('url');
      if (url) urls.set(name, url);
    }
  }
  return urls;
}
