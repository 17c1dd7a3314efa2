/**
 * EC2 instance types the simulator knows: vCPU, memory, network interface limits and ENI
 * trunking density, for the common families (t3, t3a, t4g, m5, m6i, m6a, m7i, m6g, m7g, c5,
 * c6i, c6g, c7g, r5, r6i, r6g). Prices are not here: they are per region, in the price tables.
 *
 * Sources (see `EC2_INSTANCE_TYPES_SOURCES`):
 * - vCPU and memory: the EC2 instance type specifications (DescribeInstanceTypes `VCpuInfo` and
 *   `MemoryInfo`), the same figures as every public instance table.
 * - `maxEnis`: EC2 User Guide "IP addresses per network interface per instance type" (archived
 *   copy, c5/m5/r5/t3), and for the families the ECS trunking table lists, its "task limit without
 *   ENI trunking" + 1 (AWS: "add one to the current task limit, as the primary network interface
 *   counts against the limit"). t3a, t4g and m7i are not in those archived tables: their values
 *   follow DescribeInstanceTypes output quoted in public code (t4g.medium: 3) and the family
 *   pattern (medium/large 3, xlarge/2xlarge 4, 4xlarge 8) [C].
 * - `trunkingEnis`: ECS Developer Guide "Elastic network interface trunking", table "Supported
 *   Amazon EC2 instance types" (awsdocs/amazon-ecs-developer-guide, archived 2023) [A-old]. The
 *   t3, t3a and t4g families are not in that table (no trunking); m7i is absent from the archived
 *   copy, so it is left without trunking until verified.
 */

/** One instance type's capacity as ECS sees it. */
export interface Ec2InstanceType {
  /** Default vCPUs (DescribeInstanceTypes `DefaultVCpus`); ECS registers 1,024 CPU units per vCPU. */
  vcpu: number;
  /** Memory, MiB (DescribeInstanceTypes `SizeInMiB`), before the ECS agent's reservation. */
  memoryMiB: number;
  /** Maximum network interfaces, the primary one included. */
  maxEnis: number;
  /**
   * awsvpc tasks per instance with ENI trunking (`awsvpcTrunking` on); absent where the type
   * does not support trunking. Without trunking the limit is `maxEnis − 1`.
   */
  trunkingEnis?: number;
  architecture: 'x86_64' | 'arm64';
  /** Family, e.g. `m5`. */
  family: string;
}

/** The date the sources below were read. */
export const EC2_INSTANCE_TYPES_AS_OF = '2026-11-27';

/** Where the instance data was read, and what each source gives. */
export const EC2_INSTANCE_TYPES_SOURCES: readonly { url: string; page: string; gives: string; confidence: 'A' | 'A-old' | 'B' | 'C' }[] = [
  {
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html',
    page: 'ECS Developer Guide, "Elastic network interface trunking", table "Supported Amazon EC2 instance types" (awsdocs/amazon-ecs-developer-guide doc_source/container-instance-eni.md, archived 2023)',
    gives: 'awsvpc task limits without and with trunking for m5, m6i, m6a, m6g, m7g, c5, c6i, c6g, c7g, r5, r6i, r6g',
    confidence: 'A-old',
  },
  {
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#AvailableIpPerENI',
    page: 'EC2 User Guide, "IP addresses per network interface per instance type" (awsdocs/amazon-ec2-user-guide doc_source/using-eni.md, archived)',
    gives: 'maximum network interfaces for t3, m5, c5, r5',
    confidence: 'A-old',
  },
  {
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html',
    page: 'DescribeInstanceTypes output (VCpuInfo, MemoryInfo, NetworkInfo.MaximumNetworkInterfaces) as quoted in public code and instance tables',
    gives: 'vCPU and memory of every type; network interfaces of t3a, t4g and m7i',
    confidence: 'C',
  },
];

const GiB = 1024;

type Size = readonly [size: string, vcpu: number, memoryGiB: number, maxEnis: number, trunkingEnis: number | undefined];

function family(
  name: string,
  architecture: 'x86_64' | 'arm64',
  sizes: readonly Size[],
): [string, Ec2InstanceType][] {
  return sizes.map(([size, vcpu, memoryGiB, maxEnis, trunkingEnis]) => {
    const t: Ec2InstanceType = { vcpu, memoryMiB: memoryGiB * GiB, maxEnis, architecture, family: name };
    if (trunkingEnis !== undefined) t.trunkingEnis = trunkingEnis;
    return [`${name}.${size}`, t];
  });
}

// Shapes shared by several families: [size, vCPU, memory GiB, max ENIs, trunking task limit].
const BURSTABLE: readonly Size[] = [
  ['medium', 2, 4, 3, undefined],
  ['large', 2, 8, 3, undefined],
  ['xlarge', 4, 16, 4, undefined],
  ['2xlarge', 8, 32, 4, undefined],
];
const GENERAL: readonly Size[] = [
  ['large', 2, 8, 3, 10],
  ['xlarge', 4, 16, 4, 20],
  ['2xlarge', 8, 32, 4, 40],
  ['4xlarge', 16, 64, 8, 60],
];
const GENERAL_GRAVITON: readonly Size[] = [['medium', 1, 4, 2, 4], ...GENERAL];
const COMPUTE: readonly Size[] = [
  ['large', 2, 4, 3, 10],
  ['xlarge', 4, 8, 4, 20],
  ['2xlarge', 8, 16, 4, 40],
  ['4xlarge', 16, 32, 8, 60],
];
const MEMORY: readonly Size[] = [
  ['large', 2, 16, 3, 10],
  ['xlarge', 4, 32, 4, 20],
  ['2xlarge', 8, 64, 4, 40],
];
const noTrunking = (sizes: readonly Size[]): Size[] => sizes.map(([s, v, m, e]) => [s, v, m, e, undefined]);

/** Instance types by name (e.g. `m5.large`), grouped by family in the order of the header. */
export const EC2_INSTANCE_TYPES: Readonly<Record<string, Readonly<Ec2InstanceType>>> = Object.freeze(
  Object.fromEntries(
    [
      ...family('t3', 'x86_64', BURSTABLE),
      ...family('t3a', 'x86_64', BURSTABLE),
      ...family('t4g', 'arm64', BURSTABLE.slice(0, 3)),
      ...family('m5', 'x86_64', GENERAL),
      ...family('m6i', 'x86_64', GENERAL),
      ...family('m6a', 'x86_64', GENERAL),
      ...family('m7i', 'x86_64', noTrunking(GENERAL)),
      ...family('m6g', 'arm64', GENERAL_GRAVITON),
      ...family('m7g', 'arm64', GENERAL_GRAVITON),
      ...family('c5', 'x86_64', COMPUTE),
      ...family('c6i', 'x86_64', COMPUTE),
      ...family('c6g', 'arm64', COMPUTE),
      ...family('c7g', 'arm64', COMPUTE),
      ...family('r5', 'x86_64', MEMORY),
      ...family('r6i', 'x86_64', MEMORY),
      ...family('r6g', 'arm64', MEMORY),
    ].map(([name, t]) => [name, Object.freeze(t)] as const),
  ),
);

/** Every known instance type name, in table order. */
export const EC2_INSTANCE_TYPE_NAMES: readonly string[] = Object.freeze(Object.keys(EC2_INSTANCE_TYPES));
