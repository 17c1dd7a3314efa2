import { describe, expect, it } from 'vitest';
import { compileClusterQuery, PlacementExpressionError } from '../../../../src/aws/ecs/placement';
import { FakeInstance } from './helpers';

const cluster = [
  new FakeInstance(0, 'us-east-1a', 4096, 16384, 10, 't3.micro', { team: 'web' }),
  new FakeInstance(1, 'us-east-1b', 4096, 16384, 10, 't3a.large'),
  new FakeInstance(2, 'us-east-1c', 4096, 16384, 10, 'm5.large', { team: 'batch', gpu: 'yes' }),
  new FakeInstance(3, 'us-east-1a', 4096, 16384, 10, 'c5.xlarge', { team: 'web' }),
];
cluster[3]!.taskCount = 5;
cluster[1]!.taskCount = 1;

/** Indexes of the instances the expression selects. */
const select = (expr: string) => cluster.filter(compileClusterQuery(expr)).map((i) => i.index);

describe('cluster query language (memberOf)', () => {
  it.each([
    ['attribute:ecs.instance-type == m5.large', [2]],
    ['attribute:ecs.instance-type equals m5.large', [2]],
    ['attribute:ecs.instance-type != m5.large', [0, 1, 3]],
    ['attribute:ecs.instance-type not_equals m5.large', [0, 1, 3]],
    ['attribute:ecs.instance-type == t3.*', [0]],
    ['attribute:ecs.instance-type == *.large', [1, 2]],
    ['attribute:ecs.instance-type =~ t3.*', [0, 1]],
    ['attribute:ecs.instance-type matches (t3|c5).*', [0, 1, 3]],
    ['attribute:ecs.instance-type !~ t3.*', [2, 3]],
    ['attribute:ecs.instance-type not_matches "[tm].*"', [3]],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1c]', [0, 2, 3]],
    ['attribute:ecs.availability-zone not_in [us-east-1a]', [1, 2]],
    ['attribute:ecs.availability-zone !in [us-east-1a,us-east-1b]', [2]],
    ['attribute:ecs.instance-type in [t3.*, c5.*]', [0, 3]],
    ['attribute:team exists', [0, 2, 3]],
    ['attribute:team !exists', [1]],
    ['attribute:team not_exists', [1]],
    ['attribute:team == web and attribute:ecs.availability-zone == us-east-1a', [0, 3]],
    ['attribute:team == web && attribute:ecs.instance-type =~ c5.*', [3]],
    ['attribute:gpu exists or attribute:ecs.instance-type == t3a.large', [1, 2]],
    ['attribute:gpu exists || attribute:team == web', [0, 2, 3]],
    ['not attribute:team exists', [1]],
    ['!(attribute:team == web)', [1, 2]],
    ['not(attribute:team == web or attribute:gpu exists)', [1]],
    // and binds tighter than or
    ['attribute:team == batch or attribute:team == web and attribute:ecs.instance-type == c5.xlarge', [2, 3]],
    ['(attribute:team == batch or attribute:team == web) and attribute:ecs.instance-type == c5.xlarge', [3]],
    ['(attribute:ecs.instance-type =~ (t3|m5).*) and attribute:team exists', [0, 2]],
    ["ec2InstanceId in ['i-0001', 'i-0003']", [0, 2]],
    ['ec2InstanceId == i-0004', [3]],
    ['runningTasksCount == 0', [0, 2]],
    ['runningTasksCount > 0', [1, 3]],
    ['runningTasksCount greater_than_equal 5', [3]],
    ['runningTasksCount less_than 2', [0, 1, 2]],
    ['runningTasksCount in [1, 5]', [1, 3]],
    ['  attribute:ecs.os-type == linux  ', [0, 1, 2, 3]],
  ])('%s', (expr, expected) => {
    expect(select(expr)).toEqual(expected);
  });

  it('treats a missing attribute as matching nothing, so != and not_in select it', () => {
    expect(select('attribute:gpu == yes')).toEqual([2]);
    expect(select('attribute:gpu != yes')).toEqual([0, 1, 3]);
    expect(select('attribute:gpu not_in [yes]')).toEqual([0, 1, 3]);
    expect(select('attribute:gpu =~ .*')).toEqual([2]);
  });

  it.each([
    ['', 0, /expected a subject/],
    ['attribute:ecs.instance-type', 27, /expected an operator/],
    ['attribute:ecs.instance-type ~= t3', 28, /unexpected|operator/],
    ['attribute:ecs.instance-type is t3', 28, /unknown operator 'is'/],
    ['attribute:ecs.instance-type ==', 30, /expected a value/],
    ['attribute: == x', 0, /unsupported subject 'attribute:'/],
    ['task:group == service:web', 0, /unsupported subject 'task:group'/],
    ['attribute:a == b and', 20, /expected a subject/],
    ['attribute:a == b c', 17, /unexpected 'c'/],
    ['(attribute:a == b', 17, /expected '\)' to close the '\(' at position 0/],
    ['attribute:a == b)', 16, /unexpected '\)'/],
    ['attribute:a in us-east-1a', 15, /expected '\['/],
    ['attribute:a in [x y]', 18, /expected ',' or '\]'/],
    ['attribute:a in [x,', 18, /expected a value/],
    ["attribute:a == 'open", 15, /unterminated/],
    ['attribute:a =~ t3(', 15, /invalid pattern/],
    ['attribute:a > 3', 12, /applies only to runningTasksCount/],
    ['runningTasksCount == many', 21, /expected a number/],
    ['runningTasksCount exists', 18, /does not apply to runningTasksCount/],
  ])('rejects %j at position %i', (expr, position, message) => {
    let err: unknown;
    try {
      compileClusterQuery(expr);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlacementExpressionError);
    const e = err as PlacementExpressionError;
    expect(e.position).toBe(position);
    expect(e.detail).toMatch(message);
    expect(e.message).toContain(`at position ${position}`);
  });

  it('points at the fault with a caret under the expression', () => {
    expect(() => compileClusterQuery('attribute:a == b c')).toThrow(
      "unexpected 'c' at position 17 in cluster query:\n  attribute:a == b c\n                   ^",
    );
  });
});
