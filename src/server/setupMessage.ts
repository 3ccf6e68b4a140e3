import type { Result, SetupResult } from '../shared/contract';

/** The setup report in a sentence or two for the alert. */
export function setupMessage(result: Result<SetupResult>): string {
  if (!result.ok) return result.error;
  const report = result.data;
  if (!report.ok) return `Nothing was changed:\n${report.problems.join('\n')}`;
  const lines: string[] = [];
  if (report.created.length) lines.push(`Created: ${report.created.join(', ')}.`);
  for (const [sheet, columns] of Object.entries(report.columnsAdded)) lines.push(`Added to ${sheet}: ${columns.join(', ')}.`);
  if (report.settingsAdded.length) lines.push(`New settings: ${report.settingsAdded.join(', ')}.`);
  return lines.length ? lines.join('\n') : 'The case tracker is already set up; nothing needed changing.';
}
