import { byKeys, type PageArgs, paginate, type SourceRecord, type SubgraphContext } from '../kit/index.js';
import { nationalIdArg } from './args.js';
import { nationalData } from './national.js';

const byId = byKeys<SourceRecord>((r) => String(r.id));
const regionRefs = (codes: unknown) => [...((codes as string[]) ?? [])].sort().map((code) => ({ code }));

/** Field resolvers of the record types: links between records and to the backbone entities. */
export const recordResolvers = {
  CareArea: {
    nhvDecision: async (area: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
      area.nhvDecisionId
        ? ((await nationalData(ctx)).byId('nhvDecisions', area.nhvDecisionId) ?? null)
        : null,
  },
  NhvDecision: {
    careArea: async (decision: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).byId('careAreas', decision.careArea),
    permitHolders: async (decision: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).nhvPermits.filter((p) => p.decisionId === decision.id).sort(byId),
  },
  NhvPermit: {
    decision: async (permit: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).byId('nhvDecisions', permit.decisionId),
    region: (permit: SourceRecord) => ({ code: permit.regionCode }),
    hospital: (permit: SourceRecord) => (permit.hospitalId ? { id: permit.hospitalId } : null),
  },
  CareAgreement: {
    careAreas: async (agreement: SourceRecord, _args: unknown, ctx: SubgraphContext) => {
      const national = await nationalData(ctx);
      return (agreement.careAreas as string[]).map((id) => national.byId('careAreas', id)).filter(Boolean);
    },
    providerRegion: (agreement: SourceRecord) => ({ code: agreement.providerRegion }),
    providerHospital: (agreement: SourceRecord) =>
      agreement.providerHospital ? { id: agreement.providerHospital } : null,
    patientRegions: (agreement: SourceRecord) => regionRefs(agreement.patientRegions),
    catchmentRegions: (agreement: SourceRecord) => regionRefs(agreement.catchmentRegions),
    participatingRegions: (agreement: SourceRecord) => regionRefs(agreement.participatingRegions),
    healthcareRegion: (agreement: SourceRecord) => ({ id: agreement.healthcareRegion }),
  },
  PriceList: {
    healthcareRegion: (list: SourceRecord) => ({ id: list.healthcareRegion }),
    items: async (
      list: SourceRecord,
      args: PageArgs & { careArea?: string | null },
      ctx: SubgraphContext,
    ) => {
      const national = await nationalData(ctx);
      const careArea = nationalIdArg(national, 'careAreas', args.careArea, 'careArea');
      const items = national.priceListItems.filter(
        (i) => i.priceList === list.id && (careArea === undefined || i.careArea === careArea),
      );
      return paginate(
        items,
        args,
        byKeys<SourceRecord>((i) => String(i.serviceCode)),
      );
    },
  },
  PriceListItem: {
    careArea: async (item: SourceRecord, _args: unknown, ctx: SubgraphContext) =>
      (await nationalData(ctx)).byId('careAreas', item.careArea),
  },
};
