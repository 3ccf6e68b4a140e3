import { recordClassification, recordEvidenceState } from '../../core/case/lifecycle';
import { InputError } from '../../core/errors';
import { splitTable } from '../../core/protocol/allocation';
import { catalogue, classifyDefect } from '../../core/protocol/classify';
import type { Classification } from '../../core/protocol/defectCatalogue';
import type { CaseSummary, Result } from '../../shared/contract';
import { DEFECTS } from '../../tracker/schema';
import type { Row, StoredRow } from '../../tracker/table';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, flag, list, text } from '../validate';
import { onCase, summary } from './common';
import type { Saved } from './common';

/**
 * Reads and classifies a list of defective units for a case, as the OQC's and the re-inspection's
 * are: each unit by the catalogue (thresholds as set in RD Settings), each unit and defect type once.
 */
export function classifiedRows(wb: Workbook, caseId: string, items: readonly unknown[], foundAt: string): Row[] {
  return classifiedRowsFor(wb, caseId, items, foundAt);
}

/** As classifiedRows; `replacing` is a recorded row being corrected, which does not count as a duplicate. */
export function classifiedRowsFor(wb: Workbook, caseId: string, items: unknown, foundAt: string, replacing?: StoredRow): Row[] {
  return classify(wb, caseId, Array.isArray(items) ? items : [items], foundAt, replacing);
}

function classify(wb: Workbook, caseId: string, items: readonly unknown[], foundAt: string, replacing?: StoredRow): Row[] {
  const settings = wb.settings();
  const splits = splitTable(settings.splits);
  const types = catalogue(settings.catalogue);
  // Each unit and defect type once per inspection: a unit reworked and found at fault again is a new finding.
  const known = new Set(
    wb
      .rowsOf(DEFECTS, caseId)
      .filter((r) => r !== replacing && (r.values.foundAt || 'OQC') === foundAt)
      .map((r) => `${String(r.values.unitRef)}|${String(r.values.defectType)}`),
  );
  return items.map((item, i): Row => {
    const d = fields(item);
    const label = (name: string) => `Defect ${i + 1}: ${name}`;
    const unitRef = text(d, 'unitRef', label('unit'), { required: true, max: 60 });
    if (/[\n\r]/.test(unitRef)) throw new InputError(`${label('unit')} must be on one line.`);
    const type = types.find(text(d, 'defectType', label('defect type'), { required: true, max: 100 }));
    if (known.has(`${unitRef}|${type.name}`)) throw new InputError(`unit ${unitRef} already has a ${type.name.toLowerCase()} recorded.`);
    known.add(`${unitRef}|${type.name}`);
    const measured = d.measurement;
    const measurement =
      measured === undefined || measured === null || measured === ''
        ? undefined
        : typeof measured === 'number'
          ? measured
          : text(d, 'measurement', label('measurement'), { max: 60 });
    const context = text(d, 'context', label('context'), { max: 60 });
    const result = classifyDefect(type.name, measurement, context || undefined, types);
    const cause = text(d, 'cause', label('cause'), { max: 60 });
    return {
      caseId,
      unitRef,
      carton: text(d, 'carton', label('carton'), { max: 60 }),
      defectType: type.name,
      measurement: measurement === undefined ? '' : String(measurement),
      context: result.context ?? context,
      cause: cause ? splits.find(cause).name : '',
      inRejectBox: flag(d, 'inRejectBox'),
      foundAt,
      class: result.classification.toUpperCase(),
      rule: result.rule,
      functional: type.functional,
      recordedAt: wb.now,
    };
  });
}

export function addDefects(services: Services, request: unknown): Result<Saved<CaseSummary & { classes: string[] }>> {
  return onCase(services, request, ({ wb, f, stored, record }) => {
    const rows = classifiedRows(wb, record.id, list(f, 'defects', 'Defects'), 'OQC');
    const classified = recordClassification(
      record,
      rows.map((r) => String(r.class).toLowerCase() as Classification),
    );
    wb.append(DEFECTS, rows);
    const gaps = wb.gapsOf(record.id);
    const next = recordEvidenceState(classified, gaps);
    wb.saveCase(stored, next, `Defects classified: ${rows.map((r) => `${String(r.unitRef)} ${String(r.class)}`).join(', ')}`, {}, gaps);
    return { ...summary(next, wb), classes: rows.map((r) => String(r.class)) };
  });
}
