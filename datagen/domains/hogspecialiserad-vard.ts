import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator, DomainOutput } from '../types.js';
import { careAgreementRecords } from './hogspecialiserad-vard/care-agreements.js';
import { allCareAreas, scaledCareAreas, scaledMonths } from './hogspecialiserad-vard/care-areas.js';
import { nhvRecords } from './hogspecialiserad-vard/nhv.js';
import { patientFlowRecords } from './hogspecialiserad-vard/patient-flows.js';
import { priceListRecords } from './hogspecialiserad-vard/price-lists.js';

/**
 * Dataset of the hogspecialiserad-vard subgraph. National (real, unmarked): NHV decisions and
 * permits, care areas, care agreements from the seed documents, and the hospital and
 * sjukvårdsregion keys the subgraph resolves. National (synthetic): price lists. Per region
 * (synthetic): `patientFlows` into that region (the treating region owns the records).
 */
export const hogspecialiseradVardData: DomainGenerator = (context) => {
  const { reference } = context;
  const careAreas = allCareAreas(context);
  const scaled = scaledCareAreas(context, careAreas);
  const months = scaledMonths(context);
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const nhv = nhvRecords(context);
  const prices = priceListRecords(context, scaled, years);
  const output: DomainOutput = {
    [NATIONAL]: {
      careAreas,
      nhvDecisions: nhv.decisions,
      nhvPermits: nhv.permits,
      careAgreements: careAgreementRecords(context),
      priceLists: prices.lists,
      priceListItems: prices.items,
      hospitals: reference.hospitals.map((h) => ({
        id: h.id,
        name: h.name,
        regionCode: h.regionCode,
        source: 'data/reference/hospitals.json (Vårdnav hospital register)',
        synthetic: false,
      })),
      healthcareRegions: reference.healthcareRegions.map((h) => ({
        id: h.id,
        name: h.name,
        members: h.members,
        source: 'data/reference/regions.json (sjukvårdsregioner)',
        synthetic: false,
      })),
    },
  };
  for (const [region, flows] of patientFlowRecords(context, scaled, months)) {
    output[region] = { patientFlows: flows };
  }
  return output;
};
