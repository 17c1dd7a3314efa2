import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  createPlacer,
  instancesNeededBinpack,
  type PlacementConstraint,
  type PlacementStrategy,
  type TaskNeeds,
} from '../../../../src/aws/ecs/placement';
import { FakeInstance, stream } from './helpers';

const EXPRESSIONS = [
  'attribute:ecs.instance-type =~ t3.*',
  'attribute:ecs.availability-zone in [a, b]',
  'not attribute:ecs.instance-type == m5.large',
  'attribute:ecs.availability-zone != c and runningTasksCount < 4',
];
/** The same rules, written out by hand to check the compiled ones against. */
const BY_HAND: ((i: FakeInstance) => boolean)[] = [
  (i) => i.instanceType.startsWith('t3'),
  (i) => i.zone === 'a' || i.zone === 'b',
  (i) => i.instanceType !== 'm5.large',
  (i) => i.zone !== 'c' && i.taskCount < 4,
];

interface InstanceSpec {
  zone: string;
  type: string;
  cpuFree: number;
  memoryFreeMiB: number;
  eniFree: number;
  active: boolean;
  web: number;
  api: number;
  port80: boolean;
}
interface Rules {
  strategies: PlacementStrategy[];
  distinct: boolean;
  /** Which of EXPRESSIONS apply. */
  memberOf: number[];
  seed: number;
}

const instanceArb: fc.Arbitrary<InstanceSpec> = fc.record({
  zone: fc.constantFrom('a', 'b', 'c'),
  type: fc.constantFrom('t3.micro', 't3a.large', 'm5.large', 'c5.large'),
  cpuFree: fc.integer({ min: 0, max: 16 }).map((x) => x * 256),
  memoryFreeMiB: fc.integer({ min: 0, max: 16 }).map((x) => x * 512),
  eniFree: fc.integer({ min: 0, max: 3 }),
  active: fc.boolean(),
  web: fc.integer({ min: 0, max: 3 }),
  api: fc.integer({ min: 0, max: 3 }),
  port80: fc.boolean(),
});

const needsArb: fc.Arbitrary<TaskNeeds> = fc.record({
  cpuUnits: fc.integer({ min: 0, max: 8 }).map((x) => x * 256),
  memoryMiB: fc.integer({ min: 0, max: 8 }).map((x) => x * 512),
  awsvpc: fc.boolean(),
  hostPort: fc.constantFrom(undefined, 0, 80, 443),
  serviceKey: fc.constantFrom('web', 'api'),
});

const strategyArb: fc.Arbitrary<PlacementStrategy> = fc.constantFrom<PlacementStrategy>(
  { Type: 'binpack', Field: 'cpu' },
  { Type: 'binpack', Field: 'memory' },
  { Type: 'spread', Field: 'attribute:ecs.availability-zone' },
  { Type: 'spread', Field: 'instanceId' },
  { Type: 'spread', Field: 'attribute:ecs.instance-type' },
  { Type: 'random' },
);

const rulesArb: fc.Arbitrary<Rules> = fc.record({
  strategies: fc.array(strategyArb, { maxLength: 3 }),
  distinct: fc.boolean(),
  memberOf: fc.subarray([0, 1, 2, 3]),
  seed: fc.integer({ min: 0, max: 1000 }),
});

function build(specs: InstanceSpec[]): FakeInstance[] {
  return specs.map((s, k) => {
    // Indexes are not positions, so the test also checks which one the placer returns.
    const inst = new FakeInstance(3 * k + 2, s.zone, s.cpuFree, s.memoryFreeMiB, s.eniFree, s.type);
    inst.active = s.active;
    inst.perService.set('web', s.web);
    inst.perService.set('api', s.api);
    inst.taskCount = s.web + s.api;
    if (s.port80) inst.ports.add(80);
    return inst;
  });
}

function constraintsOf(rules: Rules): PlacementConstraint[] {
  const out: PlacementConstraint[] = rules.memberOf.map((k) => ({ Type: 'memberOf', Expression: EXPRESSIONS[k]! }));
  if (rules.distinct) out.push({ Type: 'distinctInstance' });
  return out;
}

