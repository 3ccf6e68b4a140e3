// Steps 2 and 3: the OQC inspection with its live plan and verdict, and the hold notice.
import { oqcResult } from '../../src/core/case/lifecycle';
import type { InspectionLevel, Severity } from '../../src/core/sampling/tables';
import { formatInZone } from '../../src/core/time';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { askFirst, field, values, num, wallTimeOf, form, live, liveLines, done } from '../ui';
import { submit } from '../save';
import { strictnessView } from './oc';

export function oqcForm(c: CaseView): HTMLElement {
  if (c.status !== 'open') {
    const oqc = c.inspections.filter((i) => i.kind === 'OQC' && i.verdict !== 'VOID');
    const view = done(
      'OQC inspection',
      oqc.map((i) => `${i.inspector}: ${i.verdict}${i.reasons ? ` — ${i.reasons}` : ''}`),
    );
    // After a rejection: what the sample says, against the plan's OC curve — for the factory's "too strict".
    const last = oqc.at(-1);
    if (last?.verdict === 'REJECT') {
      if (last.majorFound > last.majorAc)
        view.append(strictnessView('major', last.majorFound, { sampleSize: last.sampleSize, acceptance: last.majorAc, aql: c.aqlMajor }));
      if (last.minorFound > last.minorAc)
        view.append(strictnessView('minor', last.minorFound, { sampleSize: last.sampleSize, acceptance: last.minorAc, aql: c.aqlMinor }));
    }
    return view;
  }
  const out = live('oqc-live');
  const f = form(
    'oqc-form',
    'OQC inspection',
    [
      field('oqc', { name: 'inspector', label: 'Inspector', required: true, list: 'people-names' }),
      field('oqc', {
        name: 'at',
        label: 'Inspected at',
        type: 'datetime-local',
        hint: `In ${c.timeZone} time, the spreadsheet's zone. Blank means now; a failed lot's hold runs from this time.`,
      }),
      field('oqc', {
        name: 'place',
        label: 'Place of inspection',
        hint: 'The factory warehouse, a third-party lab: printed on the OQC report.',
      }),
      // Blank until counted: a zero is a finding, not a default.
      field('oqc', { name: 'criticalFound', label: 'Critical found', type: 'number', required: true }),
      field('oqc', { name: 'majorFound', label: 'Major found', type: 'number', required: true }),
      field('oqc', { name: 'minorFound', label: 'Minor found', type: 'number', required: true }),
      field('oqc', {
        name: 'cartonsSealed',
        label: 'Cartons sealed',
        type: 'number',
        step: '1',
        hint: 'If the lot fails: the cartons sealed with hold tags, for the hold notice. Can be added at the hold step.',
      }),
    ],
    'Record inspection',
    (el) => {
      const v = values(el);
      askFirst(
        el,
        `Record the OQC by ${String(v.inspector) || '—'}:`,
        () =>
          void submit(
            el,
            'rdRecordInspection',
            {
              caseId: c.id,
              inspector: v.inspector,
              at: wallTimeOf(v.at),
              place: v.place,
              cartonsSealed: num(v.cartonsSealed),
              criticalFound: num(v.criticalFound),
              majorFound: num(v.majorFound),
              minorFound: num(v.minorFound),
            },
            (data) =>
              data.passed
                ? { kind: 'success', text: 'Inspection recorded: the lot passed and is released.' }
                : {
                    kind: 'warning',
                    text: `Lot on hold: ${(data.reasons as string[]).join('; ')}. Tell the agent by ${holdDeadline(data.view as CaseView)}.`,
                  },
          ),
      );
    },
    out,
  );
  const update = () => {
    const v = values(f);
    try {
      const r = oqcResult(
        {
          lotSize: c.lotSize,
          level: c.level as InspectionLevel,
          severity: c.severity as Severity,
          // The switching rules run per class: the minor plan can be on another severity.
          severityMinor: c.severityMinor as Severity,
          edition: c.edition,
          aqlMajor: c.aqlMajor,
          aqlMinor: c.aqlMinor,
        },
        { criticalFound: num(v.criticalFound) ?? 0, majorFound: num(v.majorFound) ?? 0, minorFound: num(v.minorFound) ?? 0 },
      );
      const counted = [v.criticalFound, v.majorFound, v.minorFound].every((x) => typeof x === 'string' && x.trim() !== '');
      liveLines(out, [
        `Plan: ${r.major.letter}, sample ${r.major.sampleSize}; major Ac ${r.major.acceptance}/Re ${r.major.rejection}; minor Ac ${r.minor.acceptance}/Re ${r.minor.rejection}`,
        !counted
          ? 'Verdict: once the three counts are in.'
          : r.passed
            ? ['ok', 'Verdict: ACCEPT — the lot is released']
            : ['bad', `Verdict: REJECT — ${r.reasons.join('; ')}`],
      ]);
    } catch (error) {
      liveLines(out, [['bad', (error as Error).message]]);
    }
  };
  f.addEventListener('input', update);
  update();
  return f;
}
/** When the agent must be told of a hold, in the spreadsheet's zone. */
function holdDeadline(c: CaseView): string {
  return c.notifyBy ? `${formatInZone(new Date(c.notifyBy), c.timeZone)} (${c.timeZone})` : 'the deadline';
}

export function holdForm(c: CaseView): HTMLElement {
  if (!c.holdAt) return done('Hold notice', ['No hold: the lot passed OQC or is not inspected yet.']);
  // Times in the spreadsheet's zone, named, as the sheet itself shows them.
  const fmt = (iso: string) => (iso ? `${formatInZone(new Date(iso), c.timeZone)} (${c.timeZone})` : '—');
  const facts = h(
    'dl',
    {},
    h('dt', {}, 'Hold notice at'),
    h('dd', {}, fmt(c.holdAt)),
    h('dt', {}, 'Tell agent by'),
    h('dd', {}, fmt(c.notifyBy)),
    h('dt', {}, 'Agent told at'),
    h('dd', {}, fmt(c.agentNotifiedAt)),
    h('dt', {}, 'Cartons sealed'),
    h('dd', {}, c.cartonsSealed === null ? '—' : String(c.cartonsSealed)),
  );
  if (c.agentNotifiedAt) return h('section', {}, h('h2', {}, 'Hold notice'), facts);
  return form(
    'hold-form',
    'Hold notice',
    [
      facts,
      field('hold', {
        name: 'at',
        label: 'Agent told at',
        type: 'datetime-local',
        hint: `In ${c.timeZone} time, the spreadsheet's zone. Blank means now.`,
      }),
      ...(c.cartonsSealed === null
        ? [
            field('hold', {
              name: 'cartonsSealed',
              label: 'Cartons sealed',
              type: 'number',
              step: '1',
              hint: 'Sealed with hold tags: printed on the hold notice.',
            }),
          ]
        : []),
    ],
    'Agent told',
    (el) => {
      const v = values(el);
      void submit(el, 'rdRecordAgentNotified', { caseId: c.id, at: wallTimeOf(v.at), cartonsSealed: num(v.cartonsSealed) }, 'Recorded.');
    },
  );
}
