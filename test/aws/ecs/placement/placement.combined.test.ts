import { describe, expect, it } from 'vitest';
import { createPlacer, type PlacementStrategy } from '../../../../src/aws/ecs/placement';
import { FakeInstance, perZone, placeMany, stream, task } from './helpers';

/** The common "AZ balanced binpack": spread on zone, then binpack on memory. */
const azBalancedBinpack: PlacementStrategy[] = [
  { Type: 'spread', Field: 'attribute:ecs.availability-zone' },
  { Type: 'binpack', Field: 'memory' },
];

describe('strategies combined in order (AZ-balanced binpack)', () => {
  it('balances zones first, then packs the fullest instance inside the chosen zone', () => {
    const instances = [
      new FakeInstance(0, 'a', 4096, 4096),
      new FakeInstance(1, 'a', 4096, 1536),
      new FakeInstance(2, 'b', 4096, 8192),
      new FakeInstance(3, 'b', 4096, 2048),
    ];
    const placer = createPlacer(azBalancedBinpack, [], stream());
    // Both zones empty: binpack picks the fullest of all (1). Then zone b's fullest (3), then
    // a's fullest that still fits (1 has 1024 left), then b's (3 has 1536 left), ...
    expect(placeMany(placer, instances, task({ memoryMiB: 512 }), 6)).toEqual([1, 3, 1, 3, 1, 3]);
    // Zones level at 3: 3 (512 MiB left) is the fullest that fits; then zone a, where 1 is full.
    expect(placeMany(placer, instances, task({ memoryMiB: 512 }), 2)).toEqual([3, 0]);
    expect(perZone(instances)).toEqual({ a: 4, b: 4 });
  });

  it('the order matters: binpack first ignores zone balance', () => {
    const instances = [new FakeInstance(0, 'a', 4096, 2048), new FakeInstance(1, 'b', 4096, 8192)];
    const placer = createPlacer([...azBalancedBinpack].reverse(), [], stream());
    expect(placeMany(placer, instances, task({ memoryMiB: 512 }), 4)).toEqual([0, 0, 0, 0]);
  });

  it('scales in from the busiest zone, from its instance with the most memory left', () => {
    const a0 = new FakeInstance(0, 'a', 4096, 1000);
    const a1 = new FakeInstance(1, 'a', 4096, 3000);
    const b0 = new FakeInstance(2, 'b', 4096, 9000);
    const candidates = [a0, a0, a1, b0].map((instance, k) => {
      instance.place(task({ memoryMiB: 0 }));
      return { taskIndex: k, instance };
    });
    const placer = createPlacer(azBalancedBinpack, [], stream());
    for (let k = 0; k < 10; k++) expect(placer.chooseToStop('web', candidates)).toBe(2);
  });
});
