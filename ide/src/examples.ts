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
    query: `# Sjukvårdsregion Mellansverige: its seven member regions, their
# university hospitals and the NHV permits each region holds.
query Mellansverige {
  healthcareRegion(id: "mellansverige") {
    name
    regions {
      region {
        code
        name
        nhvPermits { totalCount items { decision { careArea { name } } hospital { name } } }
      }
    }
    universityHospitals { name city }
  }
}`,
  },
  {
    title: 'Hallands delning',
    query: `# Region Halland belongs to two sjukvårdsregioner, split by municipality.
query Halland {
  healthcareRegions {
    id
    name
    regions { partial region { code name } municipalities { code name } }
  }
}`,
  },
  {
    title: 'Nära vård i Örebro län',
    query: `# Region Örebro län, its 12 municipalities and their collaboration on nära vård
query OrebroNaraVard {
  region(code: "18") {
    name
    municipalities { code name }
    naraVardCollaborations { totalCount items { title kind adoptedYear municipalityCount source } }
  }
}`,
  },
  {
    title: 'Thoraxkirurgi Blekinge–Kronoberg',
    query: `# Inter-regional care agreements: who treats whose patients, with the source document
query CareAgreements {
  careAgreements(first: 10) {
    totalCount
    items {
      title
      providerRegion { name }
      providerHospital { name }
      patientRegions { name }
      signedYear
      services
    }
  }
}`,
  },
  {
    title: 'NHV-beslut',
    query: `# National highly specialised care (NHV): decisions and permit holders
query NhvDecisions($first: Int = 10) {
  nhvDecisions(first: $first) {
    totalCount
    hasNextPage
    items {
      careArea { name }
      verified
      permitHolders { region { code name } hospital { id name } }
    }
  }
}`,
    variables: { first: 10 },
  },
];
