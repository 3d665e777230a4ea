import type { Violation } from './invariants.js';
import type { FuzzOperation } from './operations.js';

/**
 * Gateway bugs the hub fuzz found and reported (issue 5), not yet fixed in gateway/. A violation
 * matching one is counted and printed as known instead of failing the run, so the rest of the
 * fuzz keeps guarding everything else. Delete an entry when its fix lands: the fuzz then proves it.
 * Each `repro` is the minimised operation (test/fuzz/minimise.ts), sent with any valid token.
 */
export interface KnownFinding {
  readonly id: string;
  readonly repro: string;
  /** `codes`: every error code of the same answer. */
  readonly matches: (op: FuzzOperation, violation: Violation, codes: readonly string[]) => boolean;
}

const internal = (v: Violation) => v.invariant === 'internal-error';

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    // The other direction of the fixed `alias-shadows-entity-key`: the client aliases a field WITH
    // a selection set to the entity's key name (`code: primaryCareUnits { … }` on Municipality)
    // and the planner aliases its OWN key (`_internal_qp_alias_0: code`) with an output
    // KeyRenamer back to `code`, over the client's object: INTERNAL_SERVER_ERROR ("Expected an
    // object for Municipality.primaryCareUnits"). Telling the two renames apart needs the fetch
    // operation's field under the alias (gateway/execute/rewrites.ts; fetch-root.ts must pass it).
    id: 'planner-key-renamed-over-client-alias',
    repro:
      '{ primaryCareUnits(first: 2) { items { municipality { code: primaryCareUnits(first: 4) { totalCount } healthcareRegions { note } } } } }',
    matches: (op, v) => internal(v) && /(^|\s)(code|id): [_A-Za-z]\w*(\([^)]*\))? \{/m.test(op.query),
  },
  {
    // A fragment conditioned on a VARIABLE whose every field is excluded by a literal
    // @skip(if: true)/@include(if: false): with the variable excluding it the selection set is
    // empty; the field is answered null, INTERNAL_SERVER_ERROR ("Cannot return null for
    // non-nullable field Query.municipalities"; also Region.municipalities, AlfRegion.university).
    id: 'variable-conditional-fragment-left-empty',
    repro:
      'query ($v1: Boolean!) { municipalities(region: 14) { ...F2 @skip(if: $v1) } a3: region(code: 14) { source } } fragment F2 on MunicipalityPage { items @skip(if: true) { code } }  variables {"v1": true}',
    matches: (op, v) =>
      internal(v) &&
      /@(include|skip)\(if: \$/.test(op.query) &&
      /@(skip\(if: true\)|include\(if: false\))/.test(op.query),
  },
];

export function knownFinding(
  op: FuzzOperation,
  violation: Violation,
  codes: readonly string[],
): KnownFinding | undefined {
  return KNOWN_FINDINGS.find((k) => k.matches(op, violation, codes));
}
