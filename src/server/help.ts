import { FORMULAS_ENABLED } from './setupMessage';
import { DEFAULT_AQL_MAJOR, DEFAULT_AQL_MINOR, DEFAULT_LEVEL, DEFAULT_SEVERITY, aqlLabel } from '../core/sampling/vocabulary';

/** What the build reads from each custom function's JSDoc in main.ts (scripts/build.mjs). */
export interface FormulaDoc {
  name: string;
  summary: string;
  params: Array<{ name: string; optional: boolean; description: string }>;
  returns: string;
}

declare const __FORMULA_DOCS__: FormulaDoc[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function syntax(doc: FormulaDoc): string {
  return `${doc.name}(${doc.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** The formula reference dialog: the same words autocomplete shows, all formulas on one page. */
export function formulaHelpHtml(docs: readonly FormulaDoc[] = __FORMULA_DOCS__): string {
  const items = docs
    .map(
      (doc) =>
        `<section><h2><code>${escapeHtml(syntax(doc))}</code></h2><p>${escapeHtml(doc.summary)}</p><dl>` +
        doc.params.map((p) => `<dt>${escapeHtml(p.name)}</dt><dd>${escapeHtml(p.description)}</dd>`).join('') +
        `</dl><p class="returns">Returns: ${escapeHtml(doc.returns)}</p></section>`,
    )
    .join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;color:#202124;margin:16px}h2{font-size:13px;margin:18px 0 4px}' +
    'code{font-family:"Roboto Mono",monospace;background:#f1f3f4;padding:0 3px}p{margin:4px 0}' +
    'dl{margin:4px 0;display:grid;grid-template-columns:max-content 1fr;gap:2px 8px}dt{font-family:monospace}dd{margin:0}' +
    '.returns{color:#5f6368}</style></head><body>' +
    `<p>Blank cells give blank results; ranges give one result per row. Defaults: level ${DEFAULT_LEVEL}, ` +
    `AQL ${aqlLabel(DEFAULT_AQL_MAJOR)} for major and ${aqlLabel(DEFAULT_AQL_MINOR)} for minor defects, ${DEFAULT_SEVERITY} inspection; ` +
    'AQL 0 means zero tolerance. Reduced inspection follows MIL-STD-105E / ANSI/ASQ Z1.4.</p>' +
    `<p>${escapeHtml(FORMULAS_ENABLED)}</p>` +
    items +
    '</body></html>'
  );
}
