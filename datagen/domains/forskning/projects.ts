import type { GenContext } from '../../types.js';
import type { Participants } from './participants.js';
import type { FundingRecord, ResearchProjectRecord } from './records.js';
import {
  FUNDER_AMOUNTS,
  FUNDER_CHANCE,
  FUNDER_TYPES,
  type FunderType,
  PROJECT_DESIGNS,
  RESEARCH_AREAS,
} from './vocabulary.js';

const FIRST_YEAR = 2014;
const LAST_START_YEAR = 2026;

/** SYNTHETIC research projects led by one region (its own collection), deterministic per region. */
export function researchProjects(
  context: GenContext,
  leadRegionCode: string,
  who: Participants,
  alfRegions: ReadonlySet<string>,
): ResearchProjectRecord[] {
  const random = context.random(`forskning:projects:${leadRegionCode}`);
  const regionName = context.reference.regions.find((r) => r.countyCode === leadRegionCode)!.officialName;
  const count = context.scale === 'large' ? random.int(350, 450) : random.int(6, 14);
  const projects: ResearchProjectRecord[] = [];
  for (let n = 1; n <= count; n++) {
    const area = random.pick(RESEARCH_AREAS);
    const startYear = random.int(FIRST_YEAR, LAST_START_YEAR);
    const endYear = startYear + random.int(0, 5);
    const partners = random.chance(0.4) ? 0 : random.int(1, 5);
    const funderName: Record<FunderType, string> = {
      ALF: `ALF-medel, ${regionName}`,
      VETENSKAPSRADET: 'Vetenskapsrådet',
      FORTE: 'Forte',
      VINNOVA: 'Vinnova',
      REGIONAL_FOU: `${regionName}, regionala FoU-medel`,
      EU_HORIZON: 'Europeiska kommissionen (Horisont Europa)',
      FOUNDATION: area.foundation ?? 'Privat stiftelse',
    };
    const funders = FUNDER_TYPES.filter(
      (type) => (type !== 'ALF' || alfRegions.has(leadRegionCode)) && random.chance(FUNDER_CHANCE[type]),
    );
    if (funders.length === 0) funders.push('REGIONAL_FOU');
    const funding: FundingRecord[] = [];
    for (let year = startYear; year <= endYear; year++) {
      for (const type of funders) {
        const [low, high] = FUNDER_AMOUNTS[type];
        funding.push({
          year,
          funderType: type,
          funderName: funderName[type],
          amountSek: Math.round(random.int(low, high) / 10_000) * 10_000,
        });
      }
    }
    projects.push({
      id: `FP-${leadRegionCode}-${String(n).padStart(4, '0')}`,
      title: `${random.pick(PROJECT_DESIGNS)} inom ${area.sv}`,
      researchArea: area.value,
      leadRegionCode,
      participatingRegionCodes: who.regions(random, leadRegionCode, partners),
      universityId: who.university(random, leadRegionCode),
      startYear,
      endYear,
      funding,
      source: context.syntheticSource,
      synthetic: true,
    });
  }
  return projects;
}
