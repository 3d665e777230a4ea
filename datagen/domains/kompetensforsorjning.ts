import { NATIONAL } from '../../subgraphs/kit/sources/types.js';
import type { DomainGenerator, DomainOutput } from '../types.js';
import { nationalRecords } from './kompetensforsorjning/national.js';
import { staffExchangeRecords } from './kompetensforsorjning/staff-exchanges.js';
import { trainingPostRecords } from './kompetensforsorjning/training-posts.js';
import { workforceRecords } from './kompetensforsorjning/workforce.js';

/**
 * Dataset of the kompetensforsorjning subgraph: real facts with their sources (professions,
 * specialties, Södra's AT/ST working group, the spine-surgery exchange) in `national` and the
 * regions' sources, plus labelled synthetic workforce, training posts and exchanges per region.
 */
export const kompetensforsorjningData: DomainGenerator = (context) => {
  const workforce = workforceRecords(context);
  const trainingPosts = trainingPostRecords(context);
  const staffExchanges = staffExchangeRecords(context);
  const out: DomainOutput = { [NATIONAL]: nationalRecords(context) };
  for (const region of context.reference.regions) {
    const code = region.countyCode;
    out[code] = {
      workforce: workforce[code] ?? [],
      trainingPosts: trainingPosts[code] ?? [],
      staffExchanges: staffExchanges[code] ?? [],
    };
  }
  return out;
};
