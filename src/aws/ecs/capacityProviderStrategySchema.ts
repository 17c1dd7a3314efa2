/**
 * A capacity provider strategy (a service's, a cluster's default, an association's) with AWS's
 * rules, and the Fargate providers every cluster may use.
 */
import { z } from 'zod';
import { num } from '../../scenario/fields';
import { describeValue } from '../../scenario/issues';

/** The capacity providers AWS defines for Fargate; every cluster may use them. */
export const FARGATE_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;
/** FARGATE_CAPACITY_PROVIDERS as a set, for lookups. */
export const FARGATE_PROVIDERS = new Set<string>(FARGATE_CAPACITY_PROVIDERS);

export const CapacityProviderStrategyItemSchema = z.looseObject({
  CapacityProvider: z.string({
    error: (iss) =>
      iss.input === undefined
        ? 'required: a capacity provider name (FARGATE, FARGATE_SPOT or !Ref an AWS::ECS::CapacityProvider)'
        : `expected a capacity provider name, got ${describeValue(iss.input)}`,
  }),
  /** Share of the tasks beyond the bases (relative to the other items' weights). */
  Weight: num({ int: true, min: 0, max: 1000 }).default(0),
  /** Tasks placed on this provider first. */
  Base: num({ int: true, min: 0, max: 100_000, unit: 'tasks' }).default(0),
});

/**
 * A capacity provider strategy, with AWS's rules: at most one item with a Base, no provider twice,
 * some Weight > 0 when there are several items, and Fargate and Auto Scaling group providers not mixed.
 */
export const CapacityProviderStrategySchema = z.array(CapacityProviderStrategyItemSchema).superRefine((items, ctx) => {
  const withBase = items.findIndex((i) => i.Base > 0);
  items.forEach((item, i) => {
    if (i > withBase && withBase >= 0 && item.Base > 0) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'Base'],
        message: `only one capacity provider in a strategy may have a Base (AWS); ${items[withBase]!.CapacityProvider} already has Base ${items[withBase]!.Base}`,
      });
    }
    const first = items.findIndex((o) => o.CapacityProvider === item.CapacityProvider);
    if (first < i) {
      ctx.addIssue({ code: 'custom', path: [i, 'CapacityProvider'], message: `${describeValue(item.CapacityProvider)} is already in this strategy (item ${first}); list each provider once` });
    }
  });
  if (items.length > 1 && items.every((i) => i.Weight === 0)) {
    ctx.addIssue({ code: 'custom', message: 'at least one capacity provider needs Weight > 0 when the strategy lists several (AWS: with all weights 0 no task can be placed)' });
  }
  const fargate = items.filter((i) => FARGATE_PROVIDERS.has(i.CapacityProvider));
  if (fargate.length > 0 && fargate.length < items.length) {
    ctx.addIssue({ code: 'custom', message: 'cannot mix FARGATE/FARGATE_SPOT with Auto Scaling group capacity providers in one strategy (AWS rejects it)' });
  }
});

export type EcsCapacityProviderStrategyItem = z.output<typeof CapacityProviderStrategyItemSchema>;

/** Whether a strategy lists only FARGATE/FARGATE_SPOT (and at least one item). */
export function isFargateStrategy(strategy: readonly { CapacityProvider: string }[] | undefined): boolean {
  return strategy !== undefined && strategy.length > 0 && strategy.every((s) => FARGATE_PROVIDERS.has(s.CapacityProvider));
}
