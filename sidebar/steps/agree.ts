// Step 6: rework and/or a concession, with cost, who pays and the timeline worked out as typed.
import { allocateRework } from '../../src/core/protocol/allocation';
import { concessionDiscount } from '../../src/core/protocol/concession';
import { reworkCost } from '../../src/core/protocol/reworkCost';
import { reworkTimeline } from '../../src/core/protocol/timeline';
import type { CaseView } from '../../src/shared/contract';
import { settings } from '../state';
import { askFirst, field, values, num, form, live, liveLines, done, money } from '../ui';
import { showError, submit } from '../save';

/** One rule for percentages, stated by each such field: 3%, 3 and 0.03 all mean three percent. */
const PERCENT_RULE = '3%, 3 or 0.03 all mean 3%: a number above 1 is read as a percentage.';

function percent(v: string | boolean | undefined): number | undefined {
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const text = v.trim();
  const n = Number(text.replace(/%$/, '').trim());
  // Not a number: sent as typed, so the server's refusal names the field.
  if (!Number.isFinite(n)) return text as unknown as number;
  return text.endsWith('%') || n > 1 ? n / 100 : n;
}

/** The cause most of the case's defective units were recorded with: the agreement's starting point. */
function usualCause(c: CaseView): string | undefined {
  const counts = new Map<string, number>();
  for (const d of c.defects) if (d.cause && d.class !== 'OK') counts.set(d.cause, (counts.get(d.cause) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function agreementForm(c: CaseView): HTMLElement {
  if (!['classified', 'evidence-complete'].includes(c.status)) {
    return done('Agreement', [
      c.rework
        ? `Rework cycle ${c.rework.cycle}: ${c.rework.units} units, ${money(c.rework.totalCost, c.currency)} — factory ${money(c.rework.factoryShare)}, buyer ${money(c.rework.buyerShare)}`
        : 'No rework.',
      c.money.concessionCredit
        ? `Concession: ${money(c.money.concessionCredit, c.currency)} (${((c.money.concessionCredit / c.orderValue) * 100).toFixed(2)}% of the order)`
        : 'No concession.',
    ]);
  }
  const out = live('agree-live');
  const f = form(
    'agree-form',
    'Rework and/or concession',
    [
      field('agree', { name: 'doRework', label: 'Rework the defective units', type: 'checkbox', value: true }),
      field('agree', {
        name: 'cause',
        label: 'Cause',
        options: settings.splits.map((x) => [x.name, x.name] as const),
        value: usualCause(c),
      }),
      field('agree', {
        name: 'units',
        label: 'Units to rework',
        type: 'number',
        value: c.defects.filter((d) => d.class === 'MAJOR' || d.class === 'CRITICAL').length || '',
      }),
      field('agree', {
        name: 'quotedPrice',
        label: 'Quoted price per unit',
        type: 'number',
        hint: `The factory's price for reworking a unit, in ${c.currency} — or leave it blank and give labour and consumables.`,
      }),
      field('agree', { name: 'labourMinutes', label: 'Labour minutes per unit', type: 'number' }),
      field('agree', { name: 'hourlyRate', label: 'Hourly rate', type: 'number', hint: `In ${c.currency}, like every amount here.` }),
      field('agree', { name: 'consumables', label: 'Consumables per unit', type: 'number' }),
      field('agree', { name: 'qcAllocation', label: 'QC allocation per unit', type: 'number' }),
      field('agree', { name: 'days', label: 'Days', type: 'number' }),
      field('agree', { name: 'hoursPerDay', label: 'Hours per day', type: 'number', value: 8 }),
      field('agree', { name: 'operators', label: 'Operators', type: 'number' }),
      field('agree', { name: 'doConcession', label: 'Concession on the rest', type: 'checkbox', value: false }),
      field('agree', {
        name: 'orderShare',
        label: 'Credit as a share of the order',
        hint: `As agreed, e.g. 3% of the order value. ${PERCENT_RULE} Or, instead, the share of the lot affected and its discount:`,
      }),
      field('agree', { name: 'share', label: 'Share of lot affected', hint: PERCENT_RULE }),
      field('agree', {
        name: 'grade',
        label: 'Grade',
        options: [['', 'discount below'] as const, ...settings.grades.map((g) => [g.name, `${g.name} (${g.default * 100}%)`] as const)],
      }),
      field('agree', { name: 'discount', label: 'Discount', hint: `${PERCENT_RULE} When no grade is picked.` }),
      // Asked only while evidence is missing.
      ...(c.evidenceGaps.length ? [field('agree', { name: 'overrideReason', label: 'Reason to go ahead without full evidence' })] : []),
    ],
    'Agree',
    (el) => {
      const v = values(el);
      const rework = v.doRework
        ? {
            cause: v.cause,
            units: num(v.units),
            quotedPrice: num(v.quotedPrice),
            labourMinutes: num(v.labourMinutes) ?? 0,
            hourlyRate: num(v.hourlyRate) ?? 0,
            consumables: num(v.consumables),
            qcAllocation: num(v.qcAllocation),
            days: num(v.days),
            hoursPerDay: num(v.hoursPerDay),
            operators: num(v.operators),
          }
        : undefined;
      // Concession terms typed with the box unticked would be dropped without a word: ask instead.
      if (!v.doConcession && (v.share || v.discount || v.grade || v.orderShare)) {
        showError(
          el,
          'Concession on the rest is not ticked, but a share, grade or discount is filled in: tick it to agree the concession, or clear them.',
        );
        return;
      }
      const concession = !v.doConcession
        ? undefined
        : v.orderShare
          ? { orderShare: percent(v.orderShare) }
          : { groups: [{ share: percent(v.share), grade: v.grade || undefined, discount: percent(v.discount) }] };
      const what = [rework && `rework of ${String(rework.units ?? '?')} unit(s)`, concession && 'a concession']
        .filter(Boolean)
        .join(' and ');
      askFirst(
        el,
        `Agree ${what || 'nothing'}:`,
        () => void submit(el, 'rdAgree', { caseId: c.id, rework, concession, overrideReason: v.overrideReason }, 'Agreement recorded.'),
      );
    },
    out,
  );
  const update = () => {
    const v = values(f);
    const lines: Array<string | [string, string]> = [];
    try {
      if (v.doRework) {
        const units = num(v.units) ?? 0;
        const quoted = num(v.quotedPrice);
        // A quote is the unit's whole rework price, as the server records it.
        const cost = reworkCost(
          quoted !== undefined
            ? { labourMinutes: 60, hourlyRate: quoted, qcAllocation: num(v.qcAllocation) ?? 0 }
            : {
                labourMinutes: num(v.labourMinutes) ?? 0,
                hourlyRate: num(v.hourlyRate) ?? 0,
                consumables: [num(v.consumables) ?? 0],
                qcAllocation: num(v.qcAllocation) ?? 0,
              },
          units,
        );
        const split = settings.splits.find((x) => x.name === v.cause)!;
        const labour = cost.labour * units;
        const a = allocateRework(split, { directLabour: labour, otherCosts: cost.total - labour });
        lines.push(
          `Rework: ${money(cost.perUnit)}/unit, ${money(cost.total, c.currency)} — factory ${money(a.factory)}, buyer ${money(a.buyer)}`,
        );
        if ((num(v.labourMinutes) ?? 0) > 0 && units > 0) {
          const t = reworkTimeline({
            units,
            minutesPerUnit: num(v.labourMinutes)!,
            days: num(v.days),
            hoursPerDay: num(v.hoursPerDay),
            operators: num(v.operators),
          });
          lines.push(
            `${t.personHours.toFixed(1)} person-hours${t.operatorsNeeded ? `; ${t.operatorsNeeded} operators for ${num(v.days)} days` : ''}${t.daysNeeded ? `; ${t.daysNeeded} days with the crew` : ''}${t.unitsPerDay ? `; ${t.unitsPerDay} units/day` : ''}`,
          );
          if (t.shortBy) lines.push(['bad', `Short by ${t.shortBy} operator(s) for the promised days.`]);
        }
      }
      if (v.doConcession) {
        const grade = settings.grades.find((g) => g.name === v.grade);
        const orderShare = percent(v.orderShare);
        const d =
          orderShare !== undefined
            ? { discount: orderShare, credit: orderShare * c.orderValue }
            : concessionDiscount({
                groups: [{ share: percent(v.share) ?? 0, discount: grade ? grade.default : (percent(v.discount) ?? 0) }],
                shipmentValue: c.orderValue,
              });
        lines.push(`Concession: ${(d.discount * 100).toFixed(2)}% = ${money(d.credit!, c.currency)}`);
      }
      if (c.evidenceGaps.length)
        lines.push(['bad', `Evidence incomplete for ${c.evidenceGaps.length} unit(s): give a reason or complete it first.`]);
      if (c.quarantined) lines.push(['bad', 'Quarantined: a concession is ruled out.']);
    } catch (error) {
      lines.push(['bad', (error as Error).message]);
    }
    liveLines(out, lines);
  };
  f.addEventListener('input', update);
  f.addEventListener('change', update);
  update();
  return f;
}
