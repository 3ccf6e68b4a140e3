import { recordAgreement } from '../../core/case/lifecycle';
import type { CaseRecord } from '../../core/case/lifecycle';
import { allocateRework, splitTable } from '../../core/protocol/allocation';
import { concessionDiscount, gradeTable } from '../../core/protocol/concession';
import { reworkCost } from '../../core/protocol/reworkCost';
import { reworkTimeline } from '../../core/protocol/timeline';
import { reworkScope, scopeText } from '../../core/case/reworkScope';
import type { RecordedUnit } from '../../core/case/reworkScope';
import { InputError } from '../../core/errors';
import { MAX_AMOUNT, roundMoney } from '../../core/money';
import type { CaseSummary, Result } from '../../shared/contract';
import { REWORK } from '../../tracker/schema';
import type { Settings } from '../../tracker/settings';
import type { Row } from '../../tracker/table';
import type { Services } from '../services';
import { fields, list, number, requiredNumber, text } from '../validate';
import type { Fields } from '../validate';
import { onCase, summary } from './common';
import { recordedUnits } from './scope';
import type { Saved } from './common';

/** Units left out of the rework: a list, or names separated by commas or lines. */
function namesOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\n]/) : [];
  return [...new Set(items.map((v) => String(v).trim()).filter(Boolean))];
}

/**
 * A rework cycle's row: its scope (the units it must cover, from the units recorded), cost, who pays
 * by cause, and timeline. Money is rounded to the case currency's minor unit.
 */
export function reworkRow(
  record: CaseRecord,
  cycle: number,
  terms: Fields,
  settings: Settings,
  now: Date,
  recorded: readonly RecordedUnit[],
): Row {
  const cause = splitTable(settings.splits).find(text(terms, 'cause', 'Cause', { required: true, max: 60 }));
  const units = requiredNumber(terms, 'units', 'Units to rework', { min: 1, whole: true });
  const leftOutReason = text(terms, 'leftOutReason', 'Why units are left out', { max: 300 });
  const scope = reworkScope(recorded, {
    leftOut: namesOf(terms.leftOut),
    reason: leftOutReason,
    unitsToRework: units,
    lotSize: record.lotSize,
  });
  const money = (amount: number) => roundMoney(amount, record.currency);
  // A factory's quoted price per unit stands for the whole rework cost of a unit: it is not also
  // labour and consumables, which would count it twice.
  const quoted = number(terms, 'quotedPrice', 'Quoted price per unit', { min: 0 });
  const itemised = ['labourMinutes', 'hourlyRate', 'consumables'].filter((key) => Number(terms[key]) > 0);
  if (quoted !== undefined && itemised.length) {
    throw new InputError('give either a quoted price per unit or labour and consumables, not both.');
  }
  const cost =
    quoted !== undefined
      ? reworkCost(
          { labourMinutes: 60, hourlyRate: quoted, qcAllocation: number(terms, 'qcAllocation', 'QC allocation per unit', { min: 0 }) ?? 0 },
          units,
        )
      : reworkCost(
          {
            labourMinutes: requiredNumber(terms, 'labourMinutes', 'Labour minutes per unit', { min: 0 }),
            hourlyRate: requiredNumber(terms, 'hourlyRate', 'Hourly rate', { min: 0 }),
            consumables: [number(terms, 'consumables', 'Consumables per unit', { min: 0 }) ?? 0],
            qcAllocation: number(terms, 'qcAllocation', 'QC allocation per unit', { min: 0 }) ?? 0,
          },
          units,
        );
  if (!(cost.total <= MAX_AMOUNT))
    throw new InputError(`the rework comes to ${cost.total.toExponential(2)}, beyond any order; check the rate and minutes.`);
  // After a new major defect on re-inspection the next cycle is all the factory's, whatever the cause.
  const split = record.factoryPaysNextCycle && cycle > 1 ? { ...cause, labour: 1, other: 1, repacking: 1 } : cause;
  const labour = cost.labour * units;
  const allocation = allocateRework(split, { directLabour: labour, otherCosts: cost.total - labour });
  const days = number(terms, 'days', 'Days', { min: 1, whole: true });
  const hoursPerDay = number(terms, 'hoursPerDay', 'Hours per day', { min: 1, max: 24 });
  const operators = number(terms, 'operators', 'Operators', { min: 1, whole: true });
  // A quote per unit (the case study's USD 18) has no person-hours to plan.
  const timeline =
    quoted === undefined && Number(terms.labourMinutes) > 0
      ? reworkTimeline({ units, minutesPerUnit: Number(terms.labourMinutes), days, hoursPerDay, operators })
      : { hoursPerDay: hoursPerDay ?? '', operatorsNeeded: undefined, daysNeeded: undefined, unitsPerDay: undefined, milestones: [] };
  return {
    caseId: record.id,
    cycle,
    cause: cause.name,
    units,
    scope: scopeText(scope.units),
    leftOut: scope.leftOut.length ? `${scope.leftOut.join(', ')}: ${leftOutReason}` : '',
    quotedPrice: quoted ?? '',
    labourMinutes: quoted === undefined ? terms.labourMinutes : '',
    hourlyRate: quoted === undefined ? terms.hourlyRate : '',
    consumables: quoted === undefined ? cost.consumables : '',
    qcAllocation: cost.qcAllocation,
    costPerUnit: money(cost.perUnit),
    totalCost: money(cost.total),
    factoryShare: money(allocation.factory),
    buyerShare: money(allocation.buyer),
    days: days ?? timeline.daysNeeded ?? '',
    hoursPerDay: timeline.hoursPerDay,
    operators: terms.operators ?? '',
    operatorsNeeded: timeline.operatorsNeeded ?? '',
    unitsPerDay: timeline.unitsPerDay ?? '',
    milestones: timeline.milestones.map((m) => `D${m.day}: ${m.cumulative}`).join(', '),
    materialsVerified: false,
    dedicatedStation: false,
    seniorOperators: false,
    inspectorSignOff: false,
    agreedAt: now,
  };
}

