import type { HandlerName, Result } from '../src/shared/contract';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [handler: string]: unknown;
}
declare const google: { script: { run: Runner } };

/**
 * Calls a server handler through google.script.run. Requests are plain JSON (dates as ISO strings);
 * a refusal comes back as a Result with the server's message; a transport failure becomes one too.
 */
export function call<T>(handler: HandlerName, request?: unknown): Promise<Result<T>> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Result<T>))
      .withFailureHandler((error) => resolve({ ok: false, error: error?.message || 'The add-on could not be reached; try again.' }));
    (runner[handler] as (r?: unknown) => void)(request === undefined ? undefined : JSON.parse(JSON.stringify(request)));
  });
}
