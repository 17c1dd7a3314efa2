/** The placement ECS gives a service that declares none (fact 12). */
import type { PlacementStrategy } from './types';

/** Spread on `attribute:ecs.availability-zone`; services get no default constraint. */
export const DEFAULT_SERVICE_STRATEGY: readonly PlacementStrategy[] = Object.freeze([
  Object.freeze({ Type: 'spread', Field: 'attribute:ecs.availability-zone' } as const),
]);
