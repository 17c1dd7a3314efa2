import { describe, expect, it } from 'vitest';
import { brief, issuesOf, load, WEB } from './helpers';

const TRACE = WEB.replace('Arrivals: { Pattern: constant, Rate: 10 }', 'Arrivals: { Pattern: trace, File: data/t.csv }');

function withCsv(csv: string) {
  return {
    readFile: (path: string) => {
      if (path === 'data/t.csv') return csv;
      throw new Error(`ENOENT: ${path}`);
    },
  };
}

describe('trace arrivals', () => {
  it('reads the CSV relative to the scenario file into TimesMs and Counts', () => {
    const s = load(TRACE, withCsv('seconds_from_start,count\n0,3\n1.5,4\n10,0\n'));
    expect(s.Workload[0]!.Arrivals).toEqual({
      Pattern: 'trace',
      File: 'data/t.csv',
      Process: 'poisson',
      TimesMs: [0, 1500, 10_000],
      Counts: [3, 4, 0],
    });
  });

  it('reports a bad CSV cell at the CSV file, line and column', () => {
    const issues = issuesOf(TRACE, withCsv('seconds_from_start,count\n0,3\n1, many\n'));
    expect(issues).toEqual([
      { file: 'data/t.csv', line: 3, column: 4, path: 'Workload[0].Arrivals.File', message: 'count must be a whole number ≥ 0, got "many"' },
    ]);
  });

  it('requires times to increase and reports every bad row', () => {
    const issues = issuesOf(TRACE, withCsv('t,n\n5,1\n5,2\n-1,x\n'));
    expect(brief(issues)).toEqual([
      '3:1 Workload[0].Arrivals.File: seconds_from_start must increase from row to row, got 5 after 5',
      '4:1 Workload[0].Arrivals.File: seconds_from_start must be a number ≥ 0, got "-1"',
      '4:4 Workload[0].Arrivals.File: count must be a whole number ≥ 0, got "x"',
    ]);
  });

  it('requires the header line', () => {
    expect(brief(issuesOf(TRACE, withCsv('0,1\n1,2\n')))).toEqual([
      '1:1 Workload[0].Arrivals.File: missing header: the first line must be `seconds_from_start,count`',
    ]);
  });

  it('reports a trace file that cannot be read at the File field', () => {
    const issues = issuesOf(TRACE, { readFile: () => { throw new Error('ENOENT'); } });
    expect(brief(issues)).toEqual(['21:39 Workload[0].Arrivals.File: cannot read trace file data/t.csv: ENOENT']);
  });
});
