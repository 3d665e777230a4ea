import type { GraphQLError } from 'graphql';

type Path = ReadonlyArray<string | number>;

const SEP = '\u0000';

/**
 * Positions an existing error already explains (GraphQL spec §6.4.4: one error per field
 * position): the error's own path, every position above it (a null propagated from it) and
 * every position below it (values it left missing). Built lazily: only when a null in a
 * non-null position needs checking.
 *
 * `explained` are positions a subgraph's own null propagation left null without an error at
 * them: a root fetch answering `data: null` (a non-null root field failed and §6.4.4 propagated
 * its null to the subgraph's `data`) leaves every root field of that fetch missing, siblings
 * included; an `_entities` item nulled the same way leaves every field that fetch supplies to
 * the entity missing. The subgraph's error is the one error of that null, as graphql-js over one
 * schema reports it: an explained position and every position below it are covered.
 */
export class Coverage {
  private prefixes: Set<string> | null = null;
  private readonly explained: Set<string>;

  constructor(
    private readonly errors: readonly GraphQLError[],
    explained: readonly Path[] = [],
  ) {
    this.explained = new Set(explained.map((p) => p.join(SEP)));
  }

  covers(path: Path): boolean {
    if (this.errors.length === 0 && this.explained.size === 0) return false;
    if (!this.prefixes) {
      this.prefixes = new Set();
      for (const error of this.errors) {
        const p = error.path ?? [];
        for (let i = 1; i <= p.length; i++) this.prefixes.add(p.slice(0, i).join(SEP));
      }
    }
    if (this.prefixes.has(path.join(SEP))) return true;
    for (const error of this.errors) {
      const p = error.path;
      if (p && p.length < path.length && p.every((s, i) => s === path[i])) return true;
    }
    if (this.explained.size > 0) {
      let key = '';
      for (let i = 0; i < path.length; i++) {
        key = i === 0 ? String(path[0]) : `${key}${SEP}${path[i]}`;
        if (this.explained.has(key)) return true;
      }
    }
    return false;
  }
}
