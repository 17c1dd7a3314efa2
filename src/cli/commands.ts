/** The CLI's commands: load, run, write. Every failure maps to an exit code (exitCodes.ts). */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { formatIssue, loadScenario, parseDuration, type Scenario, ScenarioError, validateScenarioFile } from '../scenario';
import { type Report, toCsv, toJson, toTable, type VariantReport } from '../report';
import { buildReport, runVariant } from '../sim';
import { ExitCode } from './exitCodes';
import { createProgress } from './progress';

export interface RunOptions {
  seed?: number;
  duration?: string;
  format: 'table' | 'json' | 'csv';
  out?: string;
  series: boolean;
  parameter?: string[];
  progress: boolean;
  variant?: string;
}

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function parameters(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) {
    const i = kv.indexOf('=');
    if (i <= 0) throw new CliError(`--parameter expects KEY=VALUE, got "${kv}"`, ExitCode.Usage);
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

function load(file: string, opts: RunOptions, variant?: string): Scenario {
  const scenario = loadScenario(file, { variant, parameters: parameters(opts.parameter) });
  if (opts.seed !== undefined) scenario.Seed = opts.seed;
  if (opts.duration !== undefined) {
    let ms: number;
    try {
      ms = parseDuration(opts.duration);
    } catch (e) {
      throw new CliError(`--duration: ${e instanceof Error ? e.message : String(e)}`, ExitCode.Usage);
    }
    if (!(ms > 0)) throw new CliError('--duration must be positive', ExitCode.Usage);
    scenario.DurationMs = ms;
    if (scenario.TickMs > ms) scenario.TickMs = ms;
  }
  return scenario;
}

function warningsOf(s: Scenario): string[] {
  if (s.Unmodeled.length === 0) return [];
  const list = s.Unmodeled.map((r) => `${r.LogicalId} (${r.Type})`).join(', ');
  return [`${s.Unmodeled.length} resource(s) kept but not simulated: ${list}`];
}

function render(report: Report, opts: RunOptions): string {
  switch (opts.format) {
    case 'json':
      return toJson(report);
    case 'csv':
      return toCsv(report, { series: opts.series });
    default:
      return toTable(report, { color: opts.out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR });
  }
}

/** Writes all or nothing: a temporary file renamed into place. */
function emit(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw new CliError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`, ExitCode.Usage);
  }
}

function execute(
  file: string,
  opts: RunOptions,
  variants: (base: Scenario) => string[],
): number {
  const base = load(file, opts, opts.variant);
  for (const w of warningsOf(base)) process.stderr.write(`warning: ${w}\n`);
  const names = variants(base);
  const results: VariantReport[] = [];
  for (const name of names) {
    const scenario = name === base.Variant ? base : load(file, opts, name);
    const progress = createProgress(opts.progress, `${scenario.Name} [${name}]`);
    try {
      results.push(runVariant(scenario, { series: opts.series, onProgress: progress.update }));
    } finally {
      progress.stop();
    }
  }
  const report = buildReport(base, results, warningsOf(base));
  emit(render(report, opts), opts.out);
  return ExitCode.Ok;
}

function guard(fn: () => number): void {
  let code: number;
  try {
    code = fn();
  } catch (e) {
    if (e instanceof ScenarioError) {
      for (const issue of e.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.stderr.write(`${e.issues.length} problem(s) found; nothing was run.\n`);
      code = ExitCode.InvalidScenario;
    } else if (e instanceof CliError) {
      process.stderr.write(`clustersim: ${e.message}\n`);
      code = e.exitCode;
    } else {
      process.stderr.write(`clustersim: ${e instanceof Error ? e.message : String(e)}\n`);
      code = ExitCode.Usage;
    }
  }
  process.exitCode = code;
}

export function runCommand(file: string, opts: RunOptions): void {
  guard(() => execute(file, opts, (s) => [s.Variant]));
}

export function compareCommand(file: string, opts: RunOptions): void {
  guard(() => execute(file, { ...opts, variant: undefined }, (s) => s.VariantNames));
}

export function validateCommand(file: string, opts: { parameter?: string[] }): void {
  guard(() => {
    const result = validateScenarioFile(file, { parameters: parameters(opts.parameter) });
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (result.issues.length > 0) {
      for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.stderr.write(`${result.issues.length} problem(s) found.\n`);
      return ExitCode.InvalidScenario;
    }
    process.stdout.write(`${file}: valid (variants: ${result.variants.join(', ')})\n`);
    return ExitCode.Ok;
  });
}
