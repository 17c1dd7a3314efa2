/**
 * Prints the Lambda model's fit to the measured experiments (data/lambda-measurements.csv): per
 * row and as mean absolute percentage errors.
 *
 *   npx tsx scripts/calibrate-lambda.ts [invocationsPerRow] [--idle-lifetime 10m] [--max-lifetime 3h]
 *                                       [--selection most-recent|least-recent] [--seeds 5,6,7]
 */
import { Command, Option } from 'commander';
import { parseDuration } from '../src/scenario/duration';
import { calibrate, mape } from '../test/aws/lambda/calibration';

const cmd = new Command('calibrate-lambda')
  .argument('[invocations]', 'invocations per row and seed', '200000')
  .option('--idle-lifetime <duration>', 'IdleLifetime', '10m')
  .option('--max-lifetime <duration>', 'MaxLifetime (default: none)')
  .addOption(new Option('--selection <selection>', 'IdleSelection').choices(['most-recent', 'least-recent']).default('most-recent'))
  .option('--seeds <list>', 'seeds to average over, comma-separated', '5')
  .parse();
const o = cmd.opts<{ idleLifetime: string; maxLifetime?: string; selection: 'most-recent' | 'least-recent'; seeds: string }>();
const n = Number(cmd.args[0] ?? 200_000);
const seeds = o.seeds.split(',').map(Number);
const rows = calibrate(n, {
  idleLifetimeMs: parseDuration(o.idleLifetime),
  maxLifetimeMs: o.maxLifetime === undefined ? Number.POSITIVE_INFINITY : parseDuration(o.maxLifetime),
  idleSelection: o.selection,
  seeds,
});
for (const r of rows) {
  console.log(
    `${r.experiment.padEnd(14)} λ=${r.arrivalRate.toFixed(4)}/s  cold ${r.simulatedColdShare.toFixed(4)} (measured ${r.measuredColdShare.toFixed(4)})  ` +
      `environments ${r.simulatedEnvironments.toFixed(2)} (measured ${r.measuredEnvironments.toFixed(2)})`,
  );
}
const e = mape(rows);
console.log(
  `MAPE over ${rows.length} experiments, ${n.toLocaleString('en-US')} invocations each, ${seeds.length} seed(s): cold-start share ${e.coldShare.toFixed(1)} %, environments ${e.environments.toFixed(1)} %`,
);
