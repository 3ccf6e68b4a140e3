/**
 * A problem with what the user supplied. Its message is written for the user and names no code;
 * formula wrappers prefix the function name, sidebar handlers show it as it is.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
