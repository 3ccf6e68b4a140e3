import type { CaseSummary, CaseView, Result } from '../../src/shared/contract';
import { loadBundle } from '../../fakes/runtime';
import type { LoadedBundle } from '../../fakes/runtime';

/** The bundle's sidebar handlers, called as google.script.run would, with results unwrapped. */
export class Desk {
  constructor(readonly bundle: LoadedBundle = loadBundle()) {}
  raw<T = unknown>(handler: string, request?: unknown): Result<T> {
    const result = this.bundle.call<Result<T>>(handler, request);
    // What crosses google.script.run must survive JSON: no Dates, functions or undefined holes.
    expectPlainJson(result);
    return result;
  }
  ok<T = CaseSummary>(handler: string, request?: unknown): T {
    const result = this.raw<T>(handler, request);
    if (!result.ok) throw new Error(`${handler} refused: ${result.error}`);
    return result.data;
  }
  /**
   * A refusal, checked to leave the workbook exactly as it was: every value, formula and number
   * format of every sheet, and each sheet's size.
   */
  refused(handler: string, request?: unknown): string {
    const before = JSON.stringify(this.bundle.spreadsheet.snapshot());
    const result = this.raw(handler, request);
    if (result.ok) throw new Error(`${handler} was expected to refuse but succeeded`);
    const after = JSON.stringify(this.bundle.spreadsheet.snapshot());
    if (after !== before) throw new Error(`${handler} refused ("${result.error}") but changed the workbook`);
    return result.error;
  }
  view(caseId: string): CaseView {
    return this.ok<CaseView>('rdGetCase', { caseId });
  }
  sheet(name: string) {
    return this.bundle.spreadsheet.sheet(name);
  }
}

function expectPlainJson(value: unknown, path = 'result'): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Array]') return (value as unknown[]).forEach((v, i) => expectPlainJson(v, `${path}[${i}]`));
  if (tag !== '[object Object]') throw new Error(`${path} is ${tag}: not plain JSON, so google.script.run cannot carry it`);
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined) continue;
    expectPlainJson(v, `${path}.${k}`);
  }
}
