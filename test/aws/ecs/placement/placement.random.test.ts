import { describe, expect, it } from 'vitest';
import { createPlacer } from '../../../../src/aws/ecs/placement';
import { countingStream, FakeInstance, stream, task } from './helpers';

const fourEqual = () => [0, 1, 2, 3].map((i) => new FakeInstance(i, 'a', 4096, 16384));

describe('random strategy', () => {
  it('gives the same choices for the same seed', () => {
    const run = (seed: number) => {
      const placer = createPlacer([{ Type: 'random' }], [], stream(seed));
      const instances = fourEqual();
      return Array.from({ length: 20 }, () => placer.choose(task(), instances));
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('is uniform among the candidates', () => {
    const placer = createPlacer([{ Type: 'random' }], [], stream(5));
    const instances = fourEqual();
    const counts = [0, 0, 0, 0];
    const n = 8000;
    for (let k = 0; k < n; k++) counts[placer.choose(task(), instances)]!++;
    // Binomial sd at p = 1/4 is ~39; allow 4 sd.
    for (const c of counts) expect(Math.abs(c - n / 4)).toBeLessThan(160);
  });

  it('draws once per choice, and not at all when one candidate is left', () => {
    const rng = countingStream();
    const placer = createPlacer([{ Type: 'random' }], [], rng);
    const instances = fourEqual();
    placer.choose(task(), instances);
    expect(rng.draws).toBe(1);
    placer.choose(task(), instances.slice(0, 1));
    expect(rng.draws).toBe(1);
    placer.choose(task({ cpuUnits: 1e9 }), instances);
    expect(rng.draws).toBe(1);
  });

  it('chooses only among what earlier strategies kept', () => {
    const instances = fourEqual();
    instances[0]!.place(task());
    instances[1]!.place(task());
    instances[0]!.attributes['ecs.availability-zone'] = 'x';
    instances[1]!.attributes['ecs.availability-zone'] = 'x';
    instances[2]!.attributes['ecs.availability-zone'] = 'y';
    instances[3]!.attributes['ecs.availability-zone'] = 'y';
    const placer = createPlacer(
      [{ Type: 'spread', Field: 'attribute:ecs.availability-zone' }, { Type: 'random' }],
      [],
      stream(9),
    );
    const seen = new Set<number>();
    for (let k = 0; k < 50; k++) seen.add(placer.choose(task(), instances));
    expect([...seen].sort()).toEqual([2, 3]);
  });

  it('scales in at random too, deterministically per seed', () => {
    const instances = fourEqual();
    const candidates = instances.map((instance, k) => ({ taskIndex: k, instance }));
    const pick = (seed: number) => createPlacer([{ Type: 'random' }], [], stream(seed)).chooseToStop('web', candidates);
    expect(pick(3)).toBe(pick(3));
    const seen = new Set<number>();
    for (let seed = 0; seed < 40; seed++) seen.add(pick(seed));
    expect(seen.size).toBe(4);
  });
});
