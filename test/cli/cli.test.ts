import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/clustersim.js');
const example = join(root, 'scenarios/fargate-web.yaml');

/** Runs the built CLI (npm test builds it first). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('clustersim CLI', () => {
  it('runs a scenario and prints a table report (exit 0)', () => {
    const r = cli('run', example, '--duration', '10m');
    expect(r.code).toBe(0);
    expect(r.out).toContain('WebService');
    expect(r.out).toMatch(/\$/);
  });

  it('prints identical JSON bytes twice, and other draws with another seed', () => {
    const a = cli('run', example, '--duration', '10m', '--format', 'json');
    const b = cli('run', example, '--duration', '10m', '--format', 'json');
    const c = cli('run', example, '--duration', '10m', '--format', 'json', '--seed', '7');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const arrived = (s: string) => JSON.parse(s).variants[0].totals.requests.arrived;
    expect(arrived(c.out)).not.toBe(arrived(a.out));
    expect(JSON.parse(c.out).seed).toBe(7);
  });

  it('runs the variant named by -V (not the version), and prints the version with --version', () => {
    const short = cli('run', example, '-V', 'graviton', '--duration', '5m', '--format', 'json');
    expect(short.code).toBe(0);
    expect(JSON.parse(short.out).variants.map((v: { name: string }) => v.name)).toEqual(['graviton']);
    const v = cli('--version');
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('compares every variant, base first', () => {
    const r = cli('compare', example, '--duration', '5m', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).variants.map((v: { name: string }) => v.name)).toEqual(['base', 'graviton', 'two-large-tasks', 'three-tasks']);
  });

  it('exits 2 with file:line:column and the field path for an invalid scenario, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(example, 'utf8').replace('Memory: 1024', 'Memory: 3000'));
    const out = join(dir, 'report.json');
    const r = cli('run', bad, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: Resources\.WebTask\.Properties\.Memory: 3000 is not a Fargate size for Cpu 512/);
    expect(existsSync(out)).toBe(false);
    const v = cli('validate', bad);
    expect(v.code).toBe(2);
  });

  it('validates a good scenario (exit 0)', () => {
    const r = cli('validate', example);
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid');
  });

  it('exits 1 on usage errors: unknown option, missing file, bad format', () => {
    expect(cli('run', example, '--bogus').code).toBe(1);
    expect(cli('run', join(root, 'no-such-file.yaml')).code).toBe(1);
    expect(cli('run', example, '--format', 'xml').code).toBe(1);
    expect(cli('frobnicate').code).toBe(1);
  });

  it('prints help for every command (exit 0)', () => {
    for (const args of [['--help'], ['run', '--help'], ['compare', '--help'], ['validate', '--help']]) {
      const r = cli(...args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: clustersim');
    }
  });

  it('writes the report to --out and CSV with one row per line item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clustersim-'));
    const out = join(dir, 'r.csv');
    const r = cli('run', example, '--duration', '5m', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toContain('variant,resource,type,description');
    expect(csv).toContain('Fargate vCPU (Linux/X86_64)');
  });
});
