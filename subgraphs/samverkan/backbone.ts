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
import { SAMVERKAN_COLLECTIONS } from '../../datagen/domains/samverkan/records.js';
import type { SourceRecord, SubgraphContext } from '../kit/index.js';

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

type Loaded = ReadonlyArray<readonly SourceRecord[]>;

const perRequest = new WeakMap<object, Promise<Backbone>>();
let last: { loaded: Loaded; backbone: Backbone } | undefined;

export function backbone(ctx: SubgraphContext): Promise<Backbone> {
  let pending = perRequest.get(ctx.data);
  if (!pending) {
    pending = Promise.all(SAMVERKAN_COLLECTIONS.map((c) => ctx.data.national(c))).then(indexed);
    perRequest.set(ctx.data, pending);
  }
  return pending;
}

function indexed(loaded: Loaded): Backbone {
  if (last?.loaded.every((records, i) => records === loaded[i])) return last.backbone;
  // Sorted once here (by key), so every list served from them has a stable, documented order.
  const [regions, healthcareRegions, municipalities, hospitals, bodies, agreements, activityPlans, projects] =
    loaded.map((records) => [...records].sort(byKey)) as unknown as [
      RegionRecord[],
      HealthcareRegionRecord[],
      MunicipalityRecord[],
      HospitalRecord[],
      CollaborationBodyRecord[],
      CollaborationAgreementRecord[],
      ActivityPlanRecord[],
      CollaborationProjectRecord[],
    ];
  const backbone: Backbone = {
    regions,
    healthcareRegions,
    municipalities,
    hospitals,
    bodies,
    agreements,
    activityPlans,
    projects,
    region: new Map(regions.map((r) => [r.code, r])),
    healthcareRegion: new Map(healthcareRegions.map((h) => [h.id, h])),
    municipality: new Map(municipalities.map((m) => [m.code, m])),
    hospital: new Map(hospitals.map((h) => [h.id, h])),
    body: new Map(bodies.map((b) => [b.id, b])),
    agreement: new Map(agreements.map((a) => [a.id, a])),
    activityPlan: new Map(activityPlans.map((p) => [p.id, p])),
  };
  last = { loaded, backbone };
  return backbone;
}

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
