// Step 4: defective units, classified by the catalogue as they are typed.
import { catalogue, classifyDefect } from '../../src/core/protocol/classify';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { settings } from '../state';
import { field, values, form, live, liveLines } from '../ui';
import { submit } from '../save';

/** A measurement as typed: a number when it reads as one, else the word (pass, fail, valid…). */
export function measurementOf(v: Record<string, string | boolean>): number | string | undefined {
  const measured = String(v.measurement).trim();
  if (measured === '') return undefined;
  return Number.isFinite(Number(measured)) ? Number(measured) : measured;
}
export function defectsForm(c: CaseView): HTMLElement {
  const list = h(
    'ul',
    { class: 'defects' },
    ...c.defects.map((d) =>
      h('li', {}, h('strong', {}, `${d.unitRef} ${d.class}`), ` ${d.defectType}${d.measurement ? ` ${d.measurement}` : ''} — ${d.rule}`),
    ),
  );
  const allowed = ['on-hold', 'classified', 'evidence-complete'].includes(c.status);
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
      }),
      field('defect', { name: 'measurement', label: 'Measurement' }),
      field('defect', {
        name: 'context',
        label: 'Context',
        hint: 'Where a type needs it: shoulder strap / main handle; exterior / non-critical panel.',
      }),
      field('defect', {
        name: 'cause',
        label: 'Cause',
        options: [['', '—'] as const, ...settings.splits.map((x) => [x.name, x.name] as const)],
      }),
      field('defect', { name: 'inRejectBox', label: 'In the reject sample box', type: 'checkbox' }),
    ],
    'Add defect',
    (el) => {
      const v = values(el);
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
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  // What is recorded so far goes below the form, so the button stays next to the fields.
  return h('div', {}, f, h('h3', {}, `Recorded (${c.defects.length})`), list);
}
