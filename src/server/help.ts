/** The formulas as the help dialog lists them: syntax, what they return, one example each. */
export const FORMULA_HELP: ReadonlyArray<{ syntax: string; returns: string; example: string; result: string }> = [
  {
    syntax: 'AQL_SAMPLE(lot_size, [level], [aql], [inspection])',
    returns: 'Code letter, sample size, Ac, Re (ISO 2859-1 single sampling; a column of lots gives one row each).',
    example: '=AQL_SAMPLE(1500, "II", 2.5)',
    result: 'K, 125, 7, 8',
  },
  {
    syntax: 'AQL_VERDICT(defects_found, lot_size, [level], [aql], [inspection])',
    returns: 'ACCEPT or REJECT; under reduced inspection a count between Ac and Re gives ACCEPT (RESUME NORMAL).',
    example: '=AQL_VERDICT(12, 1500, "II", 2.5)',
    result: 'REJECT',
  },
];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

export function formulaHelpHtml(): string {
  const items = FORMULA_HELP.map(
    (f) =>
      `<section><h2><code>${escapeHtml(f.syntax)}</code></h2><p>${escapeHtml(f.returns)}</p>` +
      `<p><code>${escapeHtml(f.example)}</code> → ${escapeHtml(f.result)}</p></section>`,
  ).join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;color:#202124;margin:16px}h2{font-size:13px;margin:16px 0 4px}' +
    'code{font-family:"Roboto Mono",monospace;background:#f1f3f4;padding:0 3px}p{margin:4px 0}' +
    '</style></head><body>' +
    '<p>Defaults: level II, AQL 2.5, normal inspection. AQL 0 means zero tolerance (critical defects). ' +
    'Reduced inspection follows MIL-STD-105E / ANSI/ASQ Z1.4.</p>' +
    items +
    '</body></html>'
  );
}
