/**
 * An Application Load Balancer in front of a service: it forwards each tick's requests to the
 * service its listener's default action names (round-robin over the service's RUNNING tasks is
 * the service model's routing), and meters ALB-hours and LCUs.
 */
import type { Component } from '../../engine';
import type { ArrivalBatch, ArrivalSink } from '../../workload';
import { AlbMeter } from './AlbMeter';

export class LoadBalancerModel implements Component, ArrivalSink {
  readonly name: string;
  readonly meter = new AlbMeter();
  /** Requests received since Start. */
  requests = 0;
  private tickRequests = 0;

  constructor(
    readonly logicalId: string,
    /** The service behind the default action. */
    private readonly target: ArrivalSink,
  ) {
    this.name = `alb:${logicalId}`;
  }

  /** Whether this load balancer forwards to `sink`. */
  forwardsTo(sink: ArrivalSink): boolean {
    return this.target === sink;
  }

  deliver(batch: ArrivalBatch): void {
    this.tickRequests += batch.count;
    this.requests += batch.count;
    this.target.deliver(batch);
  }

  step(tickStartMs: number): void {
    this.meter.record(tickStartMs, this.tickRequests);
    this.tickRequests = 0;
  }

  checkpoint(): unknown {
    return { requests: this.requests, tickRequests: this.tickRequests, byHour: [...this.meter.requestsByHour] };
  }

  restore(state: unknown): void {
    const s = state as { requests: number; tickRequests: number; byHour: number[] };
    this.requests = s.requests;
    this.tickRequests = s.tickRequests;
    this.meter.requestsByHour = [...s.byHour];
  }
}
