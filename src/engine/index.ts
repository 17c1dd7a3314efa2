export { type Component, Engine, type EngineCheckpoint, type EngineOptions, Phase, type PhaseValue } from './Engine';
export { compileLifecycle, type Lifecycle } from './Lifecycle';
export { type RandomStream, RandomStreams } from './RandomStreams';
export { Priority, type ScheduledEvent, Scheduler, type SchedulerState } from './Scheduler';
export { Series, type SeriesPoint, type SeriesState } from './Series';
export { SimClock } from './SimClock';
export { IndexHeap } from './IndexHeap';
export { RemovableHeap } from './RemovableHeap';
export { TokenBucket, type TokenBucketState } from './TokenBucket';
