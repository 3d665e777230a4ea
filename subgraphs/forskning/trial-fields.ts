import type { ClinicalTrialRecord } from '../../datagen/domains/forskning/records.js';
import type { SubgraphContext, SubgraphResolvers } from '../kit/index.js';
import { cachedTrialEnrolment } from './enrolment.js';

/** Field resolvers of the SYNTHETIC ClinicalTrial type; enrolment counts only through suppression. */
export const trialTypes: SubgraphResolvers = {
  ClinicalTrial: {
    leadRegion: (t: ClinicalTrialRecord) => ({ code: t.leadRegionCode }),
    participatingRegions: (t: ClinicalTrialRecord) => t.participatingRegionCodes.map((code) => ({ code })),
    enrolment: (t: ClinicalTrialRecord, _args: unknown, ctx: SubgraphContext) =>
      cachedTrialEnrolment(t, ctx.suppressionThreshold).total,
    enrolmentByRegion: (t: ClinicalTrialRecord, _args: unknown, ctx: SubgraphContext) =>
      cachedTrialEnrolment(t, ctx.suppressionThreshold).byRegion.map((cell) => ({
        ...cell,
        source: t.source,
        synthetic: t.synthetic,
      })),
  },
  TrialRegionEnrolment: {
    region: (cell: { regionCode: string }) => ({ code: cell.regionCode }),
  },
};
