/**
 * The shape of a region's prices: groups of rates (Fargate, EC2, Lambda, Aurora, ALB, SQS, API
 * Gateway), each group
 * dated (`asOf`) and sourced, each rate tagged with the confidence of its source. Rates are in
 * USD per one unit as the source publishes it (per second, per hour, per request, per GB-month).
 * "GB" in AWS compute pricing is GiB (1024³ bytes); units here say GiB where the source means it.
 */

/**
 * How far a price can be trusted, as tagged in reference/aws-facts.md:
 * `A` read on an official AWS page; `A-old` official but from an archived copy;
 * `B` AWS-authored but secondary (blog, AWS-owned repo, Price List data quoted elsewhere);
 * `C` third-party only, unverified.
 */
export type Confidence = 'A' | 'A-old' | 'B' | 'C';

/** Where a price was read. */
export interface PriceSource {
  url: string;
  /** Which page or document, and which part of it. */
  page: string;
}

/** One flat rate. */
export interface Rate {
  /** USD per one `unit`. */
  usd: number;
  /** What one unit is, e.g. `vCPU-second`, `GiB-second`, `request`, `instance-hour`, `ACU-hour`. */
  unit: string;
  confidence: Confidence;
  /** Fact numbers in reference/aws-facts.md, e.g. `49`; empty when the price is not there (its source then says where it was read). */
  facts: string;
  /** Set when this rate comes from another source than its group's. */
  source?: PriceSource;
  note?: string;
}

/** One tier of a tiered rate: applies to monthly usage up to `upToPerMonth` units (cumulative). */
export interface RateTier {
  /** Cumulative monthly usage, in the rate's unit, at which this tier ends; `null` for the last tier. */
  upToPerMonth: number | null;
  /** USD per unit within this tier. */
  usd: number;
}

/** A rate whose price falls as monthly usage grows (Lambda duration). */
export interface TieredRate {
  unit: string;
  /** In ascending order of `upToPerMonth`, the last one open-ended. */
  tiers: RateTier[];
  confidence: Confidence;
  facts: string;
  source?: PriceSource;
  note?: string;
}

/** What every price group carries. */
export interface PriceGroup {
  /** ISO date (YYYY-MM-DD) the prices were read from the source, or the source's own date when it states one. */
  asOf: string;
  source: PriceSource;
}

/** AWS Fargate (ECS), per second of task run time (from image pull start to termination). */
export interface FargatePrices extends PriceGroup {
  linuxX86: { vcpuSecond: Rate; gibSecond: Rate };
  linuxArm: { vcpuSecond: Rate; gibSecond: Rate };
  /** Windows bills compute, an OS licence per vCPU, and memory. */
  windowsX86: { vcpuSecond: Rate; osLicenseVcpuSecond: Rate; gibSecond: Rate };
  /** Ephemeral storage configured above `freeEphemeralStorageGiB`, per GiB-second. */
  ephemeralStorageGibSecond: Rate;
  /** Ephemeral storage per task that is not charged, GiB. */
  freeEphemeralStorageGiB: number;
  /** Shortest billed task duration, seconds (then per second, rounded up). */
  minimumBilledSeconds: { linux: number; windows: number };
}

/** One EC2 instance type's On-Demand Linux price. */
export interface Ec2InstancePrice {
  vcpu: number;
  memoryGiB: number;
  architecture: 'x86_64' | 'arm64';
  hourly: Rate;
}

/** Amazon EC2 On-Demand, Linux. Listed per hour, billed per second. */
export interface Ec2Prices extends PriceGroup {
  /** Keyed by instance type, e.g. `m5.large`. */
  onDemandLinux: Record<string, Ec2InstancePrice>;
  /** Shortest billed instance run, seconds (then per second). */
  minimumBilledSeconds: number;
}

