import { describe, expect, it } from 'vitest';
import { instancesNeededBinpack } from '../../../../src/aws/ecs/placement';
import { task } from './helpers';

const m5xlarge = { cpuUnits: 4096, memoryMiB: 15_000, enis: 3 };

describe('instancesNeededBinpack (cluster auto scaling sizing)', () => {
  it('needs no instance for no pending task', () => {
    expect(instancesNeededBinpack([], m5xlarge)).toEqual({ instances: 0, unplaceable: 0 });
  });

  it('packs equal tasks by the resource that runs out first', () => {
    const cpuBound = Array.from({ length: 9 }, () => task({ cpuUnits: 1024, memoryMiB: 1024 }));
    expect(instancesNeededBinpack(cpuBound, m5xlarge)).toEqual({ instances: 3, unplaceable: 0 });
    const memoryBound = Array.from({ length: 9 }, () => task({ cpuUnits: 256, memoryMiB: 4096 }));
    expect(instancesNeededBinpack(memoryBound, m5xlarge)).toEqual({ instances: 3, unplaceable: 0 });
  });

  it('sorts largest first, beating first fit in arrival order', () => {
    // CPU shares of a 5120-unit instance: 2,5,4,7,1,3,8 tenths. In arrival order first fit
    // opens 4 instances; largest first packs 8+2, 7+3, 5+4+1 into 3.
    const type = { cpuUnits: 5120, memoryMiB: 100_000, enis: 10 };
    const pending = [1024, 2560, 2048, 3584, 512, 1536, 4096].map((cpuUnits) => task({ cpuUnits, memoryMiB: 1 }));
    expect(instancesNeededBinpack(pending, type)).toEqual({ instances: 3, unplaceable: 0 });
  });

  it('counts tasks larger than the type as unplaceable and opens nothing for them', () => {
    const pending = [
      task({ cpuUnits: 8192, memoryMiB: 1024 }),
      task({ cpuUnits: 1024, memoryMiB: 32_000 }),
      task({ cpuUnits: 1024, memoryMiB: 1024 }),
    ];
    expect(instancesNeededBinpack(pending, m5xlarge)).toEqual({ instances: 1, unplaceable: 2 });
  });

  it('limits awsvpc tasks by the network interfaces of the type', () => {
    const vpc = Array.from({ length: 5 }, () => task({ cpuUnits: 256, memoryMiB: 256, awsvpc: true }));
    expect(instancesNeededBinpack(vpc, { cpuUnits: 2048, memoryMiB: 3700, enis: 2 })).toEqual({
      instances: 3,
      unplaceable: 0,
    });
    expect(instancesNeededBinpack(vpc, { cpuUnits: 2048, memoryMiB: 3700, enis: 0 })).toEqual({
      instances: 0,
      unplaceable: 5,
    });
  });

  it('puts at most one task per static host port on an instance', () => {
    const pending = [task({ hostPort: 80 }), task({ hostPort: 80 }), task({ hostPort: 443 }), task({ hostPort: 0 })];
    expect(instancesNeededBinpack(pending, m5xlarge)).toEqual({ instances: 2, unplaceable: 0 });
  });

  it('mixes small tasks into the gaps large ones leave', () => {
    const pending = [
      task({ cpuUnits: 512, memoryMiB: 512 }),
      task({ cpuUnits: 3072, memoryMiB: 12_000 }),
      task({ cpuUnits: 3072, memoryMiB: 12_000 }),
      task({ cpuUnits: 1024, memoryMiB: 2048 }),
    ];
    expect(instancesNeededBinpack(pending, m5xlarge)).toEqual({ instances: 2, unplaceable: 0 });
  });
});
