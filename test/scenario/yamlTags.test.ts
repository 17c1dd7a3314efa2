/** biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates, not JS templates. */
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml } from '../../src/scenario/yamlTags';

function js(text: string): unknown {
  const { doc, problems } = parseScenarioYaml(text);
  expect(problems).toEqual([]);
  return doc.toJS();
}

describe('CloudFormation short tags', () => {
  it('reads !Ref as { Ref }', () => {
    expect(js('a: !Ref Web')).toEqual({ a: { Ref: 'Web' } });
  });

  it('reads !GetAtt A.B and !GetAtt [A, B] the same', () => {
    expect(js('a: !GetAtt Web.Arn\nb: !GetAtt [Web, Arn]')).toEqual({
      a: { 'Fn::GetAtt': ['Web', 'Arn'] },
      b: { 'Fn::GetAtt': ['Web', 'Arn'] },
    });
  });

  it('splits !GetAtt at the first dot only', () => {
    expect(js('a: !GetAtt Db.Endpoint.Address')).toEqual({ a: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] } });
  });

  it('reads !Sub as a scalar and as [template, vars]', () => {
    expect(js('a: !Sub "${AWS::Region}-x"\nb: !Sub ["${X}", { X: !Ref P }]')).toEqual({
      a: { 'Fn::Sub': '${AWS::Region}-x' },
      b: { 'Fn::Sub': ['${X}', { X: { Ref: 'P' } }] },
    });
  });

  it('nests tags inside sequences', () => {
    expect(js('a: !Join ["-", [!Ref A, !Select [0, !GetAZs ""]]]')).toEqual({
      a: { 'Fn::Join': ['-', [{ Ref: 'A' }, { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }]] },
    });
  });

  it('reads every condition and function tag as its long form', () => {
    const text = [
      'If: !If [C, 1, 2]',
      'Equals: !Equals [a, b]',
      'And: !And [!Condition A, !Condition B]',
      'Or: !Or [!Condition A, !Condition B]',
      'Not: !Not [!Condition A]',
      'Split: !Split [",", "a,b"]',
      'FindInMap: !FindInMap [M, K, V]',
      'Base64: !Base64 hello',
      'ImportValue: !ImportValue shared-vpc',
      'Cidr: !Cidr ["10.0.0.0/16", 2, 8]',
    ].join('\n');
    expect(js(text)).toEqual({
      If: { 'Fn::If': ['C', 1, 2] },
      Equals: { 'Fn::Equals': ['a', 'b'] },
      And: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
      Or: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
      Not: { 'Fn::Not': [{ Condition: 'A' }] },
      Split: { 'Fn::Split': [',', 'a,b'] },
      FindInMap: { 'Fn::FindInMap': ['M', 'K', 'V'] },
      Base64: { 'Fn::Base64': 'hello' },
      ImportValue: { 'Fn::ImportValue': 'shared-vpc' },
      Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] },
    });
  });

  it('reads the long forms unchanged', () => {
    expect(js('a: { "Fn::GetAtt": [Web, Arn] }\nb: { Ref: Web }')).toEqual({
      a: { 'Fn::GetAtt': ['Web', 'Arn'] },
      b: { Ref: 'Web' },
    });
  });

  it('reports an unknown tag with its offset', () => {
    const { problems } = parseScenarioYaml('a: 1\nb: !Reff X\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.offset).toBe(8);
    expect(problems[0]!.message).toContain('!Reff');
  });
});
