import { describe, expect, it } from 'vitest';
import { buildDatabases } from '../../../src/aws/rds/buildDatabases';
import { databaseReport, databaseSeries } from '../../../src/aws/rds/databaseReport';
import { Engine, Phase } from '../../../src/engine';
import { pricesFor } from '../../../src/pricing';
import { edit, load, WEB } from '../../scenario/helpers';

const SCENARIO = edit(
  WEB,
  'Workload:\n',
  `  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 4 }
  Writer:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Db
      DBInstanceClass: db.serverless
Workload:
`,
);

describe('the Aurora report section', () => {
  it('has the stable names, ACU line items, and the four series', () => {
    const s = load(SCENARIO);
    const engine = new Engine({ seed: 1, tickMs: 1000, durationMs: 1_800_000 });
    const db = buildDatabases(engine, s).get('Db')!;
    engine.register(db, Phase.Control);
    db.start();
    engine.runUntil(400_000);
    // Paused at 300 s; a client connects at 400 s, queries hard for a minute, disconnects.
    db.openConnections(400_000, 5);
    const held = db.lastInstance;
    for (let t = 400_000; t < 460_000; t += 5) db.submit(t, 1, 5);
    engine.runUntil(460_000);
    db.closeConnections(460_000, 5, held);
    engine.run();
    const r = databaseReport(db, pricesFor('us-east-1').aurora, 1_800_000);
    for (const key of ['minAcu', 'maxAcu', 'averageAcu', 'acuHours', 'secondsAtMax', 'pauses', 'resumes', 'scaleEvents', 'peakConnections', 'queryLatencyMs']) {
      expect(r).toHaveProperty(key);
    }
    expect(r.type).toBe('AWS::RDS::DBCluster');
    expect(r).toMatchObject({ minAcu: 0, maxAcu: 4, pauses: 2, resumes: 1, peakConnections: 5 });
    expect(r.secondsAtMax as number).toBeGreaterThan(0);
    expect(r.scaleEvents as number).toBeGreaterThan(3);
    const lat = r.queryLatencyMs as { p50: number; p95: number; p99: number };
    expect(lat.p99).toBeGreaterThanOrEqual(15_000); // the first queries waited for the resume
    expect(lat.p50).toBeLessThan(lat.p99);
    const acuLine = r.lineItems.find((l) => l.unit === 'ACU-hour')!;
    expect(acuLine.description).toMatch(/ACU/);
    expect(acuLine.quantity).toBeCloseTo(r.acuHours as number, 3);
    expect(r.queries).toEqual({ submitted: 12_000, completed: 12_000, timedOut: 0, inFlight: 0 });
    expect(Object.keys(databaseSeries(db))).toEqual(['acu', 'connections', 'cpuUtilizationPercent', 'queryLatencyMeanMs']);
    expect(databaseSeries(db).acu!.unit).toBe('ACU');
  });
});
