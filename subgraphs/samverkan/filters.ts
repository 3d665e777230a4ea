import type {
  CollaborationAgreementRecord,
  HospitalRecord,
} from '../../datagen/domains/samverkan/records.js';
import type { Backbone } from './backbone.js';

/** Filters shared by root lists and entity fields. */

/**
 * In force in `year`: within the stated period (both ends known; extensions the sources do not
 * record are not assumed), or confirmed in force by a source on a date in that year.
 */
export function activeIn(agreement: CollaborationAgreementRecord, year: number): boolean {
  const { fromYear, toYear } = agreement.period;
  if (fromYear !== null && toYear !== null && fromYear <= year && year <= toYear) return true;
  return agreement.confirmedInForceOn?.startsWith(`${year}-`) ?? false;
}

/** Agreements that govern the sjukvårdsregion, or whose parties all belong to it. */
export function agreementInHealthcareRegion(
  data: Backbone,
  agreement: CollaborationAgreementRecord,
  healthcareRegionId: string,
): boolean {
  if (agreement.healthcareRegionId === healthcareRegionId) return true;
  const members = data.healthcareRegion.get(healthcareRegionId)?.memberships.map((m) => m.regionCode) ?? [];
  return (
    agreement.partyRegionCodes.length > 0 && agreement.partyRegionCodes.every((c) => members.includes(c))
  );
}

export function agreementsMatching(
  data: Backbone,
  filter: { region?: string | undefined; healthcareRegion?: string | undefined; year?: number | undefined },
): CollaborationAgreementRecord[] {
  return data.agreements.filter(
    (a) =>
      (filter.region === undefined || a.partyRegionCodes.includes(filter.region)) &&
      (filter.healthcareRegion === undefined ||
        agreementInHealthcareRegion(data, a, filter.healthcareRegion)) &&
      (filter.year === undefined || activeIn(a, filter.year)),
  );
}

export function hospitalsIn(data: Backbone, healthcareRegionId: string): HospitalRecord[] {
  return data.hospitals.filter((h) => h.healthcareRegionId === healthcareRegionId);
}

/** The hospital a source's name form means: name or alias, then the name without "(site)". */
export function hospitalNamed(data: Backbone, name: string): HospitalRecord | undefined {
  const find = (wanted: string) =>
    data.hospitals.find(
      (h) =>
        h.name.toLocaleLowerCase('sv') === wanted ||
        h.aliases.some((a) => a.toLocaleLowerCase('sv') === wanted),
    );
  const wanted = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
  return find(wanted) ?? find(wanted.replace(/\s*\([^)]*\)$/, ''));
}
