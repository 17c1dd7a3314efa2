/**
 * Prints the Lambda model's fit to the measured experiments (data/lambda-measurements.csv):
 * per row and as mean absolute percentage errors. `npx tsx scripts/calibrate-lambda.ts [invocationsPerRow]`.
 */
import { calibrate, mape } from '../test/aws/lambda/calibration';

const n = Number(process.argv[2] ?? 200_000);
const rows = calibrate(n);
for (const r of rows) {
  console.log(
    `${r.experiment.padEnd(14)} λ=${r.arrivalRate.toFixed(4)}/s  cold ${r.simulatedColdShare.toFixed(4)} (measured ${r.measuredColdShare.toFixed(4)})  ` +
      `environments ${r.simulatedEnvironments.toFixed(2)} (measured ${r.measuredEnvironments.toFixed(2)})`,
  );
}
const e = mape(rows);
console.log(`MAPE over ${rows.length} experiments, ${n.toLocaleString('en-US')} invocations each: cold-start share ${e.coldShare.toFixed(1)} %, environments ${e.environments.toFixed(1)} %`);
