/**
 * Writes src/aws/lambda/data/initDurations.ts, the measured cold-start INIT durations that
 * `defaultInitDuration` draws on, from the project's summary of lambda-perf
 * (data/lambda-perf-init-2026.csv; see data/README.md).
 * One entry per (runtime, package, architecture), averaged over the memory sizes measured
 * (128–1,024 MB; memory makes no difference to INIT, reference/measurements.md).
 * Run: npx tsx scripts/gen-lambda-init.ts [path/to/lambda-perf-init-2026.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the CSV is in the project's shared reference folder, next to this repository. */
export const DEFAULT_INIT_CSV = fileURLToPath(new URL('../data/lambda-perf-init-2026.csv', import.meta.url));
export const INIT_DURATIONS_FILE = fileURLToPath(new URL('../src/aws/lambda/data/initDurations.ts', import.meta.url));

/** e^(z99²/2): the largest P99/Mean ratio a lognormal can have (src/workload/createDistribution.ts). */
const Z99 = 2.3263478740408408;
const MAX_P99_OVER_MEAN = Math.exp((Z99 * Z99) / 2);

/**
 * CloudFormation `Runtime` values → the CSV's runtime names. `provided.*` maps to the Go rows:
 * Go is the language AWS moved onto `provided.al2`/`provided.al2023` when it retired `go1.x`,
 * so it stands for a typical custom-runtime function; Rust (faster) and others are in the data.
 */
const CFN_RUNTIMES: [string, string][] = [
  ['nodejs20.x', 'nodejs20.x'],
  ['nodejs22.x', 'nodejs22.x'],
  ['nodejs24.x', 'nodejs24.x'],
  ['python3.9', 'python3.9'],
  ['python3.10', 'python3.10'],
  ['python3.11', 'python3.11'],
  ['python3.12', 'python3.12'],
  ['python3.13', 'python3.13'],
  ['python3.14', 'python3.14'],
  ['java8.al2', 'java8.al2'],
  ['java11', 'java11'],
  ['java17', 'java17'],
  ['java21', 'java21'],
  ['java25', 'java25'],
  ['dotnet8', 'dotnet8'],
  ['dotnet10', 'dotnet10'],
  ['ruby3.2', 'ruby3.2'],
  ['ruby3.3', 'ruby3.3'],
  ['ruby3.4', 'ruby3.4'],
  ['provided.al2', 'go (prov.al2)'],
  ['provided.al2023', 'go (prov.al2023)'],
];

