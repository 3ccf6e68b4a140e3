// Step 7: the supervision checklist, the Reworked log and rework done.
import { SUPERVISION_CHECKLIST } from '../../src/core/case/lifecycle';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { askFirst, field, values, form, done } from '../ui';
import { submit } from '../save';

/** What the last Reworked log entry said, offered again for the next unit of the same case. */
let lastLog: { caseId?: string; operatorId?: string; nature?: string; signedOffBy?: string } = {};

export function supervisionForms(c: CaseView): HTMLElement {
  if (c.status !== 'agreed' || !c.rework)
    return done('Supervised rework', [
      c.rework
        ? `Cycle ${c.rework.cycle}: ${c.rework.logged.length} of ${c.rework.scope.length} units to rework logged.`
        : 'No rework agreed.',
    ]);
  const checklist = form(
    'checklist-form',
    `Supervision checklist — cycle ${c.rework.cycle}`,
    SUPERVISION_CHECKLIST.map((item) =>
      field('check', {
        name: item.key,
        label: item.label,
        type: 'checkbox',
        value: c.rework!.checklist[item.key],
        locked: c.rework!.checklist[item.key],
      }),
    ),
    'Sign',
    (el) =>
      void submit(el, 'rdSignChecklist', { caseId: c.id, ...values(el) }, (data) => {
        const signed = Object.values(data.checklist as Record<string, boolean>).filter(Boolean).length;
        return signed === SUPERVISION_CHECKLIST.length
          ? { kind: 'success', text: 'Checklist signed: every item.' }
          : { kind: 'success', text: `${signed} of ${SUPERVISION_CHECKLIST.length} checklist items signed.` };
      }),
  );
  if (lastLog.caseId !== c.id) lastLog = {};
  // The units this cycle must cover and are not yet logged: the log takes no other.
  const logged = new Set(c.rework.logged);
  const pending = c.rework.scope.filter((unit) => !logged.has(unit));
  const log = !pending.length
    ? h('section', {}, h('h2', {}, 'Reworked log'), h('p', { class: 'ok' }, `All ${c.rework.scope.length} units to rework are logged.`))
    : form(
        'reworked-form',
        `Reworked log — ${c.rework.logged.length} of ${c.rework.scope.length} units to rework`,
        [
          field('reworked', { name: 'unitRef', label: 'Unit', required: true, options: pending.map((unit) => [unit, unit] as const) }),
          field('reworked', { name: 'operatorId', label: 'Operator ID', required: true, list: 'people-ids', value: lastLog.operatorId }),
          field('reworked', { name: 'nature', label: 'Nature of rework', required: true, value: lastLog.nature }),
          field('reworked', {
            name: 'signedOffBy',
            label: 'Signed off by',
            required: true,
            list: 'people-names',
            value: lastLog.signedOffBy,
          }),
        ],
        'Log unit',
        (el) => {
          const v = values(el);
          // The next unit is usually reworked by the same operator, the same way, under the same eye.
          lastLog = { caseId: c.id, operatorId: String(v.operatorId), nature: String(v.nature), signedOffBy: String(v.signedOffBy) };
          void submit(el, 'rdLogReworkedUnit', { caseId: c.id, ...v }, `Unit ${String(v.unitRef)} logged.`);
        },
      );
  const finish = form('done-form', 'Rework done', [], 'Rework done', (el) =>
    askFirst(
      el,
      `Record rework cycle ${c.rework!.cycle} as done: ${c.rework!.logged.length} of ${c.rework!.scope.length} units logged, checklist ${Object.values(c.rework!.checklist).filter(Boolean).length} of ${SUPERVISION_CHECKLIST.length} signed. Next comes re-inspection.`,
      () => void submit(el, 'rdCompleteRework', { caseId: c.id }, 'Rework done: ready for re-inspection.'),
    ),
  );
  return h('div', {}, checklist, log, finish);
}
