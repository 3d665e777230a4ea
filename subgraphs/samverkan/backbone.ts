import type {
  ActivityPlanRecord,
  CollaborationAgreementRecord,
  CollaborationBodyRecord,
  CollaborationProjectRecord,
  HealthcareRegionRecord,
  HospitalRecord,
  MunicipalityRecord,
  RegionRecord,
} from '../../datagen/domains/samverkan/records.js';
import { SAMVERKAN_COLLECTIONS, type SamverkanCollection } from '../../datagen/domains/samverkan/records.js';
import { indexBy, nationalView, type SourceRecord, type SubgraphContext } from '../kit/index.js';

/**
 * Stamdata — the backbone's national reference data of one request, indexed. All collections are
 * read in one batch (one source call), so however many fields a query touches the national
 * source is asked once. The index is reused across requests while the source returns the same
 * record arrays (file sources cache them until the file changes).
 */
export interface Backbone {
  readonly regions: readonly RegionRecord[];
  readonly healthcareRegions: readonly HealthcareRegionRecord[];
  readonly municipalities: readonly MunicipalityRecord[];
  readonly hospitals: readonly HospitalRecord[];
  readonly bodies: readonly CollaborationBodyRecord[];
  readonly agreements: readonly CollaborationAgreementRecord[];
  readonly activityPlans: readonly ActivityPlanRecord[];
  readonly projects: readonly CollaborationProjectRecord[];
  readonly region: ReadonlyMap<string, RegionRecord>;
  readonly healthcareRegion: ReadonlyMap<string, HealthcareRegionRecord>;
  readonly municipality: ReadonlyMap<string, MunicipalityRecord>;
  readonly hospital: ReadonlyMap<string, HospitalRecord>;
  readonly body: ReadonlyMap<string, CollaborationBodyRecord>;
  readonly agreement: ReadonlyMap<string, CollaborationAgreementRecord>;
  readonly activityPlan: ReadonlyMap<string, ActivityPlanRecord>;
}

/** Read in one batch per request; the sorted lists and indexes are rebuilt only when the data changes. */
export const backbone: (ctx: SubgraphContext) => Promise<Backbone> = nationalView(
  SAMVERKAN_COLLECTIONS,
  (loaded) => {
    // Sorted once here (by key), so every list served from them has a stable, documented order.
    const sorted = <T>(name: SamverkanCollection) => [...loaded[name]].sort(byKey) as unknown as T[];
    const regions = sorted<RegionRecord>('regions');
    const healthcareRegions = sorted<HealthcareRegionRecord>('healthcareRegions');
    const municipalities = sorted<MunicipalityRecord>('municipalities');
    const hospitals = sorted<HospitalRecord>('hospitals');
    const bodies = sorted<CollaborationBodyRecord>('collaborationBodies');
    const agreements = sorted<CollaborationAgreementRecord>('collaborationAgreements');
    const activityPlans = sorted<ActivityPlanRecord>('activityPlans');
    const projects = sorted<CollaborationProjectRecord>('collaborationProjects');
    return {
      regions,
      healthcareRegions,
      municipalities,
      hospitals,
      bodies,
      agreements,
      activityPlans,
      projects,
      region: indexBy(regions, 'code'),
      healthcareRegion: indexBy(healthcareRegions, 'id'),
      municipality: indexBy(municipalities, 'code'),
      hospital: indexBy(hospitals, 'id'),
      body: indexBy(bodies, 'id'),
      agreement: indexBy(agreements, 'id'),
      activityPlan: indexBy(activityPlans, 'id'),
    };
  },
);

function byKey(a: SourceRecord, b: SourceRecord): number {
  const x = String(a.code ?? a.id);
  const y = String(b.code ?? b.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Looks up several keys, skipping any the data does not hold (never throws on a dangling id). */
export function pick<T>(index: ReadonlyMap<string, T>, keys: readonly string[]): T[] {
  return keys.flatMap((key) => {
    const item = index.get(key);
    return item ? [item] : [];
  });
}
