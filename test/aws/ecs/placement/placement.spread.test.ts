import { describe, expect, it } from 'vitest';
import { createPlacer, DEFAULT_SERVICE_STRATEGY, type StopCandidate } from '../../../../src/aws/ecs/placement';
import { FakeInstance, perZone, placeMany, stream, task } from './helpers';

/** Zones a, b, c with two instances each: indexes 0,1 in a; 2,3 in b; 4,5 in c. */
function sixInstances(): FakeInstance[] {
  return ['a', 'a', 'b', 'b', 'c', 'c'].map((z, i) => new FakeInstance(i, `us-east-1${z}`, 4096, 16384));
}

const spreadZone = { Type: 'spread', Field: 'attribute:ecs.availability-zone' } as const;

describe('spread strategy', () => {
  it('the default service strategy is spread across Availability Zones', () => {
    expect(DEFAULT_SERVICE_STRATEGY).toEqual([spreadZone]);
  });

  it('spreads across zones, ties within a zone going to the lowest index', () => {
    const instances = sixInstances();
    const placer = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream());
    expect(placeMany(placer, instances, task(), 3)).toEqual([0, 2, 4]);
    expect(placeMany(placer, instances, task(), 3)).toEqual([0, 2, 4]);
  });

  it('spread on zone then on instance balances across zones, then across the instances in each', () => {
    const instances = sixInstances();
    const placer = createPlacer([spreadZone, { Type: 'spread', Field: 'instanceId' }], [], stream());
    expect(placeMany(placer, instances, task(), 6)).toEqual([0, 2, 4, 1, 3, 5]);
    expect(instances.map((i) => i.taskCount)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('spread on host is spread per instance', () => {
    const instances = sixInstances();
    const placer = createPlacer([{ Type: 'spread', Field: 'host' }], [], stream());
    expect(placeMany(placer, instances, task(), 7)).toEqual([0, 1, 2, 3, 4, 5, 0]);
  });

  it('counts only the same service: other services do not unbalance it', () => {
    const instances = sixInstances();
    instances[0]!.place(task({ serviceKey: 'worker' }));
    instances[2]!.place(task({ serviceKey: 'worker' }));
    const placer = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream());
    expect(placer.choose(task(), instances)).toBe(0);
  });

  it("counts a zone's tasks on full instances too", () => {
    const full = new FakeInstance(0, 'a', 0, 0);
    full.perService.set('web', 2);
    const instances = [full, new FakeInstance(1, 'a', 4096, 16384), new FakeInstance(2, 'b', 4096, 16384)];
    instances[2]!.place(task());
    // Zone a holds 2 web tasks (on a full instance), zone b holds 1: b gets the next.
    const placer = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream());
    expect(placer.choose(task(), instances)).toBe(2);
  });

  it('does not count tasks on draining instances, which are being replaced', () => {
    const draining = new FakeInstance(0, 'a', 4096, 16384);
    draining.perService.set('web', 3);
    draining.active = false;
    const instances = [draining, new FakeInstance(1, 'a', 4096, 16384), new FakeInstance(2, 'b', 4096, 16384)];
    instances[2]!.place(task());
    expect(createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream()).choose(task(), instances)).toBe(1);
  });

  it('spreads on any attribute, e.g. instance type; an instance lacking it forms its own group', () => {
    const instances = [
      new FakeInstance(0, 'a', 4096, 16384, 10, 'm5.large', { rack: 'r1' }),
      new FakeInstance(1, 'a', 4096, 16384, 10, 'm5.large', { rack: 'r1' }),
      new FakeInstance(2, 'a', 4096, 16384, 10, 'c5.large', { rack: 'r2' }),
      new FakeInstance(3, 'a', 4096, 16384, 10, 'c5.large'),
    ];
    const byType = createPlacer([{ Type: 'spread', Field: 'attribute:ecs.instance-type' }], [], stream());
    expect(placeMany(byType, instances, task(), 4)).toEqual([0, 2, 0, 2]);
    const byRack = createPlacer([{ Type: 'spread', Field: 'attribute:rack' }], [], stream());
    expect(placeMany(byRack, instances, task({ serviceKey: 'api' }), 3)).toEqual([0, 2, 3]);
  });

  it('falls back to the zone field when attributes lack ecs.availability-zone', () => {
    const instances = [new FakeInstance(0, 'a', 4096, 16384), new FakeInstance(1, 'b', 4096, 16384)];
    for (const i of instances) delete i.attributes['ecs.availability-zone'];
    instances[0]!.place(task());
    expect(createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream()).choose(task(), instances)).toBe(1);
  });

  describe('scale-in', () => {
    /** Zone a: 3 tasks over 2 instances; zone b: 1 task; zone c: 2 tasks. */
    function unbalanced(): { instances: FakeInstance[]; candidates: StopCandidate[] } {
      const instances = sixInstances();
      const where = [0, 0, 1, 2, 4, 5];
      const candidates = where.map((i, k) => {
        instances[i]!.place(task());
        return { taskIndex: 100 + k, instance: instances[i]! };
      });
      return { instances, candidates };
    }

    it('stops a task in the zone with the most tasks', () => {
      const { candidates } = unbalanced();
      for (let seed = 1; seed <= 30; seed++) {
        const stopped = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream(seed)).chooseToStop('web', candidates);
        expect([100, 101, 102]).toContain(stopped);
      }
    });

    it('picks at random within that zone: deterministic per seed, every task reachable', () => {
      const { candidates } = unbalanced();
      const pick = (seed: number) => createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream(seed)).chooseToStop('web', candidates);
      expect(pick(7)).toBe(pick(7));
      const seen = new Set<number>();
      for (let seed = 1; seed <= 60; seed++) seen.add(pick(seed));
      expect([...seen].sort()).toEqual([100, 101, 102]);
    });

    it('spread on zone then instance stops from the busiest instance of the busiest zone', () => {
      const { candidates } = unbalanced();
      const placer = createPlacer([spreadZone, { Type: 'spread', Field: 'instanceId' }], [], stream());
      for (let k = 0; k < 20; k++) expect([100, 101]).toContain(placer.chooseToStop('web', candidates));
    });

    it('counts views with a negative index (outside the model arrays) once each', () => {
      // Two stand-ins in zone b, one task each; zone a has one instance holding one task.
      const standIn = (index: number) => {
        const v = new FakeInstance(index, 'b', 0, 0);
        v.perService.set('web', 1);
        return v;
      };
      const a = new FakeInstance(0, 'a', 4096, 16384);
      a.place(task());
      const candidates = [
        { taskIndex: 1, instance: a },
        { taskIndex: 2, instance: standIn(-2) },
        { taskIndex: 3, instance: standIn(-3) },
      ];
      for (let seed = 1; seed <= 20; seed++) {
        const stopped = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream(seed)).chooseToStop('web', candidates);
        expect([2, 3]).toContain(stopped);
      }
    });

    it('keeps zones balanced while scaling in step by step', () => {
      const { instances, candidates } = unbalanced();
      const placer = createPlacer(DEFAULT_SERVICE_STRATEGY, [], stream(3));
      let live = candidates;
      for (let k = 0; k < 3; k++) {
        const stopped = placer.chooseToStop('web', live);
        const c = live.find((x) => x.taskIndex === stopped)!;
        (c.instance as FakeInstance).perService.set('web', c.instance.serviceTasks('web') - 1);
        live = live.filter((x) => x !== c);
      }
      expect(perZone(instances)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1 });
    });
  });
});
