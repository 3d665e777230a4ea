import { isRegionCode } from '../../core/regions.js';

/**
 * `Region.__resolveReference` of the subgraphs that add fields to Region: the key is one of the 21
 * länskoder (core/regions.ts) or the entity is unknown (null). No source call, and it does not
 * depend on which regions have a source configured.
 */
export function regionReference(ref: { code?: unknown }): { code: string } | null {
  return isRegionCode(ref.code) ? { code: ref.code } : null;
}