interface Group {
  runtime: string;
  packageType: string;
  architecture: string;
  memory: number[];
  means: number[];
  p99s: number[];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A single-quoted TypeScript string literal. */
function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Splits one CSV line; quoted fields may hold commas. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** The TypeScript source of initDurations.ts for this CSV text. */
export function renderInitDurations(csv: string): string {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]!);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`lambda-perf CSV: no column '${name}' (columns: ${header.join(', ')})`);
    return i;
  };
  const [cRuntime, cPackage, cArch, cMemory, cMean, cP99] = [
    col('runtime'),
    col('package'),
    col('arch'),
    col('memory_mb'),
    col('daily_mean_p50_ms'),
    col('init_p99_ms'),
  ];
  const groups = new Map<string, Group>();
  for (const [n, line] of lines.slice(1).entries()) {
    const f = splitCsvLine(line);
    const key = `${f[cRuntime]}|${f[cPackage]}|${f[cArch]}`;
    const num = (i: number): number => {
      const v = Number(f[i]);
      if (!Number.isFinite(v)) throw new Error(`lambda-perf CSV line ${n + 2}: '${f[i]}' in column ${header[i]} is not a number`);
      return v;
    };
    let g = groups.get(key);
    if (g === undefined) {
      g = { runtime: f[cRuntime]!, packageType: f[cPackage]!, architecture: f[cArch]!, memory: [], means: [], p99s: [] };
      groups.set(key, g);
    }
    g.memory.push(num(cMemory));
    g.means.push(num(cMean));
    g.p99s.push(num(cP99));
  }
  const sorted = [...groups.values()].sort(
    (a, b) => compare(a.runtime, b.runtime) || compare(a.packageType, b.packageType) || compare(a.architecture, b.architecture),
  );
  const rows = sorted.map((g) => {
    const meanMs = round1(average(g.means));
    let p99Ms = round1(average(g.p99s));
    if (!(p99Ms > meanMs)) throw new Error(`lambda-perf CSV: ${g.runtime} ${g.packageType} ${g.architecture}: P99 ${p99Ms} ms is not above the mean ${meanMs} ms`);
    const clamped = p99Ms > meanMs * MAX_P99_OVER_MEAN;
    if (clamped) p99Ms = Math.floor(meanMs * MAX_P99_OVER_MEAN * 10) / 10;
    const memory = [...g.memory].sort((a, b) => a - b).join(', ');
    return (
      `  { runtime: ${q(g.runtime)}, packageType: ${q(g.packageType)}, architecture: ${q(g.architecture)}, ` +
      `memoryMB: [${memory}], meanMs: ${meanMs}, p99Ms: ${p99Ms}${clamped ? ', p99Clamped: true' : ''} },`
    );
  });
  for (const [cfn, measured] of CFN_RUNTIMES) {
    if (!groups.has(`${measured}|zip|x86_64`)) throw new Error(`lambda-perf CSV: no rows for ${measured} (CloudFormation ${cfn})`);
  }
  const mapping = CFN_RUNTIMES.map(([cfn, measured]) => `  ${q(cfn)}: ${q(measured)},`);
  return `/**
 * GENERATED by scripts/gen-lambda-init.ts from reference/data/lambda-perf-init-2026.csv: do not
 * edit; change the script or the data and run \`npx tsx scripts/gen-lambda-init.ts\`.
 *
 * Cold-start INIT durations of hello-world functions, ms, measured 2026-01-01 to 2026-08-22 (about
 * ten forced cold starts a day per configuration). \`meanMs\` is the median over days of the daily
 * mean Init Duration; \`p99Ms\` the 99th percentile of all individual Init Durations; both averaged
 * over the memory sizes measured (memory makes no difference to INIT) and rounded to 0.1 ms.
 * A P99 beyond what a lognormal with that mean allows (Mean × e^(z99²/2) ≈ 14.97 × Mean) would be
 * clamped to it and marked \`p99Clamped\`; no current row needs it.
 *
 * Data: lambda-perf by Maxime David (maxday), https://github.com/maxday/lambda-perf, licensed
 * under the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0). Modified: daily
 * measurements aggregated by the project (reference/data/README.md), then averaged over memory
 * sizes here.
 */

/** One measured configuration. */
export interface MeasuredInitDuration {
  /** lambda-perf's runtime name, e.g. \`nodejs22.x\`, \`go (prov.al2023)\`. */
  runtime: string;
  packageType: 'zip' | 'image';
  architecture: 'x86_64' | 'arm64';
  /** Memory sizes averaged over, MB. */
  memoryMB: readonly number[];
  /** Typical (mean) INIT duration, ms. */
  meanMs: number;
  /** 99th percentile INIT duration, ms. */
  p99Ms: number;
  /** Set when p99Ms was lowered to the largest a lognormal with meanMs allows. */
  p99Clamped?: true;
}

export const MEASURED_INIT_DURATIONS: readonly MeasuredInitDuration[] = [
${rows.join('\n')}
];

/**
 * CloudFormation \`Runtime\` → the measured runtime standing for it. \`provided.*\` (custom
 * runtimes) stand as Go, the language AWS moved onto them when it retired \`go1.x\`.
 */
export const MEASURED_RUNTIME_FOR: Readonly<Record<string, string>> = {
${mapping.join('\n')}
};
`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const csvPath = process.argv[2] ?? DEFAULT_INIT_CSV;
  writeFileSync(INIT_DURATIONS_FILE, renderInitDurations(readFileSync(csvPath, 'utf8')));
  process.stdout.write(`wrote ${INIT_DURATIONS_FILE} from ${csvPath}\n`);
}
