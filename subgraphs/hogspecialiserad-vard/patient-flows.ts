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
import { LEVELS, type Level, sumCells } from './flow-cells.js';
import type { FlowProtection } from './flow-protection.js';
import { readProtectedFlows } from './flow-reads.js';
import { nationalData } from './national.js';

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
 * filter is a dimension of the cell, so this selects whole cells) and sums them to the level's
 * cells. Each served cell is hidden when the protected pattern of its whole table hides it
 * (primary and secondary suppression, `flow-protection.ts`, computed once per region's records
 * regardless of the filters) or, as a safeguard, when it is below the threshold. Pages follow the
 * kit's paging convention; only the served window is materialised (the 'large' dataset has 1.4
 * million monthly cells).
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

  const collected = await readProtectedFlows(ctx, toRegion ? [toRegion] : undefined);
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
    .map((i) =>
      toCell(cells.records[i]!, cells.counts[i]!, level, ctx.suppressionThreshold, collected.protections),
    );
  return {
    totalCount: served.length,
    offset,
    hasNextPage: offset + first < served.length,
    items,
    missingRegions: [...collected.missingRegions].sort(),
    suppressionThreshold: ctx.suppressionThreshold,
    secondarySuppressionApplied: true,
  };
}

function toCell(
  record: SourceRecord,
  count: number,
  level: Level,
  threshold: number,
  protections: readonly FlowProtection[],
): FlowCell {
  const shape = LEVELS[level];
  const month = String(record.month);
  const period = shape.byMonth ? month : month.slice(0, 4);
  const careArea = shape.byCareArea ? String(record.careArea) : null;
  const [fromRegion, toRegion] = [String(record.fromRegion), String(record.toRegion)];
  const hidden = protections.some((p) => p.isSuppressed(level, period, careArea, fromRegion, toRegion));
  return {
    level,
    period,
    year: Number(month.slice(0, 4)),
    month: shape.byMonth ? month : null,
    careArea,
    fromRegion,
    toRegion,
    crossRegion: fromRegion !== toRegion,
    ...(hidden ? { count: null, suppressed: true } : suppress(count, threshold)),
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
