/** A failure that stops the run (exit 1), with a Vietnamese message. */
export class RunError extends Error {}
