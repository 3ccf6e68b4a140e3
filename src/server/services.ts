import type { Builders } from '../tracker/setup';
import { ClientFiles } from './clients/files';

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
  /** Shows a page in a modal dialog over the spreadsheet (the script.container.ui scope it already has). */
  showDialog(html: string, title: string): void;
  /** The client files, through the Advanced Sheets and Drive services; undefined when they are not enabled. */
  clientFiles(): ClientFiles | undefined;
}

/** A printable document's dialog: wide enough for an A4 page at screen size. */
const DIALOG = { width: 900, height: 640 };

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
  showDialog: (html, title) =>
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(DIALOG.width).setHeight(DIALOG.height), title),
  clientFiles: () =>
    typeof Sheets !== 'undefined' && Sheets && typeof Drive !== 'undefined' && Drive ? new ClientFiles(Sheets, Drive) : undefined,
};
