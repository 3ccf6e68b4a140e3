// Step 5: photo and video links per defective unit.
import { PHOTO_KINDS } from '../../src/core/case/evidence';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { field, values, form, done } from '../ui';
import { submit } from '../save';

export function evidenceForm(c: CaseView): HTMLElement {
  const units = [...new Set(c.defects.filter((d) => d.class !== 'OK').map((d) => d.unitRef))];
  const gaps = h(
    'ul',
    { class: 'gaps' },
    ...(c.evidenceGaps.length
      ? c.evidenceGaps.map((g) => h('li', {}, `${g.unitRef}: ${g.missing.join(', ')}`))
      : [h('li', { class: 'ok' }, 'Evidence complete for every defective unit.')]),
  );
  if (units.length === 0) return done('Evidence', ['Record defective units first.']);
  const first = c.evidenceGaps[0]?.unitRef ?? units[0];
  const entry = form(
    'evidence-form',
    'Evidence (links)',
    [
      field('evidence', { name: 'unitRef', label: 'Unit', options: units.map((u) => [u, u] as const), value: first }),
      ...PHOTO_KINDS.map((k) => field('evidence', { name: k.key, label: k.label, type: 'url' })),
      field('evidence', { name: 'video', label: 'Video', type: 'url', hint: 'Needed for functional defects.' }),
    ],
    'Save evidence',
    (el) => void submit(el, 'rdSaveEvidence', { caseId: c.id, ...values(el) }, 'Evidence saved.'),
  );
  return h('div', {}, entry, h('h3', {}, 'Still missing'), gaps);
}
