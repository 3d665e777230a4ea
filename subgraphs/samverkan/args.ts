import { badInput } from '../../core/errors.js';

/**
 * Argument checks of the samverkan subgraph that no other subgraph shares (the common ones —
 * länskod, kommunkod, year, slug, known id — are in the kit).
 */

/** Free-text name filter: 1–100 characters after trimming; compared case-insensitively. */
export function nameContainsArg(text: string | null | undefined, name: string) {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw badInput(`${name} must be 1 to 100 characters (not only spaces)`, name);
  }
  return trimmed.toLocaleLowerCase('sv');
}
