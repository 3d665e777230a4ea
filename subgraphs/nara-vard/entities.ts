import { regionReference, type SubgraphContext, type SubgraphResolvers } from '../kit/index.js';
import { municipalities } from './args.js';
import { municipalityCollaborations, regionCollaborations } from './collaborations.js';
import { regionDistributions } from './distributions.js';
import { municipalityIndicatorValues, regionIndicatorValues } from './indicators.js';
import { municipalityUnits, regionUnits } from './primary-care.js';

/** The backbone entities (owned by samverkan) with the nara-vard fields. */

interface Keyed {
  readonly code: string;
}

export const entityResolvers: SubgraphResolvers = {
  Region: {
    // A länskod of one of the 21 regions (no source call); anything else is not a Region.
    __resolveReference: regionReference,
    primaryCareUnits: (r: Keyed, args, ctx: SubgraphContext) => regionUnits(r.code, args, ctx),
    naraVardCollaborations: (r: Keyed, args, ctx: SubgraphContext) => regionCollaborations(r.code, args, ctx),
    regionIndicators: (r: Keyed, args, ctx: SubgraphContext) => regionIndicatorValues(r.code, args, ctx),
    resourceDistributions: (r: Keyed, args, ctx: SubgraphContext) => regionDistributions(r.code, args, ctx),
  },
  Municipality: {
    // Known kommunkoder only (SCB list in the national reference collection).
    __resolveReference: async (ref: Keyed, ctx: SubgraphContext) =>
      (await municipalities(ctx)).has(ref.code) ? { code: ref.code } : null,
    primaryCareUnits: (m: Keyed, args, ctx: SubgraphContext) => municipalityUnits(m.code, args, ctx),
    indicators: (m: Keyed, args, ctx: SubgraphContext) => municipalityIndicatorValues(m.code, args, ctx),
    naraVardCollaborations: (m: Keyed, args, ctx: SubgraphContext) =>
      municipalityCollaborations(m.code, args, ctx),
  },
};
