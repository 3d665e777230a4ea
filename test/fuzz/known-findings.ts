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
    // An alias equal to an entity's key field name on another field (`code: name` on Region,
    // `id: name` on Hospital) corrupts the representation sent to the next subgraph:
    // INTERNAL_SERVER_ERROR ("Cannot return null for non-nullable field Region.medicalFaculties")
    // or, worse, a silently wrong null (`{ hospital(id: "karolinska") { id: name university { name } } }`
    // gives university: null). @apollo/gateway answers both correctly.
    id: 'alias-shadows-entity-key',
    repro: '{ region(code: "18") { code: name medicalFaculties { name } } }',
    matches: (op, v) => internal(v) && /(^|\s)(code|id): [_A-Za-z]/m.test(op.query),
  },
  {
    // A fragment (named spread or inline) conditioned by @include/@skip on a VARIABLE whose
    // fields join other subgraphs: INTERNAL_SERVER_ERROR, data nulled. Literal `if: true` and the
    // same query without the condition work; @apollo/gateway answers both repros. Second repro:
    // query ($v: Boolean!) { university(id: "linkopings-universitet") { ... on University
    //   @include(if: $v) { alfRegion { region { alfRegion { region { koladaId } } } } } } }
    id: 'variable-conditional-fragment-with-entity-join',
    repro:
      'query ($v: Boolean!) { ...F @include(if: $v) } fragment F on Query { alfRegions { region { name } } }  variables {"v": true}',
    matches: (op, v) =>
      internal(v) && /\.\.\.(?: on [_A-Za-z]\w*| ?[_A-Za-z]\w*)? @(include|skip)\(if: \$/.test(op.query),
  },
  {
    // A root field failing with BAD_USER_INPUT (non-null, so data is null) next to a root field of
    // the same subgraph: the sibling is also reported as INTERNAL_SERVER_ERROR ("Cannot return
    // null for non-nullable field"); only the BAD_USER_INPUT error belongs in the answer.
    id: 'root-error-masks-sibling-as-internal',
    repro:
      'query { hospitals { ...F1 } collaborationBodies(healthcareRegion: "nope") { verified } } fragment F1 on HospitalPage { hasNextPage }',
    matches: (_op, v, codes) => internal(v) && codes.includes('BAD_USER_INPUT'),
  },
  {
    // A root introspection field (`__type`) next to a named fragment spread on Query: the
    // fragment's field is reported INTERNAL_SERVER_ERROR (its data is there) and the introspection
    // answer is null. Without the fragment (fields inline) both answer.
    id: 'root-introspection-with-fragment-spread',
    repro: '{ ...F t: __type(name: "Region") { name } } fragment F on Query { regions { code } }',
    matches: (op, v) => internal(v) && op.query.includes('__type(') && /\.\.\.[_A-Za-z]/.test(op.query),
  },
];

export function knownFinding(
  op: FuzzOperation,
  violation: Violation,
  codes: readonly string[],
): KnownFinding | undefined {
  return KNOWN_FINDINGS.find((k) => k.matches(op, violation, codes));
}
