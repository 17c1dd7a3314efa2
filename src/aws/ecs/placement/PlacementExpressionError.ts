/**
 * The error for a placement rule the simulator cannot use: a cluster query expression that does
 * not parse, or a strategy or constraint it does not know.
 */
export class PlacementExpressionError extends Error {
  /**
   * @param detail     what is wrong, without the position
   * @param expression the text at fault (the whole expression, or the rule as written)
   * @param position   0-based character offset of the fault in `expression`; -1 when not positional
   */
  constructor(
    readonly detail: string,
    readonly expression: string,
    readonly position: number,
  ) {
    super(
      position < 0
        ? `${detail}: ${expression}`
        : `${detail} at position ${position} in cluster query:\n  ${expression}\n  ${' '.repeat(position)}^`,
    );
    this.name = 'PlacementExpressionError';
  }
}
