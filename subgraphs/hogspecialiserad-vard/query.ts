import {
  byKeys,
  type PageArgs,
  pageWindow,
  paginate,
  regionCodeArg,
  type SourceRecord,
  type SubgraphContext,
  yearArg,
} from '../kit/index.js';
import { nationalIdArg } from './args.js';
import { nationalData } from './national.js';
import { type FlowArgs, patientFlowPage } from './patient-flows.js';

const byId = byKeys<SourceRecord>((r) => String(r.id));
type Info = Parameters<typeof patientFlowPage>[1];

/** Root queries of the hogspecialiserad-vard subgraph. */
export const queryResolvers = {
  careAreas: async (_root: unknown, args: PageArgs & { kind?: string | null }, ctx: SubgraphContext) => {
    const { careAreas } = await nationalData(ctx);
    return paginate(
      careAreas.filter((c) => !args.kind || c.kind === args.kind),
      args,
      byId,
    );
  },
  careArea: async (_root: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await nationalData(ctx)).byId('careAreas', args.id) ?? null,

  nhvDecisions: async (
    _root: unknown,
    args: PageArgs & { region?: string | null; hospital?: string | null; verified?: boolean | null },
    ctx: SubgraphContext,
  ) => {
    pageWindow(args);
    const region = regionCodeArg(args.region, 'region');
    const national = await nationalData(ctx);
    const hospital = nationalIdArg(national, 'hospitals', args.hospital, 'hospital');
    const holders = (decision: SourceRecord) =>
      national.nhvPermits.filter((p) => p.decisionId === decision.id);
    const decisions = national.nhvDecisions.filter(
      (d) =>
        (args.verified == null || d.verified === args.verified) &&
        (!region || holders(d).some((p) => p.regionCode === region)) &&
        (!hospital || holders(d).some((p) => p.hospitalId === hospital)),
    );
    return paginate(decisions, args, byId);
  },
  nhvDecision: async (_root: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await nationalData(ctx)).byId('nhvDecisions', args.id) ?? null,

  careAgreements: async (
    _root: unknown,
    args: PageArgs & { region?: string | null; careArea?: string | null },
    ctx: SubgraphContext,
  ) => {
    pageWindow(args);
    const region = regionCodeArg(args.region, 'region');
    const national = await nationalData(ctx);
    const careArea = nationalIdArg(national, 'careAreas', args.careArea, 'careArea');
    const agreements = national.careAgreements.filter(
      (a) =>
        (!region ||
          a.providerRegion === region ||
          (a.participatingRegions as string[]).includes(region) ||
          (a.patientRegions as string[]).includes(region)) &&
        (!careArea || (a.careAreas as string[]).includes(careArea)),
    );
    return paginate(agreements, args, byId);
  },
  careAgreement: async (_root: unknown, args: { id: string }, ctx: SubgraphContext) =>
    (await nationalData(ctx)).byId('careAgreements', args.id) ?? null,

  priceLists: async (
    _root: unknown,
    args: PageArgs & { healthcareRegion?: string | null; year?: number | null },
    ctx: SubgraphContext,
  ) => {
    pageWindow(args);
    const year = yearArg(args.year, 'year');
    const national = await nationalData(ctx);
    const hr = nationalIdArg(national, 'healthcareRegions', args.healthcareRegion, 'healthcareRegion');
    const lists = national.priceLists.filter(
      (l) => (!hr || l.healthcareRegion === hr) && (year === undefined || l.year === year),
    );
    return paginate(
      lists,
      args,
      byKeys<SourceRecord>(
        (l) => String(l.healthcareRegion),
        (l) => Number(l.year),
      ),
    );
  },

  patientFlows: (_root: unknown, args: FlowArgs, ctx: SubgraphContext, info: Info) =>
    patientFlowPage(ctx, info, args),
};
