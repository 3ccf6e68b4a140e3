// Step 5: photo and video links per defective unit.
import { EVIDENCE_KINDS, PHOTO_KINDS } from '../../src/core/case/evidence';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { field, values, form, done, pasteField, pastedRows } from '../ui';
import { submit } from '../save';

export function evidenceForm(c: CaseView): HTMLElement {
  const units = [...new Set(c.defects.filter((d) => d.class !== 'OK').map((d) => d.unitRef))];
  // Per unit, each kind as a chip: a link when recorded (shown as text, opened in a new tab), a
  // muted chip when still missing — compact enough for dozens of units.
  const recorded = new Map(c.evidence.map((e) => [e.unitRef, e.links]));
  const functional = new Set(c.defects.filter((d) => d.functional).map((d) => d.unitRef));
  const gaps = h(
    'ul',
    { class: 'gaps' },
    ...units.map((unit) => {
      const links = recorded.get(unit) ?? {};
      const kinds = EVIDENCE_KINDS.filter((k) => k.key !== 'video' || functional.has(unit) || links.video);
      return h(
        'li',
        {},
        h('strong', {}, unit),
        ' ',
        ...kinds.map((k) =>
          links[k.key]
            ? h('a', { class: 'chip ok', href: links[k.key], target: '_blank', rel: 'noopener noreferrer', title: links[k.key] }, k.short)
            : h('span', { class: 'chip missing', title: `${k.short}: missing` }, k.short),
        ),
      );
    }),
  );
  if (units.length === 0) return done('Evidence', ['Record defective units first.']);
  const first = c.evidenceGaps[0]?.unitRef ?? units[0];
  const kinds = EVIDENCE_KINDS.map((k) => k.key);
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
  const complete = c.evidenceGaps.length === 0;
  // The unit picked shows the links already recorded (a recorded link changes only by correction).
  const unitSelect = entry.querySelector<HTMLSelectElement>('[name=unitRef]')!;
  const showRecorded = () => {
    const links = recorded.get(unitSelect.value) ?? {};
    for (const key of kinds) {
      const input = entry.querySelector<HTMLInputElement>(`[name=${key}]`)!;
      input.value = links[key] ?? '';
      input.readOnly = Boolean(links[key]);
    }
  };
  unitSelect.addEventListener('change', showRecorded);
  showRecorded();
  return h(
    'div',
    {},
    entry,
    paste,
    h('h3', {}, complete ? 'Evidence complete for every defective unit' : `Evidence: ${c.evidenceGaps.length} unit(s) incomplete`),
    gaps,
  );
}
