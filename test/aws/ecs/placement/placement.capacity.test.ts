import { describe, expect, it } from 'vitest';
import { createPlacer, fitsTask } from '../../../../src/aws/ecs/placement';
import { FakeInstance, placeMany, stream, task } from './helpers';

const binpackCpu = () => createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream());

describe('placement step 1: capacity', () => {
  it('returns -1 when no instance has the CPU or the memory', () => {
    const instances = [new FakeInstance(0, 'a', 200, 4096), new FakeInstance(1, 'b', 2048, 400)];
    expect(binpackCpu().choose(task({ cpuUnits: 256, memoryMiB: 512 }), instances)).toBe(-1);
  });

  it('returns -1 on an empty cluster', () => {
    expect(binpackCpu().choose(task(), [])).toBe(-1);
  });

  it('places on an instance with exactly the CPU and memory the task reserves', () => {
    const instances = [new FakeInstance(0, 'a', 256, 512)];
    expect(binpackCpu().choose(task({ cpuUnits: 256, memoryMiB: 512 }), instances)).toBe(0);
  });

  it('never places on an instance that is not ACTIVE (draining or registering)', () => {
    const draining = new FakeInstance(0, 'a', 4096, 16384);
    draining.active = false;
    const instances = [draining, new FakeInstance(1, 'a', 4096, 16384)];
    expect(binpackCpu().choose(task(), instances)).toBe(1);
    instances[1]!.active = false;
    expect(binpackCpu().choose(task(), instances)).toBe(-1);
  });

  it('holds only two awsvpc tasks on a c5.large-like instance with 2 free network interfaces', () => {
    const c5large = new FakeInstance(0, 'a', 2048, 3700, 2, 'c5.large');
    const placer = binpackCpu();
    const vpcTask = task({ cpuUnits: 256, memoryMiB: 256, awsvpc: true });
    expect(placeMany(placer, [c5large], vpcTask, 3)).toEqual([0, 0, -1]);
    expect(c5large.cpuFree).toBe(1536); // CPU and memory to spare: the interfaces ran out
    // A bridge-mode task needs no interface and still fits.
    expect(placer.choose(task({ cpuUnits: 256, memoryMiB: 256 }), [c5large])).toBe(0);
  });

  it('refuses a static host port already taken, except for awsvpc tasks, which have their own interface', () => {
    const a = new FakeInstance(0, 'a', 4096, 16384);
    const b = new FakeInstance(1, 'a', 4096, 16384);
    const placer = binpackCpu();
    const web = task({ hostPort: 80 });
    expect(placeMany(placer, [a, b], web, 3)).toEqual([0, 1, -1]);
    expect(placer.choose(task({ hostPort: 80, awsvpc: true }), [a, b])).toBe(0);
    expect(placer.choose(task({ hostPort: 0 }), [a, b])).toBe(0); // dynamic port
    expect(placer.choose(task({ hostPort: 8080 }), [a, b])).toBe(0);
  });

  it('treats every port as free on an instance view without portsInUse', () => {
    const { portsInUse: _, ...view } = new FakeInstance(0, 'a', 4096, 16384);
    expect(fitsTask({ ...view, id: 'i-1', serviceTasks: () => 0 }, task({ hostPort: 80 }))).toBe(true);
  });
});
