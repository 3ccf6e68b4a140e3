import type { CaseSummary, Result } from '../shared/contract';
import { escapeHtml } from './help';

/** The case desk: every case with where it stands and what it needs next. */
export function caseDeskHtml(cases: Result<CaseSummary[]>): string {
  const body = !cases.ok
    ? `<p class="error">${escapeHtml(cases.error)}</p>`
    : cases.data.length === 0
      ? '<p>No cases yet.</p>'
      : cases.data
          .map(
            (c) =>
              `<section class="case${c.holdOverdue ? ' overdue' : ''}"><h2>${escapeHtml(c.id)} · ${escapeHtml(c.statusLabel)}</h2>` +
              `<p>${escapeHtml(c.factory)} — ${escapeHtml(c.style)}, ${c.lotSize} units</p>` +
              `<p class="next">Next: ${escapeHtml(c.nextStep)}</p>${c.holdOverdue ? '<p class="warn">Hold notice overdue</p>' : ''}</section>`,
          )
          .join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;color:#202124;margin:12px}h2{font-size:13px;margin:0 0 4px}' +
    '.case{border-bottom:1px solid #dadce0;padding:8px 0}.next{color:#1a73e8}.warn,.error{color:#d93025}p{margin:2px 0}' +
    '</style></head><body>' +
    body +
    '</body></html>'
  );
}
