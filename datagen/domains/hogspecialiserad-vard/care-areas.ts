import type { GenContext } from '../../types.js';
import { careAreaFacts } from './facts.js';

/** One specialised care area (vårdområde) as the generator and the subgraph use it. */
export type CareAreaRecord = {
  id: string;
  name: string;
  nameEn: string;
  kind: 'NATIONAL_HIGHLY_SPECIALISED' | 'REGIONAL_SPECIALISED';
  nhvDecisionId: string | null;
  source: string;
  synthetic: false;
};

/** Care areas of the 'small' dataset: the seed documents' four plus four NHV areas. */
const SMALL_SCALE_IDS = new Set([
  'thoraxkirurgi',
  'hogspecialiserad-hjartsjukvard',
  'ryggkirurgi',
  'godartad-njurkirurgi',
  'hjarttransplantation',
  'svara-brannskador',
  'epilepsikirurgi',
  'endometrios',
]);

/**
 * All real specialised care areas (the 50 NHV areas with the decision id as stable id, plus the
 * regional areas named in the seed documents), sorted by id.
 */
export function allCareAreas(context: GenContext): CareAreaRecord[] {
  const nhv: CareAreaRecord[] = context.reference.nhvDecisions.map((d) => ({
    id: d.id,
    name: d.careArea,
    nameEn: d.careAreaEn,
    kind: 'NATIONAL_HIGHLY_SPECIALISED',
    nhvDecisionId: d.id,
    source: `data/reference/nhv-decisions.json (${d.sources[0] ?? 'Socialstyrelsen'})`,
    synthetic: false,
  }));
  const regional: CareAreaRecord[] = careAreaFacts().map((c) => ({
    ...c,
    kind: 'REGIONAL_SPECIALISED',
    nhvDecisionId: null,
    synthetic: false,
  }));
  return [...nhv, ...regional].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The care areas that get synthetic flows and prices at the context's scale. */
export function scaledCareAreas(context: GenContext, all: readonly CareAreaRecord[]): CareAreaRecord[] {
  return context.scale === 'large' ? [...all] : all.filter((c) => SMALL_SCALE_IDS.has(c.id));
}

/** Months (YYYY-MM) covered by synthetic data: 2 years at 'small', 5 years (60 months) at 'large'. */
export function scaledMonths(context: GenContext): string[] {
  const years = context.scale === 'large' ? [2020, 2021, 2022, 2023, 2024] : [2023, 2024];
  return years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
}
