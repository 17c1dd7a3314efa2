/**
 * The ECS resource types the simulator models, as CloudFormation writes them: zod schemas for
 * their `Properties` (normalized: task Cpu in CPU units, Memory in MiB, CloudFormation's
 * defaults filled in) and their simulator-only knobs under `Metadata.clustersim`, the exported
 * output types model code casts `ResourceModel.Properties` to, how a service gets its capacity
 * (`serviceCapacity`), and the checks that span resources (Fargate task sizes, capacity providers
 * and their clusters, load balancers). Properties the model does not use pass through.
 *
 * One file per resource holds its schemas; this module gathers them for the scenario layer.
 */
export {
  ECS_CAPACITY_PROVIDER,
  ECS_CLUSTER_CAPACITY_PROVIDER_ASSOCIATIONS,
  CapacityProviderPropertiesSchema,
  ClusterCapacityProviderAssociationsPropertiesSchema,
  type EcsCapacityProviderProperties,
  type EcsClusterCapacityProviderAssociationsProperties,
  type EcsManagedScaling,
  ManagedScalingSchema,
} from './capacityProviderSchema';
export {
  CapacityProviderStrategyItemSchema,
  CapacityProviderStrategySchema,
  type EcsCapacityProviderStrategyItem,
  FARGATE_CAPACITY_PROVIDERS,
} from './capacityProviderStrategySchema';
export { checkEcsResources } from './checkEcsResources';
export { ClusterPropertiesSchema, ClusterSimSchema, DEFAULT_CLUSTER_NAME, ECS_CLUSTER, type EcsClusterProperties, type EcsClusterSim } from './clusterSchema';
export {
  type ClusterCapacity,
  capacityProviderAsg,
  capacityProviderId,
  clusterCapacity,
  isFargateCapacity,
  type ServiceCapacity,
  serviceCapacity,
  serviceClusterId,
} from './serviceCapacity';
export {
  ECS_SERVICE,
  type EcsPlacementConstraint,
  type EcsPlacementStrategy,
  type EcsServiceLoadBalancer,
  type EcsServiceProperties,
  type EcsServiceSim,
  isFargateService,
  LAUNCH_TYPES,
  PlacementConstraintSchema,
  PlacementStrategySchema,
  ServiceLoadBalancerSchema,
  ServicePropertiesSchema,
  ServiceSimSchema,
} from './serviceSchema';
export {
  containerTotals,
  ContainerDefinitionSchema,
  ECS_TASK_DEFINITION,
  type EcsContainerDefinition,
  type EcsTaskDefinitionProperties,
  type EcsTaskDefinitionSim,
  OPERATING_SYSTEM_FAMILIES,
  TaskDefinitionPropertiesSchema,
  TaskDefinitionSimSchema,
} from './taskDefinitionSchema';
export { fargateTaskIssues } from './taskSizeChecks';
export { TaskCpuSchema, TaskMemorySchema } from './taskSizeSchema';