/** AWS Lambda (on-demand functions, provisioned concurrency, ephemeral storage). */
export interface LambdaPrices extends PriceGroup {
  /** Per invocation request (x86 and Arm alike). */
  request: Rate;
  /** Duration per GiB-second (memory MB / 1024 × billed seconds), tiered by monthly usage. */
  durationX86: TieredRate;
  durationArm: TieredRate;
  /** Provisioned concurrency: per GiB-second configured, and per GiB-second executed on it. */
  provisionedX86: { configuredGibSecond: Rate; executedGibSecond: Rate };
  provisionedArm: { configuredGibSecond: Rate; executedGibSecond: Rate };
  /** Ephemeral storage above `freeEphemeralStorageMiB`, per GiB-second. */
  ephemeralStorageGibSecond: Rate;
  freeEphemeralStorageMiB: number;
  /** Perpetual monthly free tier, shared by x86 and Arm; not for provisioned concurrency. */
  freeTierPerMonth: { requests: number; gibSeconds: number };
  /** Duration is rounded up to this many ms. */
  durationRoundingMs: number;
  /** Provisioned concurrency is billed from enable to disable rounded up to this many seconds. */
  provisionedRoundingSeconds: number;
  /**
   * Asynchronous invocations: the first `includedKiB` of an event is one request; each further
   * `chunkKiB` (or part) is one more, up to the largest async payload, `maxKiB`.
   */
  asyncPayload: { includedKiB: number; chunkKiB: number; maxKiB: number };
}

/** Amazon Aurora Serverless v2 capacity, storage and I/O. Billed per second. */
export interface AuroraPrices extends PriceGroup {
  standardAcuHour: Rate;
  ioOptimizedAcuHour: Rate;
  standardStorageGbMonth: Rate;
  ioOptimizedStorageGbMonth: Rate;
  /** Per I/O request; Aurora Standard only (I/O-Optimized has no I/O charge). */
  standardIoRequest: Rate;
  /**
   * Provisioned Aurora DB instances (the what-if alternative to `db.serverless`), Aurora
   * Standard, Single-AZ On-Demand, per instance-hour; keyed by DB instance class, e.g.
   * `db.r6g.large`. Billed per second with a `minimumBilledSeconds` minimum.
   */
  provisionedInstanceHour: Record<string, Rate>;
  /** I/O-Optimized compute (ACUs and provisioned instances) costs this many times the Standard rate. */
  ioOptimizedComputeMultiplier: number;
  /** Shortest billed run of a provisioned DB instance, seconds (then per second). */
  minimumBilledSeconds: number;
}

/**
 * What one Application Load Balancer capacity unit (LCU) holds, per AWS's definition. An hour's
 * LCUs are the largest of the four dimensions' usage divided by these amounts.
 */
export interface AlbLcuDefinition {
  /** New connections (or TLS sessions) per second, averaged over the hour. */
  newConnectionsPerSecond: number;
  /** Active (concurrent) connections, sampled per minute, averaged over the hour. */
  activeConnectionsPerMinute: number;
  /** Bytes processed (requests and responses), GiB per hour, with EC2 instances, containers or IP addresses as targets. */
  processedGiBPerHourEc2Targets: number;
  /** The same with Lambda functions as targets. */
  processedGiBPerHourLambdaTargets: number;
  /** Rule evaluations per second (request rate × rules processed beyond the free ones). */
  ruleEvaluationsPerSecond: number;
  /** Rules processed per request that are not counted as rule evaluations. */
  freeRulesPerRequest: number;
}

/** Elastic Load Balancing, Application Load Balancer. Each hour or partial hour is billed. */
export interface AlbPrices extends PriceGroup {
  /** Per load balancer, per hour or partial hour it exists. */
  albHour: Rate;
  /** Per LCU consumed in an hour (or partial hour). */
  lcuHour: Rate;
  lcu: AlbLcuDefinition;
}

/** Amazon SQS requests (every API action is a request). */
export interface SqsPrices extends PriceGroup {
  /** Per request to a standard queue. */
  standardRequest: Rate;
  /** Per request to a FIFO queue. */
  fifoRequest: Rate;
  /** Requests per month free under the AWS Free Tier, standard and FIFO together. */
  freeTierRequestsPerMonth: number;
  /** Each chunk of this many KiB of a request's payload (or part) is billed as one request. */
  requestChunkKiB: number;
}

/** Amazon API Gateway API calls (HTTP APIs and REST APIs), tiered by monthly calls. */
export interface ApiGatewayPrices extends PriceGroup {
  /** HTTP API (API Gateway v2), per request. */
  httpApiRequest: TieredRate;
  /** REST API (API Gateway v1), per request. */
  restApiRequest: TieredRate;
  /** HTTP API calls are metered in increments of this many KiB (a larger call counts as several). */
  httpApiMeteringKiB: number;
}

/** All prices for one region, in USD. */
export interface PriceTable {
  region: string;
  currency: 'USD';
  fargate: FargatePrices;
  ec2: Ec2Prices;
  lambda: LambdaPrices;
  aurora: AuroraPrices;
  alb: AlbPrices;
  sqs: SqsPrices;
  apiGateway: ApiGatewayPrices;
}
