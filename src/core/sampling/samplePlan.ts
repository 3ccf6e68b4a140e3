import { InputError } from '../errors';
import { wholeCount } from '../checks';
import { CODE_LETTERS, TABLE_I, TABLES_BY_SEVERITY, INSPECTION_LEVELS } from './tables';
import type { CodeLetter, InspectionLevel, Severity, SeverityTable } from './tables';
import { DEFAULT_AQL, DEFAULT_LEVEL, DEFAULT_SEVERITY, ZERO_TOLERANCE, aqlColumn, checkAql } from './vocabulary';

export interface PlanOptions {
  /**
   * Which edition's reduced plans: MIL-STD-105E / Z1.4 (the default) keep a gap between Ac and Re;
   * ISO 2859-1:1999 closed it (Re = Ac + 1), so a count above Ac is not accepted.
   */
  edition?: 'ISO 2859-1' | '105E';
  level?: InspectionLevel;
  /** A standard AQL, or 0 for zero tolerance. Default 2.5. */
  aql?: number;
  severity?: Severity;
}

export interface SamplePlan {
  lotSize: number;
  level: InspectionLevel;
  aql: number;
  severity: Severity;
  /** The letter Table I gives for the lot and level. */
  tableLetter: CodeLetter;
  /** The letter of the plan used, after following any arrow: it and sampleSize always belong together. */
  letter: CodeLetter;
  /** Units to inspect: the plan's sample size, capped at the lot size. */
  sampleSize: number;
  /** True when the plan's sample size reaches the lot size, so every unit is inspected. */
  hundredPercent: boolean;
  acceptance: number;
  rejection: number;
}

/** The largest lot the engine accepts; far beyond any production lot, small enough to stay exact. */
export const MAX_LOT_SIZE = 1e12;

/** Table I: the sample size code letter for a lot and an inspection level. */
export function codeLetter(lotSize: number, level: InspectionLevel = DEFAULT_LEVEL): CodeLetter {
  checkLotSize(lotSize);
  const row = TABLE_I.find(([maxLot]) => lotSize <= maxLot) ?? TABLE_I[TABLE_I.length - 1];
  return row[1][INSPECTION_LEVELS.indexOf(level)] as CodeLetter;
}

export function checkLotSize(lotSize: number): void {
  if (!Number.isInteger(lotSize) || lotSize < 1 || lotSize > MAX_LOT_SIZE) {
    throw new InputError(`lot size must be a whole number of units from 1 to ${MAX_LOT_SIZE.toExponential()}; got ${lotSize}.`);
  }
}

type Cell = { ac: number; re: number } | '↓' | '↑';

const parsed = new Map<SeverityTable, Map<CodeLetter, Cell[]>>();

function cellsOf(table: SeverityTable): Map<CodeLetter, Cell[]> {
  let rows = parsed.get(table);
  if (!rows) {
    rows = new Map();
    for (const [letter, text] of Object.entries(table.rows) as Array<[CodeLetter, string]>) {
      rows.set(
        letter,
        text
          .trim()
          .split(/\s+/)
          .map((token): Cell => {
            if (token === '↓' || token === '↑') return token;
            const [ac, re] = token.split('/').map(Number);
            return { ac, re };
          }),
      );
    }
    parsed.set(table, rows);
  }
  return rows;
}

/** Follows the arrows of one table from a letter and an AQL column to the plan they lead to. */
export function resolvePlan(
  table: SeverityTable,
  start: CodeLetter,
  column: number,
): { letter: CodeLetter; sampleSize: number; acceptance: number; rejection: number } {
  const rows = cellsOf(table);
  let index = CODE_LETTERS.indexOf(start);
  for (let steps = 0; steps < CODE_LETTERS.length; steps++) {
    const letter = CODE_LETTERS[index];
    const cell = rows.get(letter)?.[column];
    if (cell === undefined) break;
    if (cell === '↓') index++;
    else if (cell === '↑') index--;
    else return { letter, sampleSize: table.sampleSize[letter]!, acceptance: cell.ac, rejection: cell.re };
  }
  throw new Error(`${table.name} has no plan for ${start} at column ${column}`);
}

/**
 * The single sampling plan for a lot: ISO 2859-1 Table I, then Table II-A/B/C with its arrows
 * followed. A plan whose sample size reaches the lot size means inspecting every unit with the
 * same Ac/Re. AQL 0 is zero tolerance: the letter's own sample size, Ac 0, Re 1.
 */
export function samplePlan(lotSize: number, options: PlanOptions = {}): SamplePlan {
  const level = options.level ?? DEFAULT_LEVEL;
  const severity = options.severity ?? DEFAULT_SEVERITY;
  const aql = checkAql(options.aql ?? DEFAULT_AQL);
  const table = TABLES_BY_SEVERITY[severity];
  const tableLetter = codeLetter(lotSize, level);
  const plan =
    aql === ZERO_TOLERANCE
      ? { letter: tableLetter, sampleSize: table.sampleSize[tableLetter]!, acceptance: 0, rejection: 1 }
      : resolvePlan(table, tableLetter, aqlColumn(aql));
  return {
    lotSize,
    level,
    aql,
    severity,
    tableLetter,
    letter: plan.letter,
    sampleSize: Math.min(plan.sampleSize, lotSize),
    hundredPercent: plan.sampleSize >= lotSize,
    acceptance: plan.acceptance,
    rejection: options.edition === 'ISO 2859-1' && severity === 'reduced' ? plan.acceptance + 1 : plan.rejection,
  };
}

/**
 * accept: count ≤ Ac. reject: count ≥ Re. accept-resume-normal: only under reduced inspection
 * (MIL-STD-105E / Z1.4), a count strictly between Ac and Re accepts this lot but the next lots go
 * back to normal inspection.
 */
export type LotVerdict = 'accept' | 'accept-resume-normal' | 'reject';

export function lotVerdict(defectsFound: number, plan: Pick<SamplePlan, 'acceptance' | 'rejection'>): LotVerdict {
  wholeCount('defects found', defectsFound);
  if (defectsFound <= plan.acceptance) return 'accept';
  if (defectsFound >= plan.rejection) return 'reject';
  return 'accept-resume-normal';
}

/**
 * The acceptance number one AQL step tighter in the same table row as a plan (the same sample,
 * judged against the stricter column): what ISO 2859-1's switching score asks of plans with
 * Ac ≥ 2. Undefined where that cell is an arrow or there is no tighter column.
 */
export function tighterAcceptance(plan: Pick<SamplePlan, 'letter' | 'aql' | 'severity'>): number | undefined {
  const column = aqlColumn(plan.aql);
  if (column <= 0) return undefined;
  const cell = cellsOf(TABLES_BY_SEVERITY[plan.severity]).get(plan.letter)?.[column - 1];
  return cell && typeof cell === 'object' ? cell.ac : undefined;
}
