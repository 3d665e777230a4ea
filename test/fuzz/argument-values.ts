import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { LANSKODER } from '../../core/regions.js';
import type { Dice } from './dice.js';

/**
 * Argument values of the right GraphQL type for the hub's fields, chosen to reach execution most
 * of the time and to hit edges the rest: paging at and beyond its limits (`first` max 1000,
 * default 100), länskoder of the caller's own sjukvårdsregion (so region scoping is exercised on
 * both sides), other regions and non-codes, real ids read from the hub, years and months out of
 * range, every enum value, and null for nullable arguments. Invalid *GraphQL* values are left to
 * mutate.ts: everything here passes validation.
 */
export interface ArgumentContext {
  /** Valid ids per kind (hub-target.ts). */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  /** The caller's region and its partners (empty for callers without one). */
  readonly nearRegions: readonly string[];
}

const FIRST_EDGES = [0, 1, 1000, 1001, -1, 2_147_483_647, -2_147_483_648];
const OFFSET_EDGES = [0, 1, 99, 1000, 100_000, -1, 2_147_483_647];
const YEAR_EDGES = [0, -1, 1900, 9999, 2_147_483_647];
const BAD_REGIONS = ['00', '99', '1', '18 ', 'AB', 'ö', '', '0'.repeat(80), "18' OR '1'='1"];
const BAD_IDS = ['nope', '', 'x'.repeat(300), '../../etc/passwd', '\u0000', '💥'];
const STRINGS = ['a', 'ö', 'Stock', 'borg', '', '%', '_', "'", '\\', ' '.repeat(3), 'å'.repeat(500)];
const MONTHS = ['2021-01', '2022-06', '2023-12', '2024-02', '2024-13', '2024-1', '', 'maj'];

/** Which kind of id an argument takes: by its name, or (for `id`/`code`) by the field's type. */
function idKind(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): string | null {
  switch (arg.name) {
    case 'region':
    case 'fromRegion':
    case 'toRegion':
    case 'leadRegion':
      return 'Region';
    case 'municipality':
      return 'Municipality';
    case 'healthcareRegion':
      return 'HealthcareRegion';
    case 'hospital':
      return 'Hospital';
    case 'careArea':
      return 'CareArea';
    case 'profession':
      return 'Profession';
    case 'specialty':
      return 'MedicalSpecialty';
    case 'university':
      return 'University';
    case 'indicator':
      return 'NaraVardIndicator';
    case 'id':
    case 'code':
      return getNamedType(field.type).name;
    default:
      return null;
  }
}

/**
 * A value for `arg` of `field`. `listBudget` is how many items the enclosing lists may still
 * multiply by, so nested `first` values stay under the gateway's cost limit most of the time.
 */
export function argumentValue(
  dice: Dice,
  ctx: ArgumentContext,
  field: GraphQLField<unknown, unknown>,
  arg: GraphQLArgument,
  listBudget: number,
): unknown {
  if (!isNonNullType(arg.type) && dice.chance(0.06)) return null;
  if (arg.name === 'first' || arg.name === 'limit') {
    if (dice.chance(listBudget >= 500 ? 0.12 : 0.04)) return dice.pick(FIRST_EDGES);
    return dice.int(0, Math.max(1, Math.min(25, Math.floor(listBudget))));
  }
  if (arg.name === 'offset') return dice.chance(0.2) ? dice.pick(OFFSET_EDGES) : dice.int(0, 30);
  if (/year/i.test(arg.name)) return dice.chance(0.08) ? dice.pick(YEAR_EDGES) : dice.int(2017, 2026);
  if (arg.name === 'month') return dice.pick(MONTHS);
  const kind = idKind(field, arg);
  if (kind === 'Region') {
    if (dice.chance(0.04)) return dice.pick(BAD_REGIONS);
    return ctx.nearRegions.length > 0 && dice.chance(0.5) ? dice.pick(ctx.nearRegions) : dice.pick(LANSKODER);
  }
  if (arg.name === 'name' && field.name === 'hospitalByName') {
    const names = ctx.ids.get('HospitalName') ?? [];
    return names.length > 0 && dice.chance(0.8) ? dice.pick(names) : dice.pick(STRINGS);
  }
  const ids = kind ? (ctx.ids.get(kind) ?? []) : [];
  if (ids.length > 0) return dice.chance(0.95) ? dice.pick(ids) : dice.pick(BAD_IDS);
  return valueOfType(dice, arg.type);
}

/** A random value of any input type (scalars, enums, lists; the hub has no input objects). */
export function valueOfType(dice: Dice, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return valueOfType(dice, type.ofType);
  if (isListType(type)) return Array.from({ length: dice.int(0, 3) }, () => valueOfType(dice, type.ofType));
  if (isEnumType(type)) return dice.pick(type.getValues()).value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return dice.chance(0.8) ? dice.int(0, 50) : dice.pick([-1, 2_147_483_647, -2_147_483_648]);
      case 'Float':
        return dice.pick([0, 0.5, -1.25, 1e10]);
      case 'Boolean':
        return dice.chance(0.5);
      case 'ID':
        return dice.chance(0.5) ? dice.pick(BAD_IDS) : String(dice.int(0, 99));
      default:
        return dice.pick(STRINGS);
    }
  }
  return null;
}
