import { InputError } from '../errors';
import { wholeCount } from '../checks';
import { samplePlan } from '../sampling/samplePlan';
import type { SamplePlan } from '../sampling/samplePlan';
import type { Severity } from '../sampling/tables';
import { DEFAULT_AQL_MAJOR, DEFAULT_AQL_MINOR } from '../sampling/vocabulary';

/** Re-inspection escalates the unreworked rest from Level II to Level III (a larger sample). */
export const REINSPECTION_LEVEL = 'III' as const;

export interface ReinspectionInput {
  lotSize: number;
  reworkedUnits: number;
  /** Units in the same cartons as reworked ones: rework tools can damage them. */
  adjacentUnits?: number;
  aqlMajor?: number;
  aqlMinor?: number;
  severity?: Severity;
}

export interface ReinspectionPlan {
  /** Reworked + adjacent units, every one inspected. */
  fullInspection: number;
  /** The unreworked rest, sampled at Level III. */
  remainder: number;
  /** Plans for the remainder, one per class; absent when nothing remains. */
  major?: SamplePlan;
  minor?: SamplePlan;
  /** Units drawn from the remainder: the larger of the two plans (each class is judged on its own plan's count). */
  sampleSize: number;
  /** The letter of the plan that sets the sample size. */
  letter?: string;
  totalToInspect: number;
}

/** Step 6: 100% of reworked and adjacent units, Level III sampling of the rest at the same AQLs. */
export function reinspectionPlan(input: ReinspectionInput): ReinspectionPlan {
  const adjacent = input.adjacentUnits ?? 0;
  wholeCount('lot size', input.lotSize);
  wholeCount('reworked units', input.reworkedUnits);
  wholeCount('adjacent units', adjacent);
  const fullInspection = input.reworkedUnits + adjacent;
  if (fullInspection > input.lotSize) {
    throw new InputError(`reworked and adjacent units (${fullInspection}) cannot exceed the lot size (${input.lotSize}).`);
  }
  const remainder = input.lotSize - fullInspection;
  if (remainder === 0) return { fullInspection, remainder, sampleSize: 0, totalToInspect: fullInspection };
  const options = { level: REINSPECTION_LEVEL, severity: input.severity ?? 'normal' } as const;
  const major = samplePlan(remainder, { ...options, aql: input.aqlMajor ?? DEFAULT_AQL_MAJOR });
  const minor = samplePlan(remainder, { ...options, aql: input.aqlMinor ?? DEFAULT_AQL_MINOR });
  const larger = minor.sampleSize > major.sampleSize ? minor : major;
  return {
    fullInspection,
    remainder,
    major,
    minor,
    sampleSize: larger.sampleSize,
    letter: larger.letter,
    totalToInspect: fullInspection + larger.sampleSize,
  };
}

export interface ReinspectionFindings {
  /** Reworked or adjacent units still carrying a major or critical defect. */
  fullInspectionFailures: number;
  /** Defectives found in the remainder's sample, by class. */
  sampleCritical?: number;
  sampleMajor: number;
  sampleMinor: number;
  /** Major defects of a kind the original inspection did not find, anywhere in the re-inspection. */
  newMajorDefects: number;
}

export interface ReinspectionVerdict {
  passed: boolean;
  reasons: string[];
  /** A new major defect fails the lot at once, and the next rework cycle is all the factory's. */
  nextCycleAtFactoryCost: boolean;
}

/** The re-inspection rules of Step 6, with every reason that applies (a factory is shown them all). */
export function reinspectionVerdict(plan: ReinspectionPlan, findings: ReinspectionFindings): ReinspectionVerdict {
  const critical = findings.sampleCritical ?? 0;
  wholeCount('failures among reworked and adjacent units', findings.fullInspectionFailures);
  wholeCount('critical defects in the sample', critical);
  wholeCount('major defects in the sample', findings.sampleMajor);
  wholeCount('minor defects in the sample', findings.sampleMinor);
  wholeCount('new major defects', findings.newMajorDefects);
  if (findings.newMajorDefects > plan.totalToInspect) {
    throw new InputError(`new major defects (${findings.newMajorDefects}) cannot exceed the ${plan.totalToInspect} units re-inspected.`);
  }
  if (findings.fullInspectionFailures > plan.fullInspection) {
    throw new InputError(
      `failures among reworked and adjacent units (${findings.fullInspectionFailures}) cannot exceed the ${plan.fullInspection} inspected.`,
    );
  }
  const reasons: string[] = [];
  if (findings.newMajorDefects > 0)
    reasons.push(`${findings.newMajorDefects} new major defect(s) not found at the original inspection: the lot fails at once`);
  if (findings.fullInspectionFailures > 0)
    reasons.push(`${findings.fullInspectionFailures} reworked or adjacent unit(s) still have a major or critical defect`);
  if (critical > 0) reasons.push(`${critical} critical defect(s) in the sample: zero tolerance`);
  if (plan.major && findings.sampleMajor >= plan.major.rejection)
    reasons.push(`${findings.sampleMajor} major in the sample reaches Re ${plan.major.rejection}`);
  if (plan.minor && findings.sampleMinor >= plan.minor.rejection)
    reasons.push(`${findings.sampleMinor} minor in the sample reaches Re ${plan.minor.rejection}`);
  return { passed: reasons.length === 0, reasons, nextCycleAtFactoryCost: findings.newMajorDefects > 0 };
}
