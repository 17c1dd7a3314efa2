export { AuroraMeter, type AuroraMeterState, type AuroraUsage, emptyAuroraUsage, MS_PER_HOUR } from './AuroraMeter';
export { type AuroraBillingInput, auroraLineItems, HOURS_PER_MONTH, provisionedBilledSeconds, V1_ACU_HOUR_USD_UNVERIFIED } from './auroraPricing';
export { buildDatabases, databaseConfig } from './buildDatabases';
export {
  type AuroraEngine,
  ceilHalf,
  CONNECTIONS_PER_ACU,
  DB_INSTANCE_CLASSES,
  defaultMaxConnections,
  floorHalf,
  GIB_PER_ACU,
  isHalfStep,
  MAX_V2_ACU,
  SERVERLESS_CLASS,
  V1_CAPACITY_POINTS,
} from './capacity';
export {
  type DatabaseConfig,
  type DatabaseCounters,
  DatabaseModel,
  type DatabaseState,
  ENDPOINT_READER,
  ENDPOINT_WRITER,
  type Endpoint,
  type InstanceConfig,
  type InstanceRole,
  type InstanceRuntime,
  type QueryResult,
} from './DatabaseModel';
export { databaseReport, databaseSeries } from './databaseReport';
export { DbWork } from './DbWork';
export { IS, type InstanceEvent, type InstanceState, instanceLifecycle, instanceMachine } from './instanceLifecycle';
export {
  AURORA_ENGINES,
  AURORA_LIMITS,
  AURORA_STORAGE_TYPES,
  checkRdsResources,
  DB_CLUSTER,
  DB_INSTANCE,
  DB_INSTANCE_CLASS_NAMES,
  type DBClusterProperties,
  DBClusterPropertiesSchema,
  type DBClusterSim,
  DBClusterSimSchema,
  type DBInstanceProperties,
  DBInstancePropertiesSchema,
  DBInstanceSimSchema,
  instancesOf,
} from './schema';
