import { describe, expect, it } from 'vitest';
import { buildResourceReport, buildVariantReport, csvField, lineItem, toCsv } from '../../src/report';
import { armVariant, baseVariant, sampleReport } from './sampleReport';

function lines(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

describe('toCsv', () => {
  it('writes a header, one row per line item and a total row per variant, CRLF-terminated', () => {
    expect(lines(toCsv(sampleReport()))).toEqual([
      'variant,resource,type,description,quantity,unit,unitPriceUsd,costUsd',
      'base,WebService,AWS::ECS::Service,Fargate vCPU (Linux/X86_64),3600,vCPU-second,0.000011244,0.0404784',
      'base,WebService,AWS::ECS::Service,Fargate memory (Linux/X86_64),7200,GiB-second,0.000001235,0.008892',
      'base,total,,Total,,,,0.0493704',
    ]);
  });

  it('has 1 + line items + variants rows for two variants', () => {
    const csv = toCsv(sampleReport({ variants: [baseVariant(), armVariant()] }));
    expect(lines(csv)).toHaveLength(1 + 4 + 2);
    expect(lines(csv).at(-1)).toBe('arm,total,,Total,,,,0.03949992');
  });

  it('quotes a description holding a comma and a quote, doubling the quote (RFC 4180)', () => {
    const web = buildResourceReport('AWS::ECS::Service', [lineItem('vCPU, "burst" mode', 1, 'vCPU-second', 0.5)]);
    const v = buildVariantReport({
      name: 'base',
      requests: { arrived: 0, served: 0, failed: 0, throttled: 0, queued: 0 },
      latency: null,
      resources: { Web: web },
    });
    expect(lines(toCsv(sampleReport({ variants: [v] })))[1]).toBe(
      'base,Web,AWS::ECS::Service,"vCPU, ""burst"" mode",1,vCPU-second,0.5,0.5',
    );
  });

  it('quotes fields with line breaks and writes small numbers without exponents', () => {
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField(0.0000002)).toBe('0.0000002');
    expect(csvField(1e21)).toBe('1000000000000000000000');
  });

  it('appends the series table after a blank line when asked', () => {
    const all = lines(toCsv(sampleReport({ series: true }), { series: true }));
    expect(all.slice(4)).toEqual([
      '',
      'variant,resource,series,unit,t,mean,max',
      'base,WebService,runningTasks,tasks,0,1.5,2',
      'base,WebService,runningTasks,tasks,60,2,2',
      'base,total,costUsdPerHour,usdPerHour,0,0.0494,0.0494',
    ]);
  });

  it('leaves the series out by default', () => {
    expect(lines(toCsv(sampleReport({ series: true })))).toHaveLength(4);
  });
});
