/** Shared selection and types of the patient-flow tests. */
export const CELL =
  'level period year month careArea { id } fromRegion { code } toRegion { code } crossRegion count suppressed synthetic source';

export interface Cell {
  level: string;
  period: string;
  year: number;
  month: string | null;
  careArea: { id: string } | null;
  fromRegion: { code: string };
  toRegion: { code: string };
  crossRegion: boolean;
  count: number | null;
  suppressed: boolean;
  synthetic: boolean;
  source: string;
}

export interface FlowPage {
  totalCount: number;
  offset: number;
  hasNextPage: boolean;
  missingRegions: string[];
  suppressionThreshold: number;
  secondarySuppressionApplied: boolean;
  items: Cell[];
}

export const cellKey = (c: Cell) =>
  `${c.period}|${c.careArea?.id ?? ''}|${c.fromRegion.code}|${c.toRegion.code}`;
