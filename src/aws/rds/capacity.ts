/**
 * Aurora capacity arithmetic: ACUs in half steps, the v1 capacity points, how much CPU and memory
 * an ACU or a provisioned DB instance class holds, and the default connection limit.
 */

/** Memory of one ACU, GiB ("each ACU is approximately 2 GiB of memory with corresponding CPU and networking", aws-facts 80). */
export const GIB_PER_ACU = 2;

/** Largest v2 capacity per instance on recent engine versions (aws-facts 81). */
export const MAX_V2_ACU = 256;

/** v1 capacity points (aws-facts 89): capacity doubles from point to point. */
export const V1_CAPACITY_POINTS = {
  'aurora-mysql': [1, 2, 4, 8, 16, 32, 64, 128, 256],
  'aurora-postgresql': [2, 4, 8, 16, 32, 64, 192, 384],
} as const;

export type AuroraEngine = keyof typeof V1_CAPACITY_POINTS;

/** Provisioned DB instance classes the simulator prices (`db.r6g`, `db.r7g`; Graviton, 8 GiB per vCPU). */
export const DB_INSTANCE_CLASSES: Readonly<Record<string, { vcpu: number; memoryGiB: number }>> = {
  'db.r6g.large': { vcpu: 2, memoryGiB: 16 },
  'db.r6g.xlarge': { vcpu: 4, memoryGiB: 32 },
  'db.r6g.2xlarge': { vcpu: 8, memoryGiB: 64 },
  'db.r6g.4xlarge': { vcpu: 16, memoryGiB: 128 },
  'db.r7g.large': { vcpu: 2, memoryGiB: 16 },
  'db.r7g.xlarge': { vcpu: 4, memoryGiB: 32 },
  'db.r7g.2xlarge': { vcpu: 8, memoryGiB: 64 },
  'db.r7g.4xlarge': { vcpu: 16, memoryGiB: 128 },
};

/** The serverless DB instance class. */
export const SERVERLESS_CLASS = 'db.serverless';

/** Whether `acu` is a whole number of half ACUs. */
export function isHalfStep(acu: number): boolean {
  return Number.isInteger(acu * 2);
}

/** `acu` rounded up to the next half ACU. */
export function ceilHalf(acu: number): number {
  return Math.ceil(acu * 2 - 1e-6) / 2;
}

/** `acu` rounded down to a half ACU. */
export function floorHalf(acu: number): number {
  return Math.floor(acu * 2 + 1e-9) / 2;
}

/** The v1 capacity point above `acu` (or `acu` itself at the top). */
export function v1PointAbove(points: readonly number[], acu: number): number {
  for (const p of points) if (p > acu) return p;
  return acu;
}

/** The v1 capacity point below `acu` (or `acu` itself at the bottom). */
export function v1PointBelow(points: readonly number[], acu: number): number {
  let below = acu;
  for (const p of points) if (p < acu) below = p;
  return below;
}

/** The smallest v1 capacity point at or above `acu` (the largest point when none is). */
export function v1PointAtLeast(points: readonly number[], acu: number): number {
  for (const p of points) if (p >= acu - 1e-9) return p;
  return points[points.length - 1]!;
}

/**
 * The default `max_connections` of a serverless instance. AWS derives it from the memory at the
 * cluster's *maximum* capacity (Aurora UG "Performance and scaling for Aurora Serverless v2",
 * maximum connections); Aurora PostgreSQL gives 189 connections for a 0.5–1 ACU range and caps
 * the value at 2,000 when the minimum is 0 or 0.5 ACU and at 5,000 otherwise (AWS re:Post
 * article "Working of max_connections for Amazon Aurora PostgreSQL Serverless"). This model
 * scales `perAcu` (default 189) per ACU of maximum capacity up to those caps.
 */
export function defaultMaxConnections(minAcu: number, maxAcu: number, perAcu = CONNECTIONS_PER_ACU): number {
  const cap = minAcu <= 0.5 ? 2000 : 5000;
  return Math.min(cap, Math.max(1, Math.floor(perAcu * maxAcu)));
}

/** Aurora PostgreSQL's max_connections at 1 ACU of maximum capacity (see `defaultMaxConnections`). */
export const CONNECTIONS_PER_ACU = 189;
