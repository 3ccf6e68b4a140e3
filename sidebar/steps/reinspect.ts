// Step 8: re-inspection, with the Level III plan for the rest.
import { reinspectionPlan, reinspectionVerdict } from '../../src/core/protocol/reinspection';
import type { CaseView } from '../../src/shared/contract';
import { askFirst, field, values, num, form, live, liveLines, done, pasteField } from '../ui';
import { pastedDefects } from './defects';
import { submit } from '../save';

export function reinspectionForm(c: CaseView): HTMLElement {
  if (c.status !== 'rework-done' || !c.rework)
    return done(
      'Re-inspection',
      c.inspections
        .filter((i) => i.kind === 'Re-inspection')
        .map((i) => `${i.inspector}: ${i.verdict}${i.reasons ? ` — ${i.reasons}` : ''}`),
    );
  const out = live('re-live');
  const f = form(
    're-form',
    'Re-inspection',
    [
      field('re', {
        name: 'inspector',
        label: 'Re-inspector',
        required: true,
        list: 'people-names',
        hint: `Not ${c.inspector}: a different inspector.`,
      }),
      field('re', { name: 'place', label: 'Place of re-inspection', hint: 'Printed on the re-inspection report.' }),
      field('re', { name: 'adjacentUnits', label: 'Adjacent units', type: 'number', hint: 'Blank means none.' }),
      field('re', { name: 'fullInspectionFailures', label: 'Failures among reworked and adjacent units', type: 'number', required: true }),
      field('re', { name: 'sampleCritical', label: 'Critical in the sample', type: 'number', hint: 'Blank means none.' }),
      field('re', { name: 'sampleMajor', label: 'Major in the sample', type: 'number', required: true }),
      field('re', { name: 'sampleMinor', label: 'Minor in the sample', type: 'number', required: true }),
      field('re', { name: 'newMajorDefects', label: 'New major defects', type: 'number', required: true }),
      pasteField(
        're',
        'found',
        'Defective units found',
        'If the lot fails: one unit per line — unit, carton, defect type, measurement, context, cause. They are classified like the OQC’s and are what the next rework cycle covers.',
      ),
    ],
    'Record re-inspection',
    (el) => {
      const v = values(el);
      const n = (k: string) => num(v[k]);
      askFirst(
        el,
        `Record the re-inspection by ${String(v.inspector) || '—'}:`,
        () =>
          void submit(
            el,
            'rdRecordReinspection',
            {
              caseId: c.id,
              inspector: v.inspector,
              place: v.place,
              adjacentUnits: n('adjacentUnits'),
              fullInspectionFailures: n('fullInspectionFailures'),
              sampleCritical: n('sampleCritical'),
              sampleMajor: n('sampleMajor'),
              sampleMinor: n('sampleMinor'),
              newMajorDefects: n('newMajorDefects'),
              ...(String(v.found ?? '').trim() ? { defects: pastedDefects(String(v.found)) } : {}),
            },
            (data) => {
              if (data.passed) return { kind: 'success', text: 'Re-inspection passed: the lot is released.' };
              const view = data.view as CaseView;
              return {
                kind: 'warning',
                text: `Re-inspection failed: ${(data.reasons as string[]).join('; ')}. Rework cycle ${view.reworkCycle} is open${view.factoryPaysNextCycle ? ', at the factory’s cost' : ''}${view.quarantined ? '; the lot is quarantined' : ''}.`,
              };
            },
          ),
      );
    },
    out,
  );
  const update = () => {
    try {
      const p = reinspectionPlan({
        lotSize: c.lotSize,
        reworkedUnits: c.rework!.units,
        adjacentUnits: num(values(f).adjacentUnits) ?? 0,
        aqlMajor: c.aqlMajor,
        aqlMinor: c.aqlMinor,
      });
      const v = values(f);
      const counts = ['fullInspectionFailures', 'sampleMajor', 'sampleMinor', 'newMajorDefects'];
      const counted = counts.every((k) => typeof v[k] === 'string' && String(v[k]).trim() !== '');
      const lines: Array<string | [string, string]> = [
        `100%: ${p.fullInspection} units. Level III on ${p.remainder}: ${p.letter ?? '—'}, sample ${p.sampleSize}; major Ac ${p.major?.acceptance ?? '—'}/Re ${p.major?.rejection ?? '—'}, minor Ac ${p.minor?.acceptance ?? '—'}/Re ${p.minor?.rejection ?? '—'}`,
        'Any new major defect fails the lot at once; the next cycle is the factory’s.',
      ];
      if (!counted) lines.push('Verdict: once the counts are in.');
      else {
        const verdict = reinspectionVerdict(p, {
          fullInspectionFailures: num(v.fullInspectionFailures) ?? 0,
          sampleCritical: num(v.sampleCritical) ?? 0,
          sampleMajor: num(v.sampleMajor) ?? 0,
          sampleMinor: num(v.sampleMinor) ?? 0,
          newMajorDefects: num(v.newMajorDefects) ?? 0,
        });
        lines.push(
          verdict.passed
            ? ['ok', 'Verdict: PASS — the lot is released']
            : ['bad', `Verdict: FAIL — ${verdict.reasons.join('; ')}; another rework cycle follows`],
        );
      }
      liveLines(out, lines);
    } catch (error) {
      liveLines(out, [['bad', (error as Error).message]]);
    }
  };
  f.addEventListener('input', update);
  update();
  return f;
}
