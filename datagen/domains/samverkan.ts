import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator } from '../types.js';
import {
  activityPlanRecords,
  agreementRecords,
  collaborationBodyRecords,
  projectRecords,
} from './samverkan/collaboration.js';
import { loadSamverkanFacts } from './samverkan/facts.js';
import { healthcareRegionRecords, municipalityRecords, regionRecords } from './samverkan/geography.js';
import { hospitalRecords } from './samverkan/hospitals.js';
import type { SamverkanCollection } from './samverkan/records.js';

/**
 * Dataset of the samverkan subgraph (the backbone): national reference data only, all real —
 * regions, sjukvårdsregioner, municipalities and hospitals from data/reference, collaboration
 * bodies, agreements, activity plans and collaboration projects from data/facts/samverkan (seed
 * documents, cited).
 * Nothing here is synthetic, so the scale knob does not change it.
 */
export const samverkanData: DomainGenerator = ({ reference }) => {
  const facts = loadSamverkanFacts();
  const municipalities = municipalityRecords(reference, facts.municipalityNotes);
  const regions = regionRecords(reference, municipalities);
  const healthcareRegions = healthcareRegionRecords(reference, facts, municipalities);
  const hospitals = hospitalRecords(reference, regions, municipalities);
  const collections: Record<SamverkanCollection, ReadonlyArray<Record<string, unknown>>> = {
    regions,
    healthcareRegions,
    municipalities,
    hospitals,
    collaborationBodies: collaborationBodyRecords(reference, facts, healthcareRegions),
    collaborationAgreements: agreementRecords(facts),
    activityPlans: activityPlanRecords(facts),
    collaborationProjects: projectRecords(facts, new Set(hospitals.map((h) => h.id))),
  };
  return { [NATIONAL]: collections };
};
