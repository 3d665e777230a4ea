/**
 * Kolada-KPI:er — the KPI ids the hub knows, with what the reference says about them
 * (docs/open-data-apis.md §1, "KPI ids seen in public code"). Only `verified` ids are served;
 * the others are listed so a configuration naming them gets a clear refusal.
 */
export interface KoladaKpi {
  readonly id: string;
  readonly verified: boolean;
  /** Title as the reference gives it (the served title comes from Kolada's own metadata). */
  readonly title: string;
  readonly unit: string;
  /** True when the value counts people (suppression applies to small values). */
  readonly countsPeople: boolean;
  readonly confidence: string;
}

export const KOLADA_KPIS: readonly KoladaKpi[] = [
  {
    id: 'N01951',
    verified: true,
    title: 'Folkmängd 31 december, antal',
    unit: 'antal invånare',
    countsPeople: true,
    confidence: 'high (5+ independent sources)',
  },
  {
    id: 'N72000',
    verified: false,
    title: 'Kostnad somatisk vård (region)',
    unit: 'kr',
    countsPeople: false,
    confidence: 'low',
  },
  {
    id: 'N74000',
    verified: false,
    title: 'Kostnad psykiatri (region)',
    unit: 'kr',
    countsPeople: false,
    confidence: 'low',
  },
  {
    id: 'N70059',
    verified: false,
    title: 'Kostnad läkemedel (region)',
    unit: 'kr',
    countsPeople: false,
    confidence: 'low',
  },
  {
    id: 'U79065',
    verified: false,
    title: 'DRG/vårdtyngd öppen vård',
    unit: 'poäng',
    countsPeople: false,
    confidence: 'low',
  },
  {
    id: 'U79066',
    verified: false,
    title: 'DRG/vårdtyngd sluten vård',
    unit: 'poäng',
    countsPeople: false,
    confidence: 'low',
  },
  {
    id: 'N00967',
    verified: false,
    title: 'Sjukpenningtalet',
    unit: 'dagar',
    countsPeople: false,
    confidence: 'medium',
  },
  {
    id: 'N03937',
    verified: false,
    title: 'Arbetslöshet',
    unit: 'procent',
    countsPeople: false,
    confidence: 'medium',
  },
];

export const kpiById = (id: string) => KOLADA_KPIS.find((k) => k.id === id);

/** Why an id cannot be served, or undefined when it can. */
export function kpiProblem(id: string): string | undefined {
  const kpi = kpiById(id);
  if (!kpi) return `Kolada KPI ${id} is not in the hub's reference; its id is unverified`;
  if (!kpi.verified)
    return `Kolada KPI ${id} is unverified (reference confidence: ${kpi.confidence}); not served`;
  return undefined;
}
