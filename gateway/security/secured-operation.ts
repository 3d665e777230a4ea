import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { RemovedField } from './access-filter.js';
import type { ScopedType } from './region-scope.js';

/**
 * An operation as security rewrote it before planning: unauthorised fields removed, hidden
 * region keys added where region scoping needs them. Cached with the plan.
 */
export interface SecuredOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly removed: readonly RemovedField[];
  /** Whether region scoping must inspect the data (some scoped type is selected). */
  readonly scoped: readonly ScopedType[];
  /** Marked coordinates the operation selects (after removal), for the access log. */
  readonly sensitive: readonly string[];
}