/** Everything the task needs and every constraint, checked independently of the placer. */
function acceptable(i: FakeInstance, needs: TaskNeeds, rules: Rules): boolean {
  if (!i.active || i.cpuFree < needs.cpuUnits || i.memoryFreeMiB < needs.memoryMiB) return false;
  if (needs.awsvpc && i.eniFree < 1) return false;
  if (!needs.awsvpc && needs.hostPort === 80 && i.ports.has(80)) return false;
  if (rules.distinct && i.serviceTasks(needs.serviceKey) > 0) return false;
  return rules.memberOf.every((k) => BY_HAND[k]!(i));
}

describe('placement invariants', () => {
  test.prop([fc.array(instanceArb, { maxLength: 12 }), needsArb, rulesArb])(
    'a chosen instance has the CPU, memory, interface and port and meets every constraint; -1 only when none does',
    (specs, needs, rules) => {
      const instances = build(specs);
      const placer = createPlacer(rules.strategies, constraintsOf(rules), stream(rules.seed));
      const chosen = placer.choose(needs, instances);
      if (chosen === -1) {
        expect(instances.filter((i) => acceptable(i, needs, rules))).toEqual([]);
      } else {
        const inst = instances.find((i) => i.index === chosen);
        expect(inst !== undefined && acceptable(inst, needs, rules)).toBe(true);
      }
    },
  );

  test.prop([fc.array(instanceArb, { minLength: 1, maxLength: 8 }), needsArb, rulesArb])(
    'placing task after task never overdraws an instance nor breaks distinctInstance',
    (specs, needs, rules) => {
      const instances = build(specs.map((s) => ({ ...s, web: 0, api: 0 })));
      const placer = createPlacer(rules.strategies, constraintsOf(rules), stream(rules.seed));
      for (let k = 0; k < 40; k++) {
        const chosen = placer.choose(needs, instances);
        if (chosen === -1) break;
        instances.find((i) => i.index === chosen)!.place(needs);
      }
      for (const i of instances) {
        expect(i.cpuFree).toBeGreaterThanOrEqual(0);
        expect(i.memoryFreeMiB).toBeGreaterThanOrEqual(0);
        expect(i.eniFree).toBeGreaterThanOrEqual(0);
        if (rules.distinct) expect(i.serviceTasks(needs.serviceKey)).toBeLessThanOrEqual(1);
      }
    },
  );

  test.prop([fc.array(instanceArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 })])(
    'spread on zone scales in from a zone holding the most of the service',
    (specs, seed) => {
      const instances = build(specs);
      const candidates = instances.flatMap((instance) =>
        Array.from({ length: instance.serviceTasks('web') }, (_, k) => ({ taskIndex: instance.index * 10 + k, instance })),
      );
      const placer = createPlacer([{ Type: 'spread', Field: 'attribute:ecs.availability-zone' }], [], stream(seed));
      const stopped = placer.chooseToStop('web', candidates);
      if (candidates.length === 0) {
        expect(stopped).toBe(-1);
        return;
      }
      const perZone = new Map<string, number>();
      for (const c of candidates) perZone.set(c.instance.zone, (perZone.get(c.instance.zone) ?? 0) + 1);
      const zone = candidates.find((c) => c.taskIndex === stopped)!.instance.zone;
      expect(perZone.get(zone)).toBe(Math.max(...perZone.values()));
    },
  );

  test.prop([fc.array(needsArb, { maxLength: 30 })])(
    'the auto scaling estimate lies between the resource lower bound and one instance per task',
    (pending) => {
      const type = { cpuUnits: 2048, memoryMiB: 3072, enis: 2 };
      const { instances, unplaceable } = instancesNeededBinpack(pending, type);
      const placeable = pending.filter((t) => t.cpuUnits <= type.cpuUnits && t.memoryMiB <= type.memoryMiB);
      expect(unplaceable).toBe(pending.length - placeable.length);
      const sum = (f: (t: TaskNeeds) => number) => placeable.reduce((a, t) => a + f(t), 0);
      const lower = Math.max(
        Math.ceil(sum((t) => t.cpuUnits) / type.cpuUnits),
        Math.ceil(sum((t) => t.memoryMiB) / type.memoryMiB),
        Math.ceil(sum((t) => (t.awsvpc ? 1 : 0)) / type.enis),
      );
      expect(instances).toBeGreaterThanOrEqual(lower);
      expect(instances).toBeLessThanOrEqual(placeable.length);
    },
  );
});
