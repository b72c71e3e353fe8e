/** An outside system failed in a way worth retrying (a flaky link, a busy system): the activity tries again. */
export class TransientOutsideError extends Error {
  constructor(
    readonly system: string,
    readonly operation: string,
  ) {
    super(`${system} ${operation} failed: simulated transient error`);
    this.name = 'TransientOutsideError';
  }
}
