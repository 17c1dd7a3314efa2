import { describe, expect, it } from 'vitest';
import { createPlacer, type StopCandidate } from '../../../../src/aws/ecs/placement';
import { FakeInstance, placeMany, stream, task } from './helpers';

describe('binpack strategy', () => {
  it('picks the instance left with the least CPU among those that fit', () => {
    const instances = [
      new FakeInstance(0, 'a', 2048, 8192),
      new FakeInstance(1, 'a', 768, 8192),
      new FakeInstance(2, 'a', 1024, 8192),
      new FakeInstance(3, 'a', 256, 8192), // fullest, but too full
    ];
    const placer = createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream());
    expect(placer.choose(task({ cpuUnits: 512 }), instances)).toBe(1);
  });

  it('binpack on memory ignores CPU', () => {
    const instances = [new FakeInstance(0, 'a', 256, 1024), new FakeInstance(1, 'a', 4096, 600)];
    const placer = createPlacer([{ Type: 'binpack', Field: 'memory' }], [], stream());
    expect(placer.choose(task({ cpuUnits: 256, memoryMiB: 512 }), instances)).toBe(1);
  });

  it('fills one instance before starting the next', () => {
    const instances = [new FakeInstance(0, 'a', 1024, 4096), new FakeInstance(1, 'b', 1024, 4096)];
    const placer = createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream());
    expect(placeMany(placer, instances, task({ cpuUnits: 256 }), 6)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('breaks ties with the next strategy, then by lowest index', () => {
    const instances = [
      new FakeInstance(0, 'a', 512, 8192),
      new FakeInstance(1, 'a', 512, 2048),
      new FakeInstance(2, 'a', 512, 2048),
      new FakeInstance(3, 'a', 4096, 1024),
    ];
    const cpuOnly = createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream());
    expect(cpuOnly.choose(task(), instances)).toBe(0);
    const cpuThenMemory = createPlacer(
      [
        { Type: 'binpack', Field: 'cpu' },
        { Type: 'binpack', Field: 'memory' },
      ],
      [],
      stream(),
    );
    expect(cpuThenMemory.choose(task(), instances)).toBe(1);
  });

  it('returns the instance view index, not the position in the array it was given', () => {
    const instances = [new FakeInstance(7, 'a', 1024, 4096), new FakeInstance(3, 'a', 512, 4096)];
    const placer = createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream());
    expect(placer.choose(task(), instances)).toBe(3);
  });

  it('scales in from the instance that will have the most of the resource left', () => {
    const i0 = new FakeInstance(0, 'a', 256, 1000);
    const i1 = new FakeInstance(1, 'a', 1024, 100);
    const i2 = new FakeInstance(2, 'a', 512, 3000);
    const candidates: StopCandidate[] = [
      { taskIndex: 10, instance: i0 },
      { taskIndex: 11, instance: i1 },
      { taskIndex: 12, instance: i2 },
      { taskIndex: 13, instance: i1 },
    ];
    expect(createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream()).chooseToStop('web', candidates)).toBe(11);
    expect(createPlacer([{ Type: 'binpack', Field: 'memory' }], [], stream()).chooseToStop('web', candidates)).toBe(12);
  });

  it('returns -1 when there is nothing to stop', () => {
    expect(createPlacer([{ Type: 'binpack', Field: 'cpu' }], [], stream()).chooseToStop('web', [])).toBe(-1);
  });
});
