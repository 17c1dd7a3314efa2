export { SqsMeter, type SqsLineItemOptions, type SqsQueueType, type SqsUsage, sqsBilledRequests, sqsLineItems } from './sqsPricing';
