// Step 4: defective units, classified by the catalogue as they are typed.
import { BEFORE_AGREEMENT } from '../../src/core/case/lifecycle';
import type { CaseStatus } from '../../src/core/case/lifecycle';
import { catalogue, classifyDefect } from '../../src/core/protocol/classify';
import type { CaseView, SelectionView } from '../../src/shared/contract';
import { call } from '../server';
import { clear, h } from '../dom';
import { settings } from '../state';
import { field, values, form, live, liveLines, pasteField, pastedLines, pastedRows } from '../ui';
import { showError, submit } from '../save';

/** A measurement as typed: a number when it reads as one, else the word (pass, fail, valid…). */
export function measurementOf(v: Record<string, string | boolean>): number | string | undefined {
  const measured = String(v.measurement).trim();
  if (measured === '') return undefined;
  return Number.isFinite(Number(measured)) ? Number(measured) : measured;
}
/** The positions a defect type distinguishes, as dropdown options; none for a type without them. */
function contextOptions(typeName: string): Array<readonly [string, string]> {
  const type = settings.catalogue.find((t) => t.name === typeName);
  const contexts = (type?.criterion?.contexts ?? []).filter((ctx) => ctx.name !== 'any');
  if (contexts.length === 0) return [['', '— (not needed)']];
  return [
    ['', `— (${contexts[0].name})`],
    ...contexts.map((ctx) => [ctx.name, ctx.aliases?.length ? `${ctx.name}: ${ctx.aliases.join(', ')}` : ctx.name] as const),
  ];
}

const DEFECT_COLUMNS = ['unitRef', 'carton', 'defectType', 'measurement', 'context', 'cause'] as const;

/** Defective units pasted as rows (unit, carton, defect type, measurement, context, cause), for a request. */
export function pastedDefects(text: string): Array<Record<string, string | number | undefined>> {
  return pastedRows(text, 'unit').map((cells) => {
    const row: Record<string, string> = Object.fromEntries(DEFECT_COLUMNS.map((key, i) => [key, cells[i] ?? '']));
    return { ...row, measurement: measurementOf(row) };
  });
}

