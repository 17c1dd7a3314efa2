/** Small hand-built clusters for placement tests. */
import { RandomStreams } from '../../../../src/engine';
import type { RandomStream } from '../../../../src/engine';
import type { PlacementInstance, TaskNeeds } from '../../../../src/aws/ecs/placement';

/** A container instance whose free capacity and task counts the test changes by placing tasks. */
export class FakeInstance implements PlacementInstance {
  active = true;
  taskCount = 0;
  readonly perService = new Map<string, number>();
  readonly ports = new Set<number>();
  readonly attributes: Record<string, string>;
  readonly serviceTasks = (serviceKey: string): number => this.perService.get(serviceKey) ?? 0;
  readonly portsInUse = (hostPort: number): boolean => this.ports.has(hostPort);

  constructor(
    readonly index: number,
    readonly zone: string,
    public cpuFree: number,
    public memoryFreeMiB: number,
    public eniFree = 10,
    readonly instanceType = 'm5.large',
    extra: Record<string, string> = {},
  ) {
    this.attributes = {
      'ecs.instance-type': instanceType,
      'ecs.availability-zone': zone,
      'ecs.os-type': 'linux',
      ...extra,
    };
  }

  get id(): string {
    return `i-${String(this.index + 1).padStart(4, '0')}`;
  }

  /** Reserves the task here, as the cluster model would after `choose`. */
  place(needs: TaskNeeds): void {
    this.cpuFree -= needs.cpuUnits;
    this.memoryFreeMiB -= needs.memoryMiB;
    if (needs.awsvpc) this.eniFree -= 1;
    else if (needs.hostPort) this.ports.add(needs.hostPort);
    this.taskCount++;
    this.perService.set(needs.serviceKey, this.serviceTasks(needs.serviceKey) + 1);
  }
}

export const task = (over: Partial<TaskNeeds> = {}): TaskNeeds => ({
  cpuUnits: 256,
  memoryMiB: 512,
  awsvpc: false,
  serviceKey: 'web',
  ...over,
});

export function stream(seed = 1): RandomStream {
  return new RandomStreams(seed).stream('placement');
}

/** A stream that counts its draws. */
export function countingStream(seed = 1): RandomStream & { draws: number } {
  const inner = stream(seed);
  return {
    name: inner.name,
    draws: 0,
    next() {
      this.draws++;
      return inner.next();
    },
  };
}

/** Places `n` tasks one after another with `choose`, reserving each; returns the chosen indexes. */
export function placeMany(
  placer: { choose(needs: TaskNeeds, instances: readonly PlacementInstance[]): number },
  instances: FakeInstance[],
  needs: TaskNeeds,
  n: number,
): number[] {
  const chosen: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = placer.choose(needs, instances);
    chosen.push(i);
    if (i >= 0) instances[i]!.place(needs);
  }
  return chosen;
}

/** Tasks per zone of service `web`, as a record sorted by zone. */
export function perZone(instances: FakeInstance[], serviceKey = 'web'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const z of [...new Set(instances.map((i) => i.zone))].sort()) out[z] = 0;
  for (const i of instances) out[i.zone]! += i.serviceTasks(serviceKey);
  return out;
}
