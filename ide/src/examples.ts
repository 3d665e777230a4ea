/**
 * Exempelfrågor — example queries over the hub's real domain, shown as the IDE's first tabs.
 * A test validates every example against the composed supergraph, so they never go stale.
 */
export interface Example {
  readonly title: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Sjukvårdsregion Mellansverige',
    query: `# Sjukvårdsregion Mellansverige and its seven member regions
query Mellansverige {
  healthcareRegion(id: "mellansverige") {
    name
    regions { region { code name } partial }
  }
}`,
  },
  {
    title: 'Örebro läns kommuner',
    query: `# Region Örebro län and its 12 municipalities
query OrebroLan {
  region(code: "18") {
    name
    municipalities(first: 20) { totalCount items { code name } }
  }
}`,
  },
  {
    title: 'NHV-beslut',
    query: `# National highly specialised care (NHV): decisions and permit holders
query NhvDecisions {
  nhvDecisions(first: 10) {
    totalCount
    items {
      careArea
      verified
      permitHolders { region { code name } hospital { id name } }
    }
  }
}`,
  },
];
