// Corrections and reopening: a recorded fact changes only here, with a reason the log keeps.
import { EVIDENCE_KINDS } from '../../src/core/case/evidence';
import { BEFORE_AGREEMENT } from '../../src/core/case/lifecycle';
import type { CaseStatus } from '../../src/core/case/lifecycle';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { askFirst, field, form, num, values, wallTimeOf } from '../ui';
import { submit } from '../save';

/** What can be corrected at the case's status (the server checks again, and says why not). */
function facts(c: CaseView): Array<readonly [string, string]> {
  const beforeAgreement = BEFORE_AGREEMENT.includes(c.status as CaseStatus);
  return [
    ...(c.agentNotifiedAt ? [['agentNotifiedAt', 'Time the agent was told'] as const] : []),
    ...(c.holdAt ? [['cartonsSealed', 'Cartons sealed with hold tags'] as const] : []),
    ...(beforeAgreement ? [['oqcCounts', 'OQC counts'] as const, ['defect', 'A defective unit’s measurement'] as const] : []),
    ...(c.evidence.length ? EVIDENCE_KINDS.map(({ key, short }) => [key, `A unit’s link: ${short}`] as const) : []),
  ];
}

export function correctionForms(c: CaseView): HTMLElement | null {
  const parts: HTMLElement[] = [];
  const options = facts(c);
  if (c.status !== 'settled' && options.length) {
    const defects = c.defects.map(
      (d) => [`${d.unitRef}|${d.defectType}`, `${d.unitRef} — ${d.defectType} (${d.measurement || '—'})`] as const,
    );
    const units = [...new Set(c.evidence.map((e) => e.unitRef))].map((u) => [u, u] as const);
    const f = form(
      'correct-form',
      'Correct a recorded fact',
      [
        field('correct', { name: 'fact', label: 'What to correct', options }),
        field('correct', { name: 'defect', label: 'Unit and defect', options: defects }),
        field('correct', { name: 'unitRef', label: 'Unit', options: units }),
        field('correct', {
          name: 'value',
          label: 'Corrected value',
          hint: 'A measurement, a number of cartons, or a link (blank clears a link).',
        }),
        field('correct', { name: 'at', label: 'Corrected time', type: 'datetime-local', hint: `In ${c.timeZone} time.` }),
        field('correct', { name: 'criticalFound', label: 'Critical found', type: 'number' }),
        field('correct', { name: 'majorFound', label: 'Major found', type: 'number' }),
        field('correct', { name: 'minorFound', label: 'Minor found', type: 'number' }),
        field('correct', { name: 'reason', label: 'Reason', required: true, hint: 'Kept in RD Log with the old and new values.' }),
      ],
      'Record correction',
      (el) => {
        const v = values(el);
        const fact = String(v.fact);
        const [unitRef, defectType] = String(v.defect).split('|');
        const request =
          fact === 'agentNotifiedAt'
            ? { fact, value: wallTimeOf(v.at) }
            : fact === 'cartonsSealed'
              ? { fact, value: num(v.value) }
              : fact === 'oqcCounts'
                ? { fact, criticalFound: num(v.criticalFound), majorFound: num(v.majorFound), minorFound: num(v.minorFound) }
                : fact === 'defect'
                  ? { fact, unitRef, defectType, measurement: String(v.value).trim() }
                  : { fact, unitRef: v.unitRef, value: v.value };
        askFirst(
          el,
          'Record this correction with its reason:',
          () => void submit(el, 'rdCorrect', { caseId: c.id, ...request, reason: v.reason }, 'Correction recorded, with its reason.'),
        );
      },
    );
    // Only the fields the chosen fact needs are shown.
    const shown: Record<string, string[]> = {
      agentNotifiedAt: ['at'],
      cartonsSealed: ['value'],
      oqcCounts: ['criticalFound', 'majorFound', 'minorFound'],
      defect: ['defect', 'value'],
    };
    const sync = () => {
      const fact = String(values(f).fact);
      const wanted = shown[fact] ?? ['unitRef', 'value'];
      for (const name of ['defect', 'unitRef', 'value', 'at', 'criticalFound', 'majorFound', 'minorFound']) {
        const group = f.querySelector(`#correct-${name}`)!.closest('.form-group') as HTMLElement;
        group.hidden = !wanted.includes(name);
      }
    };
    f.addEventListener('change', sync);
    sync();
    parts.push(f);
  }
  const reopenable = c.status === 'settled' || (c.status === 'released' && c.inspections.every((i) => i.verdict !== 'REJECT'));
  if (reopenable) {
    parts.push(
      form(
        'reopen-form',
        c.status === 'settled' ? 'Reopen the settled case' : 'Reopen: the OQC entry was a mistake',
        [
          field('reopen', {
            name: 'reason',
            label: 'Reason',
            required: true,
            hint: 'Kept in RD Log; the settlement or inspection is voided, not deleted.',
          }),
        ],
        'Reopen',
        (el) =>
          askFirst(
            el,
            c.status === 'settled' ? 'Reopen the case: its settlement is voided.' : 'Reopen the case: its OQC inspection is voided.',
            () => void submit(el, 'rdReopen', { caseId: c.id, reason: values(el).reason }, 'Case reopened, with its reason.'),
          ),
      ),
    );
  }
  return parts.length ? h('div', {}, ...parts) : null;
}
