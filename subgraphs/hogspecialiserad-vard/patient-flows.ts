import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../core/errors.js';
import {
  monthArg,
  type PageArgs,
  pageWindow,
  regionCodeArg,
  reportPartial,
  type SourceRecord,
  type SubgraphContext,
  suppress,
  yearArg,
} from '../kit/index.js';
import { nationalIdArg } from './args.js';
import { type LevelShape, sumCells } from './flow-cells.js';
import { nationalData } from './national.js';

/** Aggregeringsnivåer — the published tables (see enum PatientFlowLevel). */
const LEVELS: Record<Level, LevelShape> = {
  MONTH: { byMonth: true, byCareArea: true },
  YEAR: { byMonth: false, byCareArea: true },
  MONTH_ALL_CARE_AREAS: { byMonth: true, byCareArea: false },
  YEAR_ALL_CARE_AREAS: { byMonth: false, byCareArea: false },
};
type Level = 'MONTH' | 'YEAR' | 'MONTH_ALL_CARE_AREAS' | 'YEAR_ALL_CARE_AREAS';

export interface FlowArgs extends PageArgs {
  level?: Level | null;
  fromRegion?: string | null;
  toRegion?: string | null;
  careArea?: string | null;
  year?: number | null;
  month?: string | null;
  crossRegionOnly?: boolean | null;
  excludeZero?: boolean | null;
}

/** One served cell (the PatientFlow type). */
export interface FlowCell {
  level: Level;
  period: string;
  year: number;
  month: string | null;
  careArea: string | null;
  fromRegion: string;
  toRegion: string;
  crossRegion: boolean;
  count: number | null;
  suppressed: boolean;
  source: string;
  synthetic: true;
}

/**
 * Patientflöden — one page of cells of a published table. Reads `patientFlows` from the treating
 * regions (all, or the one `toRegion` names), keeps the monthly records matching the filters (every
 * filter is a dimension of the cell, so this selects whole cells), sums them to the level's cells
 * and applies primary suppression to every cell served. Pages follow the kit's paging convention;
 * only the served window is materialised (the 'large' dataset has 1.4 million monthly cells).
 */
export async function patientFlowPage(ctx: SubgraphContext, info: GraphQLResolveInfo, args: FlowArgs) {
  const { first, offset } = pageWindow(args);
  const level = args.level ?? 'MONTH';
  const shape = LEVELS[level];
  const fromRegion = regionCodeArg(args.fromRegion, 'fromRegion');
  const toRegion = regionCodeArg(args.toRegion, 'toRegion');
  const year = yearArg(args.year, 'year');
  const month = monthArg(args.month, 'month');
  if (month && !shape.byMonth) throw badInput(`month cannot be used at level ${level}; use year`, 'month');
  if (args.careArea != null && !shape.byCareArea)
    throw badInput(`careArea cannot be used at level ${level}, which sums all care areas`, 'careArea');
  const careArea =
    args.careArea == null
      ? undefined
      : nationalIdArg(await nationalData(ctx), 'careAreas', args.careArea, 'careArea');

  const collected = await ctx.data.collect('patientFlows', { regions: toRegion ? [toRegion] : undefined });
  reportPartial(ctx, info, collected.errors);

  const selected = collected.records.filter(
    (record) =>
      (!fromRegion || record.fromRegion === fromRegion) &&
      (!toRegion || record.toRegion === toRegion) &&
      (!careArea || record.careArea === careArea) &&
      (!month || record.month === month) &&
      (!year || String(record.month).startsWith(`${year}-`)) &&
      (!args.crossRegionOnly || record.fromRegion !== record.toRegion),
  );
  const cells = sumCells(selected, shape);
  const served: number[] = [];
  for (let i = 0; i < cells.counts.length; i++)
    if (!args.excludeZero || cells.counts[i] !== 0) served.push(i);
  const items = served
    .slice(offset, offset + first)
    .map((i) => toCell(cells.records[i]!, cells.counts[i]!, level, ctx.suppressionThreshold));
  return {
    totalCount: served.length,
    offset,
    hasNextPage: offset + first < served.length,
    items,
    missingRegions: [...collected.missingRegions].sort(),
    suppressionThreshold: ctx.suppressionThreshold,
    secondarySuppressionApplied: false,
  };
}

function toCell(record: SourceRecord, count: number, level: Level, threshold: number): FlowCell {
  const shape = LEVELS[level];
  const month = String(record.month);
  return {
    level,
    period: shape.byMonth ? month : month.slice(0, 4),
    year: Number(month.slice(0, 4)),
    month: shape.byMonth ? month : null,
    careArea: shape.byCareArea ? String(record.careArea) : null,
    fromRegion: String(record.fromRegion),
    toRegion: String(record.toRegion),
    crossRegion: record.fromRegion !== record.toRegion,
    ...suppress(count, threshold),
    source: String(record.source),
    synthetic: true,
  };
}

export const patientFlowResolvers = {
  PatientFlow: {
    careArea: async (cell: FlowCell, _args: unknown, ctx: SubgraphContext) =>
      cell.careArea === null ? null : ((await nationalData(ctx)).byId('careAreas', cell.careArea) ?? null),
    fromRegion: (cell: FlowCell) => ({ code: cell.fromRegion }),
    toRegion: (cell: FlowCell) => ({ code: cell.toRegion }),
  },
};
