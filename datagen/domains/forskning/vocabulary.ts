/**
 * Vocabulary of the synthetic research data: research areas, funders, trial phases and statuses.
 * Enum values are the GraphQL enum values of schema/forskning.graphql.
 */

/** Forskningsområde — research area (also a clinical trial's therapeutic area). */
export const RESEARCH_AREAS: ReadonlyArray<{ value: string; sv: string; foundation?: string }> = [
  { value: 'CANCER', sv: 'cancer', foundation: 'Cancerfonden' },
  { value: 'CARDIOVASCULAR', sv: 'hjärta och kärl', foundation: 'Hjärt-Lungfonden' },
  { value: 'NEUROSCIENCE', sv: 'neurovetenskap', foundation: 'Hjärnfonden' },
  { value: 'PSYCHIATRY', sv: 'psykiatri' },
  { value: 'INFECTION', sv: 'infektion' },
  { value: 'DIABETES_ENDOCRINOLOGY', sv: 'diabetes och endokrinologi', foundation: 'Diabetesfonden' },
  { value: 'PRIMARY_CARE', sv: 'allmänmedicin och primärvård' },
  { value: 'SURGERY', sv: 'kirurgi' },
  { value: 'PAEDIATRICS', sv: 'barn- och ungdomsmedicin' },
  { value: 'GERIATRICS', sv: 'geriatrik' },
  { value: 'NURSING', sv: 'omvårdnad' },
  { value: 'PUBLIC_HEALTH', sv: 'folkhälsa' },
];

/** Study designs used to compose synthetic project titles. */
export const PROJECT_DESIGNS: readonly string[] = [
  'Registerstudie',
  'Randomiserad studie',
  'Implementeringsstudie',
  'Kohortstudie',
  'Biobanksstudie',
  'Utvärdering av AI-stöd',
  'Vårdförloppsstudie',
  'Hälsoekonomisk studie',
];

export const TRIAL_DESIGNS: readonly string[] = [
  'Läkemedelsprövning',
  'Prövning av medicinteknisk produkt',
  'Behandlingsstudie',
  'Doseringsstudie',
];

/** Finansiärstyp — funder type. ALF money goes only to the seven ALF regions. */
export const FUNDER_TYPES = [
  'ALF',
  'VETENSKAPSRADET',
  'FORTE',
  'VINNOVA',
  'REGIONAL_FOU',
  'EU_HORIZON',
  'FOUNDATION',
] as const;

export type FunderType = (typeof FUNDER_TYPES)[number];

/** Yearly amount range (SEK) per funder type; amounts are synthetic. */
export const FUNDER_AMOUNTS: Readonly<Record<FunderType, readonly [number, number]>> = {
  ALF: [200_000, 2_500_000],
  VETENSKAPSRADET: [500_000, 3_000_000],
  FORTE: [300_000, 1_500_000],
  VINNOVA: [250_000, 2_000_000],
  REGIONAL_FOU: [50_000, 600_000],
  EU_HORIZON: [1_000_000, 6_000_000],
  FOUNDATION: [100_000, 1_200_000],
};

/** Chance that a project has the funder type (ALF and regional FoU are decided by the region). */
export const FUNDER_CHANCE: Readonly<Record<FunderType, number>> = {
  ALF: 0.7,
  VETENSKAPSRADET: 0.35,
  FORTE: 0.15,
  VINNOVA: 0.1,
  REGIONAL_FOU: 0.8,
  EU_HORIZON: 0.06,
  FOUNDATION: 0.3,
};

export const TRIAL_PHASES = ['PHASE_1', 'PHASE_2', 'PHASE_3', 'PHASE_4'] as const;
export const TRIAL_STATUSES = [
  'PLANNED',
  'RECRUITING',
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'TERMINATED',
] as const;
export const SPONSOR_TYPES = ['ACADEMIC', 'INDUSTRY'] as const;
