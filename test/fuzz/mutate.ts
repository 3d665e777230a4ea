import type { Dice } from './dice.js';
import type { FuzzOperation } from './operations.js';

/**
 * Breaks a valid operation so parsing, validation and variable coercion are fuzzed too, close to
 * what real clients get wrong: a dropped brace, a truncated document, an unknown field or
 * argument, a literal of the wrong type, an undefined variable; or variables of the wrong type,
 * missing, or unknown. Each must come back as a 400 (or a 200 with errors) naming the problem.
 */
export type Mutation =
  | 'drop-brace'
  | 'truncate'
  | 'unknown-field'
  | 'unknown-argument'
  | 'wrong-literal'
  | 'undefined-variable'
  | 'wrong-variable'
  | 'missing-variable'
  | 'extra-variable';

const TEXT: readonly Mutation[] = [
  'drop-brace',
  'truncate',
  'unknown-field',
  'unknown-argument',
  'wrong-literal',
  'undefined-variable',
];
const WRONG_VALUES: readonly unknown[] = [
  '12',
  1.5,
  2_147_483_648,
  true,
  {},
  [1, 2],
  'NOT_AN_ENUM',
  null,
  '',
];

export function mutateOperation(dice: Dice, op: FuzzOperation): { op: FuzzOperation; mutation: Mutation } {
  const names = Object.keys(op.variables ?? {});
  const mutation: Mutation =
    names.length > 0 && dice.chance(0.4)
      ? dice.pick(['wrong-variable', 'missing-variable', 'extra-variable'] as const)
      : dice.pick(TEXT);
  const at = (pattern: RegExp): number[] => [...op.query.matchAll(pattern)].map((m) => m.index);
  const splice = (i: number, remove: number, insert: string) =>
    op.query.slice(0, i) + insert + op.query.slice(i + remove);
  let query = op.query;
  let variables = op.variables;
  switch (mutation) {
    case 'drop-brace': {
      const braces = at(/[{}]/g);
      if (braces.length > 0) query = splice(dice.pick(braces), 1, '');
      break;
    }
    case 'truncate':
      query = op.query.slice(0, dice.int(0, Math.max(0, op.query.length - 1)));
      break;
    case 'unknown-field': {
      const opens = at(/\{/g);
      query = splice(
        dice.pick(opens) + 1,
        0,
        dice.pick([' fuzzUnknownField ', ' __typenam ', ' count { x } ']),
      );
      break;
    }
    case 'unknown-argument': {
      const opens = at(/\(/g);
      query =
        opens.length > 0 ? splice(dice.pick(opens) + 1, 0, 'bogus: 1, ') : query.replace('{', '{ x(y: 1) ');
      break;
    }
    case 'wrong-literal': {
      const literals = [...op.query.matchAll(/: (-?\d+|"[^"]*"|true|false|[A-Z][A-Z_]+)(?=[,)])/g)];
      if (literals.length > 0) {
        const m = dice.pick(literals);
        const wrong = /^-?\d/.test(m[1]!) ? '"ten"' : m[1]!.startsWith('"') ? '{ a: 1 }' : '3.5';
        query = splice(m.index + 2, m[1]!.length, wrong);
      } else query = query.replace('{', '{ region(code: 18.5) { code } ');
      break;
    }
    case 'undefined-variable': {
      const opens = at(/\(/g);
      query = opens.length > 0 ? splice(dice.pick(opens) + 1, 0, 'first: $fzUndefined, ') : `${query} $`;
      break;
    }
    case 'wrong-variable': {
      const name = dice.pick(names);
      variables = { ...variables, [name]: dice.pick(WRONG_VALUES) };
      break;
    }
    case 'missing-variable': {
      const { [dice.pick(names)]: _dropped, ...rest } = variables ?? {};
      variables = rest;
      break;
    }
    case 'extra-variable':
      variables = { ...variables, fzExtra: dice.pick(WRONG_VALUES) };
      break;
  }
  return {
    op: {
      query,
      ...(variables ? { variables } : {}),
      ...(op.operationName ? { operationName: op.operationName } : {}),
    },
    mutation,
  };
}
