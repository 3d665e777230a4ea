import type { SubgraphResolvers } from '../kit/index.js';
import {
  ActivityPlan,
  CollaborationAgreement,
  CollaborationBody,
  CollaborationProject,
  Hospital,
} from './collaboration.js';
import { HealthcareRegion, HealthcareRegionMembership, Municipality, Region } from './geography.js';
import { Query } from './query.js';

export const resolvers: SubgraphResolvers = {
  Query,
  Region,
  HealthcareRegion,
  HealthcareRegionMembership,
  Municipality,
  Hospital,
  CollaborationBody,
  CollaborationAgreement,
  ActivityPlan,
  CollaborationProject,
};
