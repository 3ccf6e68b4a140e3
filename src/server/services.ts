import type { Builders } from '../tracker/setup';

/** What the handlers need from Apps Script, in one place: production passes the real services. */
export interface Services {
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  builders(): Builders;
  lock(): GoogleAppsScript.Lock.Lock;
  /** The user's email when Apps Script can tell it, else "". */
  user(): string;
  now(): Date;
  /** Applies pending writes, so the next execution reads them (Lock.releaseLock asks for it). */
  flush(): void;
}

export const appsScript: Services = {
  spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
  builders: () => SpreadsheetApp,
  lock: () => LockService.getDocumentLock(),
  user: () => {
    try {
      return Session.getActiveUser().getEmail();
    } catch {
      return '';
    }
  },
  now: () => new Date(),
  flush: () => SpreadsheetApp.flush(),
};
