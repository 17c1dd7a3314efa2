import { describe, expect, it } from 'vitest';
import { calibrate, mape } from './calibration';

describe('Lambda model calibrated against measured AWS experiments', () => {
  it('reproduces the measured cold-start shares and environment counts with the default idle lifetime and selection', () => {
    const rows = calibrate(30_000);
    expect(rows).toHaveLength(10);
    const e = mape(rows);
    // docs/models/lambda.md: 15.3 % and 3.2 % with 200,000 invocations per row (scripts/calibrate-lambda.ts).
    expect(e.coldShare).toBeLessThan(20);
    expect(e.environments).toBeLessThan(5);
  });

  it('fits worse with least-recent selection, which keeps more environments warm', () => {
    const e = mape(calibrate(10_000, { idleLifetimeMs: 600_000, idleSelection: 'least-recent' }));
    expect(e.environments).toBeGreaterThan(15);
  });
});
