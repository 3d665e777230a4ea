import type { GenContext } from '../../types.js';

/**
 * Indicator catalogue and SYNTHETIC values per region and municipality, year and gender. The record
 * shape follows a Kolada KPI value (kpi id, area, period, gender T/K/M, value, status) so real
 * Kolada data ("Källa: Kolada") can replace the synthetic values without a schema change.
 */

interface IndicatorDef {
  id: string;
  title: string;
  titleEn: string;
  unit: string;
  dividedByGender: boolean;
  countsPeople: boolean;
  mean: number;
  spread: number;
  trend: number;
  decimals: number;
}

const CATALOGUE: IndicatorDef[] = [
  {
    id: 'VN-NV-001',
    title: 'Läkarbesök i primärvården per 1 000 invånare',
    titleEn: 'Physician visits in primary care per 1,000 inhabitants',
    unit: 'besök per 1 000 invånare',
    dividedByGender: true,
    countsPeople: false,
    mean: 1400,
    spread: 180,
    trend: -15,
    decimals: 0,
  },
  {
    id: 'VN-NV-002',
    title: 'Andel patienter med fast läkarkontakt i primärvården',
    titleEn: 'Share of patients with a named regular physician in primary care',
    unit: 'procent',
    dividedByGender: true,
    countsPeople: false,
    mean: 32,
    spread: 9,
    trend: 2.5,
    decimals: 1,
  },
  {
    id: 'VN-NV-003',
    title: 'Undvikbar slutenvård per 100 000 invånare',
    titleEn: 'Avoidable hospital admissions per 100,000 inhabitants',
    unit: 'vårdtillfällen per 100 000 invånare',
    dividedByGender: true,
    countsPeople: false,
    mean: 880,
    spread: 120,
    trend: -10,
    decimals: 0,
  },
  {
    id: 'VN-NV-004',
    title: 'Återinskrivning inom 30 dagar bland personer 65 år och äldre',
    titleEn: 'Readmission within 30 days among people aged 65 and over',
    unit: 'procent',
    dividedByGender: false,
    countsPeople: false,
    mean: 17,
    spread: 2.5,
    trend: -0.2,
    decimals: 1,
  },
  {
    id: 'VN-NV-005',
    title: 'Personer med kommunal hemsjukvård',
    titleEn: 'People receiving municipal home health care',
    unit: 'antal personer',
    dividedByGender: false,
    countsPeople: true,
    mean: 900,
    spread: 400,
    trend: 20,
    decimals: 0,
  },
];

export const GENDERS = ['T', 'K', 'M'] as const;

export function indicatorCatalogue(context: GenContext): Array<Record<string, unknown>> {
  return CATALOGUE.map(({ mean: _m, spread: _s, trend: _t, decimals: _d, ...def }) => ({
    ...def,
    areaLevels: ['REGION', 'MUNICIPALITY'],
    koladaKpiId: null,
    source: context.syntheticSource,
    synthetic: true,
  }));
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function indicatorValues(context: GenContext): Record<string, Array<Record<string, unknown>>> {
  const random = context.random('nara-vard:indicator-values');
  const years =
    context.scale === 'large'
      ? [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]
      : [2022, 2023, 2024];
  const areas = [
    ...context.reference.regions.map((r) => ({
      level: 'REGION',
      code: r.countyCode,
      regionCode: r.countyCode,
      scale: 8,
    })),
    ...context.reference.municipalities.map((m) => ({
      level: 'MUNICIPALITY',
      code: m.code,
      regionCode: m.countyCode,
      scale: 1,
    })),
  ];
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const region of context.reference.regions) out[region.countyCode] = [];
  for (const def of CATALOGUE) {
    for (const area of areas) {
      const base = random.normal(def.mean, def.spread) * (def.countsPeople ? area.scale : 1);
      const womenShift = random.normal(0, def.spread / 4);
      years.forEach((year, index) => {
        const total = Math.max(0, base + def.trend * index + random.normal(0, def.spread / 10));
        for (const gender of def.dividedByGender ? GENDERS : (['T'] as const)) {
          const shift = gender === 'K' ? womenShift : gender === 'M' ? -womenShift : 0;
          out[area.regionCode]!.push({
            id: `${def.id}:${area.code}:${year}:${gender}`,
            indicatorId: def.id,
            level: area.level,
            areaCode: area.code,
            regionCode: area.regionCode,
            municipalityCode: area.level === 'MUNICIPALITY' ? area.code : null,
            period: year,
            gender,
            value: round(Math.max(0, total + shift), def.decimals),
            countsPeople: def.countsPeople,
            status: null,
            source: context.syntheticSource,
            synthetic: true,
          });
        }
      });
    }
  }
  return out;
}
