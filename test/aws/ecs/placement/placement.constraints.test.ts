import { describe, expect, it } from 'vitest';
import { createPlacer, DEFAULT_SERVICE_STRATEGY, PlacementExpressionError } from '../../../../src/aws/ecs/placement';
import { FakeInstance, placeMany, stream, task } from './helpers';

describe('placement constraints (binding)', () => {
  it('distinctInstance puts each task of the service on a different instance, then leaves it unplaced', () => {
    const instances = [0, 1, 2].map((i) => new FakeInstance(i, 'a', 4096, 16384));
    const placer = createPlacer([{ Type: 'binpack', Field: 'cpu' }], [{ Type: 'distinctInstance' }], stream());
    expect(placeMany(placer, instances, task(), 4)).toEqual([0, 1, 2, -1]);
  });

  it('distinctInstance counts only the same service', () => {
    const instances = [new FakeInstance(0, 'a', 4096, 16384)];
    instances[0]!.place(task({ serviceKey: 'worker' }));
    const placer = createPlacer([], [{ Type: 'distinctInstance' }], stream());
    expect(placer.choose(task(), instances)).toBe(0);
  });

  it('memberOf keeps tasks on matching instances even against the strategy', () => {
    const instances = [
      new FakeInstance(0, 'us-east-1a', 4096, 16384, 10, 'm5.large'),
      new FakeInstance(1, 'us-east-1b', 4096, 16384, 10, 't3.medium'),
      new FakeInstance(2, 'us-east-1c', 4096, 16384, 10, 't3.large'),
    ];
    const placer = createPlacer(
      DEFAULT_SERVICE_STRATEGY,
      [{ Type: 'memberOf', Expression: 'attribute:ecs.instance-type =~ t3.*' }],
      stream(),
    );
    expect(placeMany(placer, instances, task(), 4)).toEqual([1, 2, 1, 2]);
    expect(instances[0]!.taskCount).toBe(0);
  });

  it('all constraints must hold', () => {
    const instances = [
      new FakeInstance(0, 'us-east-1a', 4096, 16384, 10, 't3.large'),
      new FakeInstance(1, 'us-east-1b', 4096, 16384, 10, 't3.large'),
      new FakeInstance(2, 'us-east-1b', 4096, 16384, 10, 'm5.large'),
    ];
    const placer = createPlacer(
      [],
      [
        { Type: 'memberOf', Expression: 'attribute:ecs.instance-type == t3.*' },
        { Type: 'memberOf', Expression: 'attribute:ecs.availability-zone in [us-east-1b, us-east-1c]' },
        { Type: 'distinctInstance' },
      ],
      stream(),
    );
    expect(placeMany(placer, instances, task(), 2)).toEqual([1, -1]);
  });

  it('rejects bad rules when the placer is made', () => {
    expect(() => createPlacer([], [{ Type: 'memberOf', Expression: 'attribute:x ==' }], stream())).toThrow(
      PlacementExpressionError,
    );
    expect(() => createPlacer([{ Type: 'spread', Field: 'zone' }], [], stream())).toThrow(/spread Field/);
    expect(() => createPlacer([{ Type: 'binpack', Field: 'gpu' as 'cpu' }], [], stream())).toThrow(/binpack Field/);
    expect(() => createPlacer([{ Type: 'binpackish' } as never], [], stream())).toThrow(/strategy Type/);
    expect(() => createPlacer([], [{ Type: 'sameZone' } as never], stream())).toThrow(/constraint Type/);
  });
});
