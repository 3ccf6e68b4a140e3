import type { FakeGoogleApis } from '../../fakes/advanced';

/** A client file as the preview's GET /client-files (and the fake's list()) gives it. */
export type ClientFile = ReturnType<FakeGoogleApis['list']>[number];
export type ViewRow = Record<string, string | number | boolean>;

/** A case's row in a client file, by the view's header; undefined when the file does not hold it. */
export function caseRow(file: ClientFile, caseId: string): ViewRow | undefined {
  const rows = file.sheets[0].rows;
  const header = rows.find((r) => r[0] === 'Case')!;
  const row = rows.find((r) => r[0] === caseId);
  return row && Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? '']));
}
