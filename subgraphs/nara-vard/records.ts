import { byKeys, type SourceRecord } from '../kit/index.js';

/** Record shapes of the nara-vard collections (written by datagen/domains/nara-vard.ts). */

export interface CollaborationRecord {
  readonly id: string;
  readonly regionCode: string;
  readonly kind: string;
  readonly adoptedYear: number | null;
  readonly municipalityCodes: readonly string[];
  readonly parties: ReadonlyArray<{
    name: string;
    kind: string;
    regionCode?: string;
    municipalityCode?: string;
  }>;
}

export interface PrimaryCareUnitRecord {
  readonly id: string;
  readonly name: string;
  readonly regionCode: string;
  readonly municipalityCode: string;
  readonly operator: string;
  readonly listedPatients: number;
}

export interface IndicatorRecord {
  readonly id: string;
}

export interface IndicatorValueRecord {
  readonly id: string;
  readonly indicatorId: string;
  readonly level: 'REGION' | 'MUNICIPALITY';
  readonly areaCode: string;
  readonly regionCode: string;
  readonly municipalityCode: string | null;
  readonly period: number;
  readonly gender: 'T' | 'K' | 'M';
  readonly value: number | null;
  readonly countsPeople: boolean;
}

export interface DistributionRecord {
  readonly id: string;
  readonly regionCode: string;
  readonly announcedDate: string;
}

export interface MunicipalityRecord {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
}

/** Views source records as a typed collection (the generator writes these shapes). */
export function as<T>(records: readonly SourceRecord[]): readonly T[] {
  return records as unknown as readonly T[];
}

const GENDER_ORDER = { T: 0, K: 1, M: 2 } as const;

export const collaborationOrder = byKeys<CollaborationRecord>(
  (c) => c.regionCode,
  (c) => c.adoptedYear,
  (c) => c.id,
);

export const unitOrder = byKeys<PrimaryCareUnitRecord>(
  (u) => u.regionCode,
  (u) => u.municipalityCode,
  (u) => u.name,
  (u) => u.id,
);

export const indicatorValueOrder = byKeys<IndicatorValueRecord>(
  (v) => v.indicatorId,
  (v) => (v.level === 'REGION' ? 0 : 1),
  (v) => v.areaCode,
  (v) => v.period,
  (v) => GENDER_ORDER[v.gender],
  (v) => v.id,
);

export const distributionOrder = byKeys<DistributionRecord>(
  (d) => d.regionCode,
  (d) => d.announcedDate,
  (d) => d.id,
);
