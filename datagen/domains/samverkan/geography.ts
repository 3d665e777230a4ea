import { hospitalIdFor, type Reference } from '../../reference.js';
import type { SamverkanFacts } from './facts.js';
import type { HealthcareRegionRecord, MunicipalityRecord, RegionRecord } from './records.js';

/** Regions, sjukvårdsregioner and municipalities from data/reference (real, with their source notes). */

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The one sjukvårdsregion of a municipality (Halland's are split by municipality). */
function healthcareRegionOf(reference: Reference, code: string, countyCode: string): string {
  const region = reference.regions.find((r) => r.countyCode === countyCode);
  if (!region) throw new Error(`municipality ${code}: unknown county ${countyCode}`);
  if (region.healthcareRegionsAll.length === 1) return region.healthcareRegionsAll[0]!;
  const hr = reference.healthcareRegions.find((h) => h.partialMembers?.[countyCode]?.includes(code));
  if (!hr) throw new Error(`municipality ${code}: not assigned to one of ${region.healthcareRegionsAll}`);
  return hr.id;
}

export function municipalityRecords(
  reference: Reference,
  notes: ReadonlyMap<string, string>,
): MunicipalityRecord[] {
  const src = reference.municipalitiesSource;
  const source = `${String(src.source)} (data/reference/municipalities.json; confidence: ${src.confidence})`;
  return reference.municipalities
    .map((m) => ({
      code: m.code,
      name: m.name,
      regionCode: m.countyCode,
      healthcareRegionId: healthcareRegionOf(reference, m.code, m.countyCode),
      note: notes.get(m.code) ?? null,
      source,
      synthetic: false,
    }))
    .sort(byCode);
}

function regionsSource(reference: Reference): string {
  return `${reference.regionsSource.summary} (data/reference/regions.json; confidence: ${reference.regionsSource.confidence})`;
}

export function regionRecords(reference: Reference, municipalities: MunicipalityRecord[]): RegionRecord[] {
  const source = regionsSource(reference);
  return reference.regions
    .map((r) => ({
      code: r.countyCode,
      name: r.officialName,
      countyName: r.countyName,
      shortName: r.shortName,
      countyLetter: r.countyLetter,
      koladaId: r.koladaId,
      socialstyrelsenRegionId: r.socialstyrelsenRegionId,
      municipalityCount: municipalities.filter((m) => m.regionCode === r.countyCode).length,
      healthcareRegionIds: [...r.healthcareRegionsAll].sort(),
      note: r.note ?? null,
      source,
      synthetic: false,
    }))
    .sort(byCode);
}

/** "Akademiska sjukhuset (Uppsala)" → "akademiska": the name with or without its site suffix. */
function universityHospitalId(reference: Reference, name: string): string {
  const id = hospitalIdFor(name, reference) ?? hospitalIdFor(name.replace(/\s*\([^)]*\)\s*$/, ''), reference);
  if (!id) throw new Error(`university hospital "${name}" is not in data/reference/hospitals.json`);
  return id;
}

export function healthcareRegionRecords(
  reference: Reference,
  facts: SamverkanFacts,
  municipalities: MunicipalityRecord[],
): HealthcareRegionRecord[] {
  return reference.healthcareRegions
    .map((hr) => {
      const body = facts.healthcareRegionBodies.find((b) => b.healthcareRegionId === hr.id);
      if (!body) throw new Error(`no collaboration body for sjukvårdsregion ${hr.id}`);
      const memberships = hr.members
        .map((regionCode) => ({
          regionCode,
          partial: hr.partialMembers?.[regionCode] !== undefined,
          municipalityCodes: municipalities
            .filter((m) => m.regionCode === regionCode && m.healthcareRegionId === hr.id)
            .map((m) => m.code),
        }))
        .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1));
      const municipalityCount = memberships.reduce((n, m) => n + m.municipalityCodes.length, 0);
      if (municipalityCount !== hr.municipalityCount) {
        throw new Error(
          `${hr.id}: ${municipalityCount} municipalities, reference says ${hr.municipalityCount}`,
        );
      }
      return {
        id: hr.id,
        name: hr.name,
        nameEn: hr.nameEn,
        memberships,
        collaborationBodyId: body.id,
        universityHospitalIds: hr.universityHospitals.map((name) => universityHospitalId(reference, name)),
        formerNames: hr.formerNames ?? [],
        municipalityCount,
        note: hr.note ?? null,
        source: regionsSource(reference),
        synthetic: false,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
