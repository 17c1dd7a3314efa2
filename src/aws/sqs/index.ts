export { SqsMeter, type SqsLineItemOptions, type SqsQueueType, type SqsUsage, sqsBilledRequests, sqsLineItems } from './sqsPricing';
export { buildQueues } from './buildQueues';
export { type QueueConfig, type QueueCounters, type QueueLatencyRecorder, QueueModel } from './QueueModel';
export { queueReport } from './queueReport';
