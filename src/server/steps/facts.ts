/**
 * A case's recorded facts as the documents need them, read from the tracker's sheets (the same
 * rows the case view reads, so a step that answers with both reads each sheet once).
 */
import { splitTable } from '../../core/protocol/allocation';
import { catalogue, classifyDefect } from '../../core/protocol/classify';
import type { Catalogue } from '../../core/protocol/classify';
import { DEFAULT_SAVINGS_SHARE } from '../../core/protocol/concession';
import { reinspectionPlan } from '../../core/protocol/reinspection';
import { reworkCost } from '../../core/protocol/reworkCost';
import { reworkTimeline } from '../../core/protocol/timeline';
import type { AnnexFacts, CaseFacts, DefectFacts, InspectionFacts } from '../../documents/facts';
import { ruleInChinese } from '../../documents/rules';
import { recordedClasses } from '../../tracker/inspections';
import { DEFECTS, EVIDENCE, INSPECTIONS, REWORK, SETTLEMENTS } from '../../tracker/schema';
import type { Settings } from '../../tracker/settings';
import type { Row, StoredRow } from '../../tracker/table';
import type { CaseRecord } from '../../core/case/lifecycle';
import type { Workbook } from '../../tracker/workbook';
import { EVIDENCE_KINDS } from '../../core/case/evidence';
import { iso } from './common';
import { scopeOfCycle } from './scope';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const isoOf = (v: unknown) => (v instanceof Date ? iso(v) : '');

function inspectionFacts(v: Row): InspectionFacts {
  return {
    kind: v.kind === 'OQC' ? 'OQC' : 'Re-inspection',
    at: isoOf(v.at),
    place: str(v.place),
    inspector: str(v.inspector),
    level: str(v.level),
    severity: str(v.severity),
    severityMinor: str(v.severityMinor) || str(v.severity),
    letter: str(v.letter),
    sampleSize: Number(v.sampleSize) || 0,
    ...recordedClasses(v),
    fullInspection: Number(v.fullInspection) || 0,
    fullInspectionFailures: Number(v.fullInspectionFailures) || 0,
    newMajor: Number(v.newMajor) || 0,
    verdict: str(v.verdict),
    reasons: str(v.reasons).split('; ').filter(Boolean),
  };
}

/** A defect with its rule in Chinese when today's catalogue still gives the rule it was recorded under. */
function defectFacts(v: Row, types: Catalogue): DefectFacts {
  let typeId = '';
  let ruleZh = '';
  let measurement = str(v.measurement);
  try {
    const again = classifyDefect(str(v.defectType), str(v.measurement), str(v.context), types);
    typeId = again.type.id;
    // A bare number prints with its unit: "3" of misalignment is 3 mm to a reader of the page.
    if (again.type.measure && /^[\d.]+$/.test(measurement)) measurement = `${measurement} ${again.type.measure.unit}`;
    if (again.rule === str(v.rule)) ruleZh = ruleInChinese(again);
  } catch {
    // A type or measurement the catalogue no longer reads: the rule stands as recorded, in English.
  }
  return {
    unitRef: str(v.unitRef),
    carton: str(v.carton),
    typeId,
    defectType: str(v.defectType),
    measurement,
    context: str(v.context),
    class: str(v.class).toLowerCase(),
    rule: str(v.rule),
    ruleZh,
    cause: str(v.cause),
    inRejectBox: v.inRejectBox === true,
    functional: v.functional === true,
    foundAt: str(v.foundAt) || 'OQC',
  };
}

