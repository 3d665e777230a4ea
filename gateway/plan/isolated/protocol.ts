import type { QueryPlan } from '@graphql-hive/router-query-planner';

/** Messages between the gateway and its query-planner child process (planner-process.ts). */
export type ToPlanner =
  | { readonly type: 'init'; readonly sdl: string }
  | {
      readonly type: 'plan';
      readonly id: number;
      readonly text: string;
      readonly operationName: string | null;
    };

export type FromPlanner =
  | { readonly type: 'ready'; readonly consumerSchema: string }
  | { readonly type: 'init-failed'; readonly message: string }
  | { readonly type: 'planned'; readonly id: number; readonly plan: QueryPlan }
  | { readonly type: 'plan-failed'; readonly id: number; readonly message: string };
