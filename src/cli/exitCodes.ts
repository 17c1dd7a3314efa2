/** Process exit codes of the CLI. */
export const ExitCode = {
  Ok: 0,
  /** Bad arguments, unreadable file, or a failure while running. */
  Usage: 1,
  /** The scenario file is invalid. */
  InvalidScenario: 2,
} as const;
