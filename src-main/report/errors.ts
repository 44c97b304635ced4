/** A report request that cannot be answered as asked (bad zone, date, platform or section). */
export class ReportInputError extends Error {
  constructor(message: string) {
    // One line, whatever the caller passed in: the command line prints it as is.
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'ReportInputError';
  }
}
