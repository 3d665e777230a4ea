import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator, DomainOutput } from '../types.js';
import { collaborationRecords, distributionRecords } from './nara-vard/facts.js';
import { indicatorCatalogue, indicatorValues } from './nara-vard/indicators.js';
import { primaryCareUnits } from './nara-vard/primary-care.js';

/**
 * Dataset of the nara-vard subgraph. Per region (länskod): `naraVardCollaborations` and
 * `resourceDistributions` (real facts from the seeds, Region Örebro län only), `primaryCareUnits`
 * and `indicatorValues` (SYNTHETIC). National: `municipalities` (SCB kommunkoder, real) and
 * `indicators` (the indicator catalogue, hub-defined, values synthetic).
 */
export const naraVardData: DomainGenerator = (context) => {
  const { reference } = context;
  const collaborations = collaborationRecords(reference);
  const distributions = distributionRecords();
  const units = primaryCareUnits(context);
  const values = indicatorValues(context);
  const out: DomainOutput = {
    [NATIONAL]: {
      municipalities: reference.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        regionCode: m.countyCode,
        source: 'data/reference/municipalities.json (SCB kommunkoder)',
        synthetic: false,
      })),
      indicators: indicatorCatalogue(context),
    },
  };
  for (const region of reference.regions) {
    const code = region.countyCode;
    out[code] = {
      naraVardCollaborations: collaborations[code] ?? [],
      resourceDistributions: distributions[code] ?? [],
      primaryCareUnits: units[code] ?? [],
      indicatorValues: values[code] ?? [],
    };
  }
  return out;
};
