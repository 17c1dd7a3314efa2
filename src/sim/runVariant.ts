/** Runs one variant of a scenario to the end and reports it; builds the whole report. */
import { buildReport as assembleReport, type Report, type VariantReport } from '../report';
import type { Scenario } from '../scenario';
import { Simulation } from './Simulation';

export interface RunVariantOptions {
  series?: boolean;
  onProgress?: (fraction: number) => void;
}

export function runVariant(scenario: Scenario, opts: RunVariantOptions = {}): VariantReport {
  const sim = new Simulation(scenario, { series: opts.series });
  sim.run(opts.onProgress);
  return sim.report();
}

/** The report of one or more variants of `scenario` (base first). */
export function buildReport(scenario: Scenario, variants: VariantReport[], warnings: string[]): Report {
  return assembleReport({
    scenario: scenario.Name,
    seed: scenario.Seed,
    durationSeconds: scenario.DurationMs / 1000,
    tickSeconds: scenario.TickMs / 1000,
    region: scenario.Region,
    warnings,
    variants,
  });
}