/** Many units at once, pasted from an inspection report or a range, classified before they are saved. */
function pasteDefects(c: CaseView): HTMLElement {
  const out = live('paste-defects-live');
  const rowsOf = (f: HTMLFormElement) =>
    pastedRows(String(values(f).rows ?? ''), 'unit').map((cells) =>
      Object.fromEntries(DEFECT_COLUMNS.map((key, i) => [key, cells[i] ?? ''])),
    );
  const f = form(
    'paste-defects-form',
    'Or paste many units',
    [
      pasteField(
        'paste-defects',
        'rows',
        'Units',
        'One unit per line, as copied from a sheet: unit, carton, defect type, measurement, context, cause (tabs or commas; a header line is skipped).',
      ),
    ],
    'Classify and add all',
    (el) => {
      const defects = pastedDefects(String(values(el).rows ?? ''));
      void submit(el, 'rdAddDefects', { caseId: c.id, defects }, `${defects.length} defective unit(s) recorded.`);
    },
    out,
  );
  // Or the rows selected in the sheet (unit, carton, defect type, measurement, context, cause), read
  // into the box to be checked before they are added.
  const take = h('button', { type: 'button', class: 'secondary', id: 'paste-defects-take' }, 'Take the sheet’s selection');
  take.addEventListener('click', () => {
    void call<SelectionView>('rdReadSelection').then((result) => {
      if (!result.ok) return showError(f, result.error);
      const box = f.querySelector<HTMLTextAreaElement>('textarea')!;
      box.value = result.data.rows.map((row) => row.join('\t')).join('\n');
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });
  f.querySelector(':scope > .actions')!.append(take);
  f.addEventListener('input', () => {
    const types = catalogue(settings.catalogue);
    const lines: Array<string | [string, string]> = [];
    const counts = new Map<string, number>();
    const numbers = pastedLines(String(values(f).rows ?? ''), 'unit').map((l) => l.line);
    rowsOf(f).forEach((row, i) => {
      try {
        const r = classifyDefect(row.defectType, measurementOf(row), row.context || undefined, types);
        const cls = r.classification.toUpperCase();
        counts.set(cls, (counts.get(cls) ?? 0) + 1);
      } catch (error) {
        lines.push(['bad', `Line ${numbers[i]} (${row.unitRef || 'no unit'}): ${(error as Error).message}`]);
      }
    });
    const summary = [...counts.entries()].map(([cls, n]) => `${n} ${cls}`).join(', ');
    liveLines(out, [...(summary ? [summary] : []), ...lines]);
  });
  return f;
}

/** The last unit's type, context and cause, offered again for the next unit of the same case. */
let lastDefect: { caseId?: string; defectType?: string; context?: string; cause?: string } = {};

export function defectsForm(c: CaseView): HTMLElement {
  const last = lastDefect.caseId === c.id ? lastDefect : {};
  const list = h(
    'ul',
    { class: 'defects' },
    ...c.defects.map((d) =>
      h('li', {}, h('strong', {}, `${d.unitRef} ${d.class}`), ` ${d.defectType}${d.measurement ? ` ${d.measurement}` : ''} — ${d.rule}`),
    ),
  );
  const allowed = BEFORE_AGREEMENT.includes(c.status as CaseStatus);
  if (!allowed) return h('section', {}, h('h2', {}, `Defects (${c.defects.length})`), list);
  const out = live('defect-live');
  const f = form(
    'defect-form',
    'Classify a defective unit',
    [
      field('defect', { name: 'unitRef', label: 'Unit', required: true }),
      field('defect', { name: 'carton', label: 'Carton' }),
      field('defect', {
        name: 'defectType',
        label: 'Defect type',
        options: settings.catalogue.map((t) => [t.name, t.measure ? `${t.name} (${t.measure.unit})` : t.name] as const),
        value: last.defectType,
      }),
      field('defect', { name: 'measurement', label: 'Measurement' }),
      field('defect', {
        name: 'context',
        label: 'Context',
        options: contextOptions(settings.catalogue[0]?.name ?? ''),
        hint: 'Where the type has positions that change its class: e.g. a snap or hardware position is a critical panel.',
      }),
      field('defect', {
        name: 'cause',
        label: 'Cause',
        options: [['', '—'] as const, ...settings.splits.map((x) => [x.name, x.name] as const)],
        value: last.cause,
      }),
      field('defect', { name: 'inRejectBox', label: 'In the reject sample box', type: 'checkbox' }),
    ],
    'Add defect',
    (el) => {
      const v = values(el);
      // The next unit is most often the same defect, at the same position, for the same cause.
      lastDefect = { caseId: c.id, defectType: String(v.defectType), context: String(v.context), cause: String(v.cause) };
      const request = {
        caseId: c.id,
        defects: [{ ...v, measurement: measurementOf(v) }],
      };
      void submit(el, 'rdAddDefects', request, `Defect recorded for ${String(v.unitRef)}.`);
    },
    out,
  );
  const update = () => {
    const v = values(f);
    try {
      const r = classifyDefect(String(v.defectType), measurementOf(v), String(v.context) || undefined, catalogue(settings.catalogue));
      liveLines(out, [[r.classification === 'ok' ? 'ok' : 'bad', `${r.classification.toUpperCase()}: ${r.rule}`]]);
    } catch (error) {
      liveLines(out, [(error as Error).message]);
    }
  };
  // The context list follows the defect type: each type's own positions, with the words that mean them.
  const typeSelect = f.querySelector<HTMLSelectElement>('[name=defectType]')!;
  const contextSelect = f.querySelector<HTMLSelectElement>('[name=context]')!;
  const fillContexts = () => {
    clear(contextSelect);
    for (const [value, label] of contextOptions(typeSelect.value)) contextSelect.append(h('option', { value }, label));
  };
  typeSelect.addEventListener('change', fillContexts);
  fillContexts();
  if (last.context) contextSelect.value = last.context;
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  // What is recorded so far goes below the forms, so the buttons stay next to their fields.
  return h('div', {}, f, pasteDefects(c), h('h3', {}, `Recorded (${c.defects.length})`), list);
}
