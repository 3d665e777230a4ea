import type { SubgraphResolvers } from '../kit/index.js';
import { EducationProgramme, educationProgrammesQuery } from './education-programmes.js';
import { HealthcareRegion, Region } from './entities.js';
import { referenceQueries } from './reference-data.js';
import { StaffExchange, staffExchangesQuery } from './staff-exchanges.js';
import { TrainingPost, trainingPostsQuery } from './training-posts.js';
import { WorkforceFigure, workforceQuery } from './workforce.js';

export const resolvers: SubgraphResolvers = {
  Query: {
    ...referenceQueries,
    workforce: workforceQuery,
    trainingPosts: trainingPostsQuery,
    staffExchanges: staffExchangesQuery,
    educationProgrammes: educationProgrammesQuery,
  },
  Region,
  HealthcareRegion,
  WorkforceFigure,
  TrainingPost,
  StaffExchange,
  EducationProgramme,
};