/** A case's facts; `found` is the case's row when the caller has it already (a look-up costs Sheets calls). */
export function caseFacts(wb: Workbook, id: string, found: { stored: StoredRow; record: CaseRecord } = wb.findCase(id)): CaseFacts {
  const { stored, record } = found;
  const settings = wb.settings();
  // One look-up table for every defect of the case (every save's answer builds these facts).
  const types = catalogue(settings.catalogue);
  const splits = splitTable(settings.splits);
  const inspections = wb
    .rowsOf(INSPECTIONS, id)
    .map((r) => r.values)
    .filter((v) => v.verdict !== 'VOID');
  const oqc = inspections.filter((v) => v.kind === 'OQC').at(-1);
  const reinspections = inspections.filter((v) => v.kind !== 'OQC').map(inspectionFacts);
  const settled = wb
    .rowsOf(SETTLEMENTS, id)
    .map((r) => r.values)
    .filter((v) => !v.voided)
    .at(-1);
  const passed = inspections.filter((v) => v.verdict === 'PASS').at(-1);
  const credit = Number(stored.values.concessionCredit) || 0;
  return {
    id: record.id,
    timeZone: wb.timeZone(),
    factory: record.factory,
    style: record.style,
    po: record.po,
    orderValue: record.orderValue,
    currency: record.currency,
    lotSize: record.lotSize,
    status: record.status,
    holdAt: iso(record.holdAt),
    notifyBy: iso(record.notifyBy),
    cartonsSealed: num(stored.values.cartonsSealed),
    agentNotifiedAt: iso(record.agentNotifiedAt),
    quarantined: record.quarantined,
    oqc: oqc && inspectionFacts(oqc),
    defects: wb
      .rowsOf(DEFECTS, id)
      .filter((r) => r.values.class !== 'OK')
      .map((r) => defectFacts(r.values, types)),
    evidence: wb.rowsOf(EVIDENCE, id).map((r) => ({
      unitRef: str(r.values.unitRef),
      links: Object.fromEntries(EVIDENCE_KINDS.flatMap(({ key }) => (r.values[key] ? [[key, str(r.values[key])]] : []))),
    })),
    rework: wb.rowsOf(REWORK, id).map((row) => {
      const v = row.values;
      const split = (() => {
        try {
          return splits.find(str(v.cause));
        } catch {
          return undefined;
        }
      })();
      const units = Number(v.units) || 0;
      const minutes = num(v.labourMinutes);
      const rate = num(v.hourlyRate);
      const plan = reinspectionPlan({
        lotSize: record.lotSize,
        reworkedUnits: Math.min(units, record.lotSize),
        aqlMajor: record.aqlMajor,
        aqlMinor: record.aqlMinor,
      });
      const cycle = Number(v.cycle) || 1;
      return {
        cycle,
        cause: str(v.cause),
        causeId: split?.id ?? '',
        split: split
          ? { labour: split.labour, other: split.other, repacking: split.repacking, rule: split.rule }
          : { labour: 0, other: 0, repacking: 0, rule: '' },
        factoryPaysAll: record.factoryPaysNextCycle && cycle > 1,
        units,
        scope: scopeOfCycle(wb, record, row),
        leftOut: str(v.leftOut),
        quotedPrice: num(v.quotedPrice),
        labourMinutes: minutes,
        hourlyRate: rate,
        labourPerUnit: minutes !== null && rate !== null ? reworkCost({ labourMinutes: minutes, hourlyRate: rate }).labour : null,
        consumables: num(v.consumables),
        qcAllocation: Number(v.qcAllocation) || 0,
        costPerUnit: Number(v.costPerUnit) || 0,
        totalCost: Number(v.totalCost) || 0,
        factoryShare: Number(v.factoryShare) || 0,
        buyerShare: Number(v.buyerShare) || 0,
        days: num(v.days),
        hoursPerDay: num(v.hoursPerDay),
        operators: num(v.operators),
        operatorsNeeded: num(v.operatorsNeeded),
        unitsPerDay: num(v.unitsPerDay),
        // Shown to a tenth of an hour, as a plan is agreed.
        personHours:
          minutes !== null && minutes > 0 && units
            ? Math.round(reworkTimeline({ units, minutesPerUnit: minutes }).personHours * 10) / 10
            : null,
        milestones: str(v.milestones),
        agreedAt: isoOf(v.agreedAt),
        reinspection: {
          fullInspection: plan.fullInspection,
          remainder: plan.remainder,
          letter: plan.letter ?? '',
          sampleSize: plan.sampleSize,
          majorAc: plan.major?.acceptance ?? 0,
          majorRe: plan.major?.rejection ?? 0,
          minorAc: plan.minor?.acceptance ?? 0,
          minorRe: plan.minor?.rejection ?? 0,
        },
      };
    }),
    concession: record.concessionAgreed ? { discount: Number(stored.values.concessionDiscount) || 0, credit } : undefined,
    reinspections,
    settlement: settled && {
      orderValue: Number(settled.orderValue) || 0,
      reworkCost: Number(settled.reworkCost) || 0,
      factoryRework: Number(settled.factoryRework) || 0,
      buyerRework: Number(settled.buyerRework) || 0,
      concessionDiscount: Number(settled.concessionDiscount) || 0,
      concessionCredit: Number(settled.concessionCredit) || 0,
      valueKept: Number(settled.valueKept) || 0,
      recoveryRate: Number(settled.recoveryRate) || 0,
      settledAt: isoOf(settled.settledAt),
      releasedAt: passed ? isoOf(passed.at) : isoOf(settled.settledAt),
    },
  };
}

/** The workbook's settings as the PO quality annex states them. */
export function annexFacts(settings: Settings): AnnexFacts {
  const { level, severity, aqlMajor, aqlMinor, holdNoticeHours, currency, catalogue: types, splits, grades } = settings;
  return {
    level,
    severity,
    aqlMajor,
    aqlMinor,
    holdNoticeHours,
    currency,
    catalogue: types,
    splits,
    grades,
    savingsShare: DEFAULT_SAVINGS_SHARE,
  };
}
