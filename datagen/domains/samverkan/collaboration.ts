import type { Reference } from '../../reference.js';
import { citer, type SamverkanFacts } from './facts.js';
import type {
  ActivityPlanRecord,
  CollaborationAgreementRecord,
  CollaborationBodyRecord,
  CollaborationProjectRecord,
  HealthcareRegionRecord,
} from './records.js';

/** Collaboration bodies, agreements and activity plans from data/facts/samverkan (real, cited). */

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : 1);

export function collaborationBodyRecords(
  reference: Reference,
  facts: SamverkanFacts,
  healthcareRegions: HealthcareRegionRecord[],
): CollaborationBodyRecord[] {
  const cite = citer(facts);
  const fromReference = facts.healthcareRegionBodies.map((fact) => {
    const hr = reference.healthcareRegions.find((h) => h.id === fact.healthcareRegionId);
    const record = healthcareRegions.find((h) => h.id === fact.healthcareRegionId);
    if (!hr || !record) throw new Error(`collaboration body ${fact.id}: unknown ${fact.healthcareRegionId}`);
    const confidence = hr.collaborationBodyConfidence ?? 'unknown';
    const sources = [
      `data/reference/regions.json (collaborationBody of ${hr.name}, confidence ${confidence})`,
      ...fact.sources.map(cite),
    ];
    return {
      id: fact.id,
      name: hr.collaborationBody,
      kind: fact.kind,
      healthcareRegionId: hr.id,
      memberRegionCodes: record.memberships.map((m) => m.regionCode),
      programme: null,
      description: fact.description,
      verified: confidence === 'high',
      note:
        confidence === 'high'
          ? null
          : `Name and role of medium confidence in the reference data; not verified.`,
      sources,
      source: sources.join('; '),
      synthetic: false,
    };
  });
  const fromSeeds = facts.bodies.map((fact) => {
    const sources = fact.sources.map(cite);
    return {
      ...fact,
      memberRegionCodes: [...fact.memberRegionCodes].sort(),
      sources,
      source: sources.join('; '),
      synthetic: false,
    };
  });
  return [...fromReference, ...fromSeeds].sort(byId);
}

export function agreementRecords(facts: SamverkanFacts): CollaborationAgreementRecord[] {
  const cite = citer(facts);
  return facts.agreements
    .map(({ subjectAreaIds, ...fact }) => {
      const sources = fact.sources.map(cite);
      return {
        ...fact,
        partyRegionCodes: [...fact.partyRegionCodes].sort(),
        subjectAreas: subjectAreaIds.map((id) => {
          const area = facts.subjectAreas.find((a) => a.id === id);
          if (!area) throw new Error(`agreement ${fact.id}: unknown subject area ${id}`);
          return area;
        }),
        sources,
        source: sources.join('; '),
        synthetic: false,
      };
    })
    .sort(byId);
}

export function activityPlanRecords(facts: SamverkanFacts): ActivityPlanRecord[] {
  const cite = citer(facts);
  return facts.plans
    .map((plan) => {
      // The seed citation carries the document's note (OCR-damaged copy, spelling restored).
      const sources = plan.sources.map(cite);
      const source = sources.join('; ');
      return {
        ...plan,
        sources,
        source,
        synthetic: false,
        items: plan.items.map((item, index) => ({ position: index + 1, ...item, source, synthetic: false })),
      };
    })
    .sort(byId);
}

export function projectRecords(
  facts: SamverkanFacts,
  hospitalIds: ReadonlySet<string>,
): CollaborationProjectRecord[] {
  const cite = citer(facts);
  return facts.projects
    .map((fact) => {
      for (const id of fact.hospitalIds) {
        if (!hospitalIds.has(id)) throw new Error(`project ${fact.id}: unknown hospital ${id}`);
      }
      const sources = fact.sources.map(cite);
      return {
        ...fact,
        participantRegionCodes: [...fact.participantRegionCodes].sort(),
        sources,
        source: sources.join('; '),
        synthetic: false,
      };
    })
    .sort(byId);
}
