import fc from 'fast-check';
import type { Caller } from './callers.js';
import { diceOf } from './dice.js';
import type { FuzzHub } from './hub-target.js';
import { type Mutation, mutateOperation } from './mutate.js';
import { type FuzzOperation, generateOperation } from './operations.js';
import { countDistances } from './schema-reach.js';

/**
 * The hub fuzz's requests: a caller (weighted: callers.ts), a schema-aware operation built for
 * that caller (its own sjukvårdsregion's länskoder are likelier in arguments), broken by
 * mutate.ts in 15 % of requests, sent as POST or (10 %) GET. Drawn by fast-check from a seed.
 */
export interface HubRequest {
  readonly caller: Caller;
  readonly op: FuzzOperation;
  /** null for an operation generated valid. */
  readonly mutation: Mutation | null;
  readonly method: 'POST' | 'GET';
}

export const MUTATED_SHARE = 0.15;

export function hubRequests(target: FuzzHub): fc.Arbitrary<HubRequest> {
  const distances = countDistances(target.schema);
  const weighted = target.callers.map((c) => [c, c.weight] as const);
  return fc.gen().map((g) => {
    const dice = diceOf(g);
    const caller = dice.weighted(weighted);
    const region = caller.identity?.region;
    const op = generateOperation(dice, {
      schema: target.schema,
      distances,
      ids: target.ids,
      nearRegions: region ? [...target.invariants.policy.partners(region)] : [],
    });
    const mutated = dice.chance(MUTATED_SHARE) ? mutateOperation(dice, op) : null;
    return {
      caller,
      op: mutated?.op ?? op,
      mutation: mutated?.mutation ?? null,
      method: dice.chance(0.1) ? 'GET' : 'POST',
    };
  });
}

/** The requests of a run, reproducible from (runs, seed). */
export function sampleHubRequests(target: FuzzHub, runs: number, seed: number): HubRequest[] {
  return fc.sample(hubRequests(target), { numRuns: runs, seed });
}
