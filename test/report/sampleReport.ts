/** A small hand-built report shared by the writer tests: one Fargate service, optionally a second variant. */
import {
  buildReport,
  buildResourceReport,
  buildSeriesReport,
  buildVariantReport,
  LatencyHistogram,
  lineItem,
  type Report,
  type VariantReport,
} from '../../src/report';

/** 2 tasks × 0.5 vCPU / 1 GiB for an hour at Linux/x86; 1,000 requests served in 10.01 to 20 ms. */
export function baseVariant(withSeries = false): VariantReport {
  const latency = new LatencyHistogram();
  for (let i = 1; i <= 1000; i++) latency.record(i * 0.01 + 10);
  const web = buildResourceReport(
    'AWS::ECS::Service',
    [
      lineItem('Fargate vCPU (Linux/X86_64)', 3600, 'vCPU-second', 0.000011244),
      lineItem('Fargate memory (Linux/X86_64)', 7200, 'GiB-second', 0.000001235),
    ],
    { tasksMax: 2, taskSeconds: 7200 },
  );
  return buildVariantReport({
    name: 'base',
    requests: { arrived: 1010, served: 1000, failed: 4, throttled: 0, queued: 6 },
    latency,
    resources: { WebService: web },
    series: withSeries
      ? {
          WebService: {
            runningTasks: buildSeriesReport('tasks', 60, [
              { t: 0, mean: 1.5, max: 2 },
              { t: 60, mean: 2, max: 2 },
            ]),
          },
          total: { costUsdPerHour: buildSeriesReport('usdPerHour', 60, [{ t: 0, mean: 0.0494, max: 0.0494 }]) },
        }
      : undefined,
  });
}

/** The same service on ARM: cheaper by the ARM rates. */
export function armVariant(): VariantReport {
  const latency = new LatencyHistogram();
  for (let i = 1; i <= 1000; i++) latency.record(i * 0.01 + 11);
  const web = buildResourceReport('AWS::ECS::Service', [
    lineItem('Fargate vCPU (Linux/ARM64)', 3600, 'vCPU-second', 0.0000089944),
    lineItem('Fargate memory (Linux/ARM64)', 7200, 'GiB-second', 0.0000009889),
  ]);
  return buildVariantReport({
    name: 'arm',
    requests: { arrived: 1010, served: 1010, failed: 0, throttled: 0, queued: 0 },
    latency,
    resources: { WebService: web },
  });
}

export function sampleReport(options: { variants?: VariantReport[]; series?: boolean } = {}): Report {
  return buildReport({
    scenario: 'web-api',
    seed: 42,
    durationSeconds: 3600,
    tickSeconds: 1,
    region: 'us-east-1',
    warnings: [],
    variants: options.variants ?? [baseVariant(options.series === true)],
  });
}
