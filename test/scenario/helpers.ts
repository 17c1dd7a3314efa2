import { type LoadOptions, loadScenarioText, type Scenario, ScenarioError, type ScenarioIssue } from '../../src/scenario';

/** A minimal valid Fargate web service; tests splice their own text into it. */
export const WEB = `Name: web
Duration: 1h
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: 512
      Memory: 1024
  WebService:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      LaunchType: FARGATE
      TaskDefinition: !Ref WebTask
Workload:
  - Name: api
    Target: WebService
    Arrivals: { Pattern: constant, Rate: 10 }
    Work:
      CpuMs: { Dist: exponential, Mean: 20 }
`;

export function load(text: string, opts: LoadOptions = {}): Scenario {
  return loadScenarioText(text, 'scenario.yaml', opts);
}

/** The issues loading `text` reports; fails the test when it loads. */
export function issuesOf(text: string, opts: LoadOptions = {}): ScenarioIssue[] {
  try {
    loadScenarioText(text, 'scenario.yaml', opts);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

/** `line:column path: message` of each issue, for compact assertions. */
export function brief(issues: ScenarioIssue[]): string[] {
  return issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
}
