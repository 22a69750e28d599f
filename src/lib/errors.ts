/**
 * Errors that reach the user as a message, never a stack trace. Exit codes follow the CLI
 * contract: 1 for a data or config problem, 2 for wrong usage.
 */
export class ReviewError extends Error {
  readonly exitCode: number;
  /** Every problem found, one line each; printed together so a user fixes them in one pass. */
  readonly problems: string[];
  constructor(message: string, problems: string[] = [], exitCode = 1) {
    super(message);
    this.name = 'ReviewError';
    this.exitCode = exitCode;
    this.problems = problems;
  }
}

export class UsageError extends ReviewError {
  constructor(message: string) {
    super(message, [], 2);
    this.name = 'UsageError';
  }
}

/** How the command line prints an error: `error: message`, then each problem indented. */
export function errorLines(e: ReviewError): string[] {
  return [`error: ${e.message}`, ...e.problems.map((p) => `  ${p}`)];
}
