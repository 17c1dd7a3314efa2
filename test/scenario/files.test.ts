import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioJsonSchema, scenarioJsonSchemaText, validateScenarioFile } from '../../src/scenario';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('scenario files on disk', () => {
  it('loads a file with an absolute path and reads its trace beside it', () => {
    const s = loadScenario(fixture('web.yaml'));
    expect(s.file).toBe(fixture('web.yaml'));
    expect(s.Workload[0]!.Arrivals).toMatchObject({ TimesMs: [0, 1000, 2500], Counts: [5, 7, 0] });
  });

  it('validates the base and every variant, naming the variant at fault', () => {
    const r = validateScenarioFile(fixture('web.yaml'));
    expect(r.variants).toEqual(['base', 'tooBig', 'exact']);
    expect(r.issues).toEqual([
      {
        file: fixture('web.yaml'),
        line: 27,
        column: 32,
        path: 'Variants.tooBig.WebTask.Properties.Memory',
        message: '4096 is not a Fargate size for Cpu 256; allowed 512, 1024, 2048',
      },
    ]);
  });

  it('warns once about resource types it keeps but does not model', () => {
    const r = validateScenarioFile(fixture('web.yaml'));
    expect(r.warnings).toEqual(['1 resource(s) kept but not simulated (type not modelled yet): Vpc (AWS::EC2::VPC)']);
  });
});

describe('JSON Schema for editors', () => {
  it('matches the committed schema/scenario.schema.json (regenerate: npx tsx scripts/gen-schema.ts)', () => {
    const committed = readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('describes the modelled resource types and the workload patterns', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    for (const word of ['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'QueueLimit', 'ImageSizeMiB', 'lognormal', 'diurnal']) {
      expect(text).toContain(word);
    }
  });
});
