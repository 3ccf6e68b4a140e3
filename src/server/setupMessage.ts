import type { Result, SetupResult } from '../shared/contract';

/**
 * An installed add-on's formulas work in a spreadsheet once the add-on is enabled there, which
 * using any of its menu items does: say so, since a #NAME? before then looks like a fault.
 */
export const FORMULAS_ENABLED =
  'Rework Desk is now enabled in this spreadsheet, so its formulas (=AQL_SAMPLE, =REWORK_COST, …) work here. In another spreadsheet, use any Rework Desk menu item once, or Extensions → Add-ons → Manage add-ons → Use in this document.';

/** The setup report in a sentence or two for the alert. */
export function setupMessage(result: Result<SetupResult>): string {
  if (!result.ok) return result.error;
  const report = result.data;
  if (!report.ok) return `Nothing was changed:\n${report.problems.join('\n')}`;
  const lines: string[] = [];
  if (report.created.length) lines.push(`Created: ${report.created.join(', ')}.`);
  for (const [sheet, columns] of Object.entries(report.columnsAdded)) lines.push(`Added to ${sheet}: ${columns.join(', ')}.`);
  if (report.settingsAdded.length) lines.push(`New settings: ${report.settingsAdded.join(', ')}.`);
  const done = lines.length ? lines.join('\n') : 'The case tracker is already set up; nothing needed changing.';
  return `${done}\n\n${FORMULAS_ENABLED}`;
}
