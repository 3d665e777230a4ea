import { hospitalIdFor } from '../../reference.js';
import type { GenContext } from '../../types.js';

const DATE_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?/;

/** "2020 (spring)" → "2020"; the date as stated is kept when it had more than an ISO prefix. */
function isoPrefix(value: string | null | undefined): { iso: string | null; stated: string | null } {
  if (!value) return { iso: null, stated: null };
  const iso = DATE_PREFIX.exec(value)?.[0] ?? null;
  return { iso, stated: iso === value ? null : value };
}

/**
 * NHV-beslut — the national NHV decisions (real reference data, unmarked) and one permit record
 * per permit holder, with the holder's hospital mapped to the hub's hospital id.
 */
export function nhvRecords(context: GenContext) {
  const { reference } = context;
  const base =
    'data/reference/nhv-decisions.json (Socialstyrelsen / Nämnden för nationell högspecialiserad vård)';
  const decisions = reference.nhvDecisions.map((d) => {
    const decision = isoPrefix(d.decisionDate);
    const valid = isoPrefix(d.validFrom);
    return {
      id: d.id,
      careArea: d.id,
      careAreaName: d.careArea,
      careAreaNameEn: d.careAreaEn,
      origin: d.origin ?? null,
      unitsDecided: d.unitsDecided ?? null,
      holdersComplete: d.holdersComplete ?? false,
      decisionDate: decision.iso,
      decisionDateAsStated: decision.stated,
      validFrom: valid.iso,
      validFromAsStated: valid.stated,
      verified: d.verified,
      sources: d.sources,
      notes: d.notes ?? null,
      source: `${base}; ${d.sources[0] ?? ''}`,
      synthetic: false,
    };
  });
  const permits = reference.nhvDecisions.flatMap((d) =>
    d.permitHolders.map((holder) => {
      const hospitalId = holder.hospital ? hospitalIdFor(holder.hospital, reference) : undefined;
      if (holder.hospital && !hospitalId) {
        throw new Error(`NHV decision ${d.id}: hospital '${holder.hospital}' is not in hospitals.json`);
      }
      return {
        id: `${d.id}:${holder.countyCode}`,
        decisionId: d.id,
        regionCode: holder.countyCode,
        regionName: holder.region,
        hospitalId: hospitalId ?? null,
        hospitalName: holder.hospital ?? null,
        verified: d.verified,
        source: `${base}; ${d.sources[0] ?? ''}`,
        synthetic: false,
      };
    }),
  );
  return { decisions, permits };
}
