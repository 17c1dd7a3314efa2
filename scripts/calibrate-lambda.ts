/**
 * Prints the Lambda model's fit to the measured experiments (data/lambda-measurements.csv): per
 * row and as mean absolute percentage errors.
 *
 *   npx tsx scripts/calibrate-lambda.ts [requestsPerExperiment] [--idle-lifetime 640s] [--spare-idle-lifetime 30m]
 *                                       [--max-lifetime 2h|never] [--selection most-recent|least-recent] [--seeds 5,6,7]
 *
 * Without options, the model's defaults. It replays the measured request logs first
 * (data/lambda-traces; over `--seeds`, default eight), then simulates every experiment under
 * Poisson load: runs as long as the experiments, until `requestsPerExperiment` requests (default
 * 1,600,000), measured the study's way; then the study's ten other experiments (held out).
 */
import { Command, Option } from 'commander';
import { parseDuration } from '../src/scenario/duration';
import { type CalibrationRow, calibrate, calibrationConfig, mape, replay } from '../test/aws/lambda/calibration';
import { HELD_OUT } from '../test/aws/lambda/study';

const cmd = new Command('calibrate-lambda')
  .argument('[requests]', 'requests per experiment under Poisson load', '1600000')
  .option('--idle-lifetime <duration>', 'IdleLifetime (default: the model default)')
  .option('--spare-idle-lifetime <duration>', 'SpareIdleLifetime (default: the model default)')
  .option('--max-lifetime <duration>', 'MaxLifetime, or never (default: the model default)')
  .addOption(new Option('--selection <selection>', 'IdleSelection').choices(['most-recent', 'least-recent']).default('most-recent'))
  .option('--seeds <list>', 'seeds to average over, comma-separated', '5,6,7,8,9,10,11,12')
  .parse();
const o = cmd.opts<{ idleLifetime?: string; spareIdleLifetime?: string; maxLifetime?: string; selection: 'most-recent' | 'least-recent'; seeds: string }>();
const ms = (d: string | undefined) => (d === undefined ? undefined : d === 'never' ? Number.POSITIVE_INFINITY : parseDuration(d));
const n = Number(cmd.args[0] ?? 1_600_000);
const seeds = o.seeds.split(',').map(Number);
const options = {
  idleLifetimeMs: ms(o.idleLifetime),
  spareIdleLifetimeMs: ms(o.spareIdleLifetime),
  maxLifetimeMs: ms(o.maxLifetime),
  idleSelection: o.selection,
  seeds,
};
const print = (rows: CalibrationRow[]) => {
  for (const r of rows) {
    console.log(
      `${r.experiment.padEnd(14)} λ=${r.arrivalRate.toFixed(4)}/s  cold ${r.simulatedColdShare.toFixed(4)} (measured ${r.measuredColdShare.toFixed(4)})  ` +
        `environments ${r.simulatedEnvironments.toFixed(2)} (measured ${r.measuredEnvironments.toFixed(2)})`,
    );
  }
};
const c = calibrationConfig(options);
const life = (x: number) => (x === Number.POSITIVE_INFINITY ? 'never' : `${x / 1000} s`);
console.log(
  `IdleLifetime ${life(c.idleLifetimeMs)}, SpareIdleLifetime ${life(c.spareIdleLifetimeMs)}, MaxLifetime ${life(c.maxLifetimeMs)}, IdleSelection ${c.idleSelection}`,
);
console.log('\nReplaying the measured request logs (data/lambda-traces):');
const replayed = replay(options);
print(replayed);
const r = mape(replayed);
console.log(`MAPE over ${replayed.length} logs, ${seeds.length} seed(s): cold-start share ${r.coldShare.toFixed(1)} %, environments ${r.environments.toFixed(1)} %`);
console.log('\nPoisson arrivals at each experiment’s rate, runs as long as the experiments, measured the study’s way:');
const rows = calibrate(n, options);
print(rows);
const e = mape(rows);
// SimFaaS's own cold-start shares for the five rows its comparison notebook prints
// (pacslab/simfaas, examples/04-Experiment-Comparison.ipynb: exponential times, 600 s expiry, 1e6 s runs).
const SIMFAAS: Record<string, number> = { experiment_0: 0.007297, experiment_1: 0.002807, experiment_2: 0.001967, experiment_3: 0.00162, experiment_4: 0.001291 };
const five = rows.filter((r) => SIMFAAS[r.experiment] !== undefined);
const err = (sim: number, measured: number) => Math.abs(sim - measured) / measured;
const ours = (100 * five.reduce((a, r) => a + err(r.simulatedColdShare, r.measuredColdShare), 0)) / five.length;
const theirs = (100 * five.reduce((a, r) => a + err(SIMFAAS[r.experiment]!, r.measuredColdShare), 0)) / five.length;
console.log(
  `MAPE over ${rows.length} experiments, ${n.toLocaleString('en-US')} requests each: cold-start share ${e.coldShare.toFixed(1)} %, environments ${e.environments.toFixed(1)} %`,
);
console.log(`Cold-start share on the ${five.length} rows SimFaaS's notebook prints: clustersim ${ours.toFixed(1)} %, SimFaaS ${theirs.toFixed(1)} %`);
console.log('\nThe study’s ten other experiments (data/lambda-measurements-heldout.csv; used to choose nothing):');
const held = calibrate(n, options, HELD_OUT);
print(held);
const h = mape(held);
console.log(`MAPE over ${held.length} held-out experiments: cold-start share ${h.coldShare.toFixed(1)} %, environments ${h.environments.toFixed(1)} %`);
