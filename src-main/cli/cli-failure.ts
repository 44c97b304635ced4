/** A command that cannot do what it was asked: one line for stderr, exit code 1. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}
