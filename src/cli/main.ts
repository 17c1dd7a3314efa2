/**
 * The `clustersim` command line: run, compare and validate scenario files.
 * Exit codes: 0 ok, 1 usage or runtime error, 2 invalid scenario.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { RunOptions } from './commands';
import { ExitCode } from './exitCodes';

/** The commands load the simulator only when one runs, so `--help` starts fast. */
const commands = () => import('./commands');

function parseSeed(v: string): number {
  if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('the seed is an integer');
  return Number(v);
}

const formatOption = () =>
  new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv']).default('table');

export function buildProgram(): Command {
  const program = new Command('clustersim')
    .description('Deterministic simulator of ECS (EC2 and Fargate), Lambda and Aurora Serverless on AWS: behaviour and cost under load.')
    // --version only: -V is `run`'s --variant (the program-level -V would take it before `run` sees it).
    .version('0.1.0', '--version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const common = (cmd: Command) =>
    cmd
      .option('-s, --seed <n>', 'seed for the random streams (default: the scenario\'s Seed)', parseSeed)
      .option('-d, --duration <duration>', 'simulated duration, e.g. 90s, 10m, 6h, 30d (default: the scenario\'s Duration)')
      .addOption(formatOption())
      .option('-o, --out <file>', 'write the report to a file instead of standard output')
      .option('--series', 'include time series in JSON and CSV output', false)
      .option('-p, --parameter <key=value...>', 'override a template Parameter (repeatable)')
      .option('--no-progress', 'no progress bar on stderr');

  common(
    program
      .command('run')
      .description('run one variant of a scenario and print its report')
      .argument('<scenario>', 'scenario YAML file')
      .option('-V, --variant <name>', 'variant to run (default: base)'),
  ).action(async (file: string, opts: RunOptions) => (await commands()).runCommand(file, opts));

  common(
    program
      .command('compare')
      .description('run every variant of a scenario on the same seeded load, side by side (base first)')
      .argument('<scenario>', 'scenario YAML file'),
  ).action(async (file: string, opts: RunOptions) => (await commands()).compareCommand(file, opts));

  program
    .command('validate')
    .description('check a scenario file and every variant; print problems with file:line:column and exit 2 if any')
    .argument('<scenario>', 'scenario YAML file')
    .option('-p, --parameter <key=value...>', 'override a template Parameter (repeatable)')
    .action(async (file: string, opts: { parameter?: string[] }) => (await commands()).validateCommand(file, opts));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? ExitCode.Ok : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    process.stderr.write(`clustersim: ${err instanceof Error ? err.message : String(err)}\n`);
    return ExitCode.Usage;
  }
}
