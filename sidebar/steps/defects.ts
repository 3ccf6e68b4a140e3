// Step 4: defective units, classified by the catalogue as they are typed.
import { catalogue, classifyDefect } from '../../src/core/protocol/classify';
import type { CaseView } from '../../src/shared/contract';
import { clear, h } from '../dom';
import { settings } from '../state';
import { field, values, form, live, liveLines } from '../ui';
import { submit } from '../save';

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
        options: contextOptions(settings.catalogue[0]?.name ?? ''),
        hint: 'Where the type has positions that change its class: e.g. a snap or hardware position is a critical panel.',
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
  // The context list follows the defect type: each type's own positions, with the words that mean them.
  const typeSelect = f.querySelector<HTMLSelectElement>('[name=defectType]')!;
  const contextSelect = f.querySelector<HTMLSelectElement>('[name=context]')!;
  const fillContexts = () => {
    clear(contextSelect);
    for (const [value, label] of contextOptions(typeSelect.value)) contextSelect.append(h('option', { value }, label));
  };
  typeSelect.addEventListener('change', fillContexts);
  fillContexts();
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  // What is recorded so far goes below the form, so the button stays next to the fields.
  return h('div', {}, f, h('h3', {}, `Recorded (${c.defects.length})`), list);
}
