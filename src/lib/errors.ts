/**
 * A mistake the user can fix (bad input, unknown id, missing file). The CLI prints its message as
 * one line and exits 1; anything else is a bug and keeps its stack.
 */
export class SopkitError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SopkitError';
    this.code = code;
  }
}

/** True for errors meant for the user rather than for a developer. */
export function isUserError(error: unknown): error is SopkitError {
  return error instanceof SopkitError;
}
