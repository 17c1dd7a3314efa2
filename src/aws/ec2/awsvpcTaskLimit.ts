/**
 * How many `awsvpc` tasks an instance can host: one network interface per task, and the
 * instance's primary interface is its own, so `maxEnis − 1` without trunking; with ENI trunking
 * (`awsvpcTrunking` on, supported types only) the ECS table's limit, e.g. c5.large 2 → 10
 * (ECS Developer Guide, "Elastic network interface trunking"; aws-facts.md fact 40).
 */
import { type Ec2InstanceType, instanceType } from '../../pricing';

/**
 * The awsvpc task limit of `type` (a name or a table entry). `trunking` asks for the trunking
 * limit; a type that does not support trunking keeps `maxEnis − 1`.
 */
export function awsvpcTaskLimit(type: string | Readonly<Ec2InstanceType>, trunking: boolean): number {
  const t = typeof type === 'string' ? instanceType(type) : type;
  if (trunking && t.trunkingEnis !== undefined) return t.trunkingEnis;
  return t.maxEnis - 1;
}
