import {
  byKeys,
  type PageArgs,
  paginate,
  regionReference,
  type SourceRecord,
  type SubgraphContext,
  yearArg,
} from '../kit/index.js';
import { nationalData } from './national.js';
import { type FlowArgs, patientFlowPage } from './patient-flows.js';

const byId = byKeys<SourceRecord>((r) => String(r.id));
type Info = Parameters<typeof patientFlowPage>[1];

/** The backbone entities (owned by samverkan) with this subgraph's fields. */
export const entityResolvers = {
  Region: {
    // Sync on purpose: the entity's fields then issue their reads in one tick (one batch per owner).
    __resolveReference: regionReference,
    nhvPermits: async (region: { code: string }, args: PageArgs, ctx: SubgraphContext) => {
      const { nhvPermits } = await nationalData(ctx);
      return paginate(
        nhvPermits.filter((p) => p.regionCode === region.code),
        args,
        byId,
      );
    },
    careAgreementsProvided: async (region: { code: string }, args: PageArgs, ctx: SubgraphContext) => {
      const { careAgreements } = await nationalData(ctx);
      return paginate(
        careAgreements.filter((a) => a.providerRegion === region.code),
        args,
        byId,
      );
    },
    careAgreementsReceived: async (region: { code: string }, args: PageArgs, ctx: SubgraphContext) => {
      const { careAgreements } = await nationalData(ctx);
      return paginate(
        careAgreements.filter(
          (a) => a.providerRegion !== region.code && (a.patientRegions as string[]).includes(region.code),
        ),
        args,
        byId,
      );
    },
    patientFlowsOut: (region: { code: string }, args: FlowArgs, ctx: SubgraphContext, info: Info) =>
      patientFlowPage(ctx, info, { ...args, fromRegion: region.code }),
    patientFlowsIn: (region: { code: string }, args: FlowArgs, ctx: SubgraphContext, info: Info) =>
      patientFlowPage(ctx, info, { ...args, toRegion: region.code }),
  },
  Hospital: {
    __resolveReference: async (ref: { id?: unknown }, ctx: SubgraphContext) =>
      (await nationalData(ctx)).byId('hospitals', ref.id) ? { id: ref.id } : null,
    nhvPermits: async (hospital: { id: string }, args: PageArgs, ctx: SubgraphContext) => {
      const { nhvPermits } = await nationalData(ctx);
      return paginate(
        nhvPermits.filter((p) => p.hospitalId === hospital.id),
        args,
        byId,
      );
    },
    careAgreements: async (hospital: { id: string }, args: PageArgs, ctx: SubgraphContext) => {
      const { careAgreements } = await nationalData(ctx);
      return paginate(
        careAgreements.filter((a) => a.providerHospital === hospital.id),
        args,
        byId,
      );
    },
  },
  HealthcareRegion: {
    __resolveReference: async (ref: { id?: unknown }, ctx: SubgraphContext) =>
      (await nationalData(ctx)).byId('healthcareRegions', ref.id) ? { id: ref.id } : null,
    priceList: async (hr: { id: string }, args: { year?: number | null }, ctx: SubgraphContext) => {
      const year = yearArg(args.year, 'year');
      const lists = (await nationalData(ctx)).priceLists.filter((l) => l.healthcareRegion === hr.id);
      if (year !== undefined) return lists.find((l) => l.year === year) ?? null;
      return lists.reduce<SourceRecord | null>(
        (latest, l) => (!latest || Number(l.year) > Number(latest.year) ? l : latest),
        null,
      );
    },
  },
};
