import type { GraphQLError } from 'graphql';

/**
 * Positions an existing error already explains (GraphQL spec §6.4.4: one error per field
 * position): the error's own path, every position above it (a null propagated from it) and
 * every position below it (values it left missing). Built lazily: only when a null in a
 * non-null position needs checking.
 */
export class Coverage {
  private prefixes: Set<string> | null = null;

  constructor(private readonly errors: readonly GraphQLError[]) {}

  covers(path: ReadonlyArray<string | number>): boolean {
    if (this.errors.length === 0) return false;
    if (!this.prefixes) {
      this.prefixes = new Set();
      for (const error of this.errors) {
        const p = error.path ?? [];
        for (let i = 1; i <= p.length; i++) this.prefixes.add(p.slice(0, i).join('\u0000'));
      }
    }
    if (this.prefixes.has(path.join('\u0000'))) return true;
    for (const error of this.errors) {
      const p = error.path;
      if (p && p.length < path.length && p.every((s, i) => s === path[i])) return true;
    }
    return false;
  }
}
