// Step 5: photo and video links per defective unit.
import { PHOTO_KINDS } from '../../src/core/case/evidence';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { field, values, form, done, pasteField, pastedRows } from '../ui';
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
  const kinds = [...PHOTO_KINDS.map((k) => k.key), 'video'];
  const paste = form(
    'paste-evidence-form',
    'Or paste links for many units',
    [
      pasteField(
        'paste-evidence',
        'rows',
        'Links',
        'One unit per line: unit, then its links — wide, close-up with scale, vs approved sample, measurement, batch context, and the video for a functional defect (tabs or commas).',
      ),
    ],
    'Save all',
    (el) => {
      const rows = pastedRows(String(values(el).rows ?? ''), 'unit');
      const units = rows.map(([unitRef, ...links]) => ({
        unitRef,
        ...Object.fromEntries(kinds.map((key, i) => [key, links[i] ?? ''])),
      }));
      void submit(el, 'rdSaveEvidence', { caseId: c.id, units }, `Evidence saved for ${units.length} unit(s).`);
    },
  );
  return h('div', {}, entry, paste, h('h3', {}, 'Still missing'), gaps);
}
