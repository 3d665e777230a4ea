import type { Reference } from '../../reference.js';
import type { HospitalRecord, MunicipalityRecord, RegionRecord } from './records.js';

/**
 * The hospital register (data/reference/hospitals.json: normalised names, slugs, aliases, sources,
 * verified flag), with the municipality and sjukvårdsregion derived from the hospital's city.
 */
export function hospitalRecords(
  reference: Reference,
  regions: RegionRecord[],
  municipalities: MunicipalityRecord[],
): HospitalRecord[] {
  const register = `Vårdnav hospital register (data/reference/hospitals.json, ${reference.hospitalsSource.compiled})`;
  return reference.hospitals
    .map((h) => {
      const region = regions.find((r) => r.code === h.regionCode);
      if (!region) throw new Error(`hospital ${h.id}: unknown region ${h.regionCode}`);
      const municipality = municipalities.find((m) => m.regionCode === h.regionCode && m.name === h.city);
      const healthcareRegionId =
        municipality?.healthcareRegionId ??
        (region.healthcareRegionIds.length === 1 ? region.healthcareRegionIds[0]! : null);
      const unverified = h.verified
        ? ''
        : ' — UNVERIFIED: name or role not confirmed in a primary source (general knowledge)';
      return {
        id: h.id,
        name: h.name,
        regionCode: h.regionCode,
        city: h.city,
        municipalityCode: municipality?.code ?? null,
        healthcareRegionId,
        sites: h.sites,
        level: h.level,
        aliases: h.aliases,
        sources: h.sources,
        verified: h.verified,
        note: h.note ?? null,
        source: `${register}: ${h.sources.join('; ')}${unverified}`,
        synthetic: false,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
