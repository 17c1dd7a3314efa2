/**
 * Looks up an EC2 instance type by name, with an error that suggests the names closest to a
 * misspelt one (same family first, then by edit distance).
 */
import { EC2_INSTANCE_TYPE_NAMES, EC2_INSTANCE_TYPES, type Ec2InstanceType } from './data/ec2InstanceTypes';

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to `count` known names closest to `name`: same family or same size first, then by edit distance, ties in table order. */
export function closeInstanceTypeNames(name: string, count = 5): string[] {
  const wanted = name.trim().toLowerCase();
  const [fam, size] = wanted.split('.');
  const score = (n: string): number => {
    const [f, s] = n.split('.');
    const bonus = f === fam ? -10 : s === size ? -2 : 0;
    return editDistance(wanted, n) + bonus;
  };
  return EC2_INSTANCE_TYPE_NAMES.map((n, i) => ({ n, i, d: score(n) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, count)
    .map((x) => x.n);
}

/**
 * The instance type called `name` (e.g. `m5.large`).
 * @throws Error naming the closest known types when `name` is unknown.
 */
export function instanceType(name: string): Readonly<Ec2InstanceType> {
  const t = EC2_INSTANCE_TYPES[name];
  if (t === undefined) {
    throw new Error(
      `unknown EC2 instance type '${name}'; did you mean ${closeInstanceTypeNames(name).join(', ')}? ` +
        `(${EC2_INSTANCE_TYPE_NAMES.length} types are known: families t3, t3a, t4g, m5, m6i, m6a, m7i, m6g, m7g, c5, c6i, c6g, c7g, r5, r6i, r6g)`,
    );
  }
  return t;
}
