import { describe, expect, it } from 'vitest';
import { apiFunction, apiFunctions, apiInvocations, implicitApis } from '../../src/aws/apigateway/schema';
import { brief, edit, issuesOf, LAMBDA, load } from './helpers';

const withResources = (yaml: string, text = LAMBDA) => edit(text, 'Workload:\n', `${yaml}Workload:\n`);
const target = (to: string, text: string) => edit(text, 'Target: ServerlessHttpApi', `Target: ${to}`);

const HTTP = `  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: http
      ProtocolType: HTTP
  HttpIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Http
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Worker.Arn
  HttpStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Http
      StageName: $default
      DefaultRouteSettings: { ThrottlingBurstLimit: 500, ThrottlingRateLimit: '1000' }
`;

const REST = `  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: rest }
  RestMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Rest
      HttpMethod: GET
      Integration:
        Type: AWS_PROXY
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Worker.Arn}/invocations
  RestStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Rest
      StageName: prod
      MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }]
`;

describe('API Gateway in front of Lambda', () => {
  it('finds the function behind the implicit SAM HTTP API, through its alias', () => {
    const s = load(LAMBDA);
    expect(implicitApis(s)).toEqual({ ServerlessHttpApi: 'AWS::Serverless::HttpApi' });
    expect(apiInvocations(s, 'ServerlessHttpApi')).toEqual([{ FunctionId: 'Orders', Qualifier: 'live', ProvisionedConcurrentExecutions: 5 }]);
    expect(apiFunction(s, 'ServerlessHttpApi')).toBe('Orders');
  });

  it('creates ServerlessRestApi for Api events that name no API', () => {
    const text = edit(LAMBDA, 'Type: HttpApi', 'Type: Api');
    const s = load(target('ServerlessRestApi', text));
    expect(implicitApis(s)).toEqual({ ServerlessRestApi: 'AWS::Serverless::Api' });
    expect(s.Workload[0]!.Target).toBe('ServerlessRestApi');
    expect(brief(issuesOf(target('ServerlessRestApi', edit(text, '{ Path: /orders, Method: get }', '{ Path: /orders }'))))).toEqual([
      '23:23 Resources.Orders.Properties.Events.Get.Properties.Method: required: the HTTP method, e.g. get or any',
    ]);
  });

  it('follows an HTTP API integration and validates its stage throttling', () => {
    const s = load(target('Http', withResources(HTTP)));
    expect(apiFunction(s, 'Http')).toBe('Worker');
    expect(s.Workload[0]!.Target).toBe('Http');
    expect(s.Resources.HttpStage!.Properties.DefaultRouteSettings).toEqual({ ThrottlingBurstLimit: 500, ThrottlingRateLimit: 1000 });
    expect(brief(issuesOf(edit(withResources(HTTP), 'ThrottlingBurstLimit: 500', 'ThrottlingBurstLimit: -1')))).toEqual([
      '69:53 Resources.HttpStage.Properties.DefaultRouteSettings.ThrottlingBurstLimit: must be ≥ 0 requests, got -1',
    ]);
  });

  it('follows a quick-create Target', () => {
    const quick = withResources('  Quick:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: { ProtocolType: HTTP, Target: !GetAtt Worker.Arn }\n');
    expect(apiFunction(load(quick), 'Quick')).toBe('Worker');
  });

  it('follows a REST API method integration URI to the function', () => {
    const s = load(target('Rest', withResources(REST)));
    expect(apiFunctions(s, 'Rest')).toEqual(['Worker']);
    expect(s.Resources.RestStage!.Properties.MethodSettings).toEqual([{ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }]);
  });

  it('routes SAM events that name an explicit API to it', () => {
    const text = withResources('  Shop:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      DefaultRouteSettings: { ThrottlingRateLimit: 50 }\n', edit(LAMBDA, '{ Path: /orders, Method: get }', '{ ApiId: !Ref Shop, Path: /orders, Method: get }'));
    const s = load(target('Shop', text));
    expect(implicitApis(s)).toEqual({});
    expect(apiFunction(s, 'Shop')).toBe('Orders');
    expect(brief(issuesOf(target('Shop', edit(text, 'ApiId: !Ref Shop', 'ApiId: Mall'))))).toEqual([
      '23:32 Resources.Orders.Properties.Events.Get.Properties.ApiId: "Mall" is not an HTTP API in this scenario; AWS::Serverless::HttpApi or AWS::ApiGatewayV2::Api: Shop',
      '59:13 Workload[0].Target: API Shop invokes no Lambda function: give it a Target, an AWS_PROXY integration to a function, or a function an HttpApi/Api event naming it',
    ]);
  });

  it('rejects an API target that reaches several functions, or a WebSocket API', () => {
    const two = withResources(
      `${HTTP}  Second:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties: { ApiId: !Ref Http, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Orders.Arn }\n`,
    );
    expect(brief(issuesOf(target('Http', two)))).toEqual([
      '75:13 Workload[0].Target: API Http routes to several functions (Worker, Orders); the simulator does not model routes: target one of them instead',
    ]);
    expect(brief(issuesOf(target('Http', edit(withResources(HTTP), 'ProtocolType: HTTP', 'ProtocolType: WEBSOCKET'))))).toEqual([
      '72:13 Workload[0].Target: Http is a WebSocket API, which is not modelled; target an HTTP or REST API',
    ]);
  });

  it('requires integrations and stages to name an API of the scenario', () => {
    expect(brief(issuesOf(edit(withResources(HTTP), '      ApiId: !Ref Http\n      IntegrationType', '      ApiId: other\n      IntegrationType')))).toEqual([
      '61:14 Resources.HttpIntegration.Properties.ApiId: "other" is not an HTTP API in this scenario; AWS::ApiGatewayV2::Api: Http',
    ]);
    expect(brief(issuesOf(edit(withResources(REST), '      RestApiId: !Ref Rest\n      StageName', '      RestApiId: other\n      StageName')))).toEqual([
      '67:18 Resources.RestStage.Properties.RestApiId: "other" is not a REST API in this scenario; AWS::ApiGateway::RestApi: Rest',
    ]);
  });
});