export function agree(services: Services, request: unknown): Result<Saved<CaseSummary>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const settings = wb.settings();
    const gaps = wb.gapsOf(record.id);
    const reworkTerms = f.rework === undefined || f.rework === null ? undefined : fields(f.rework);
    const concessionTerms = f.concession === undefined || f.concession === null ? undefined : fields(f.concession);
    const next = recordAgreement(
      record,
      {
        rework: Boolean(reworkTerms),
        concession: Boolean(concessionTerms),
        overrideReason: text(f, 'overrideReason', 'Override reason', { max: 500 }),
      },
      gaps,
    );
    const extra: Row = {};
    if (concessionTerms) {
      const grades = gradeTable(settings.grades);
      // Agreed as a share of the order value ("3% of the order"), or built from the affected groups.
      const orderShare = number(concessionTerms, 'orderShare', 'Share of the order value', { min: 0, max: 1 });
      const groups = (orderShare !== undefined ? [] : list(concessionTerms, 'groups', 'Concession groups', 20)).map((item, i) => {
        const g = fields(item);
        const grade = text(g, 'grade', `Group ${i + 1}: grade`, { max: 60 });
        return {
          share: requiredNumber(g, 'share', `Group ${i + 1}: share of the lot`, { min: 0, max: 1 }),
          discount: grade ? grades.find(grade).default : requiredNumber(g, 'discount', `Group ${i + 1}: discount`, { min: 0, max: 1 }),
        };
      });
      const concession =
        orderShare !== undefined
          ? { discount: orderShare, credit: orderShare * record.orderValue }
          : concessionDiscount({
              groups,
              reworkCostSaved: number(concessionTerms, 'reworkCostSaved', 'Rework cost saved', { min: 0 }),
              shipmentValue: record.orderValue,
            });
      // A credit above the order would leave nothing to settle: refused now, not at settlement.
      if (concession.discount > 1) {
        throw new InputError(
          `the concession comes to ${(concession.discount * 100).toFixed(2)}% of the order value; it cannot be more than the whole order.`,
        );
      }
      extra.concessionDiscount = concession.discount;
      extra.concessionCredit = roundMoney(concession.credit ?? 0, record.currency);
    }
    if (reworkTerms) wb.append(REWORK, [reworkRow(record, 1, reworkTerms, settings, wb.now, recordedUnits(wb, record.id))]);
    const parts = [
      reworkTerms && 'rework',
      concessionTerms && `concession ${((Number(extra.concessionDiscount) || 0) * 100).toFixed(2)}%`,
    ].filter(Boolean);
    const override = next.evidenceOverride && gaps.length ? ` — evidence incomplete, override: ${next.evidenceOverride}` : '';
    wb.saveCase(stored, next, `Agreed: ${parts.join(' and ')}${override}`, extra, gaps);
    return summary(next, wb);
  });
}
