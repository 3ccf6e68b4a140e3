import type { Row } from './table';

/** A class's plan and count as an RD Inspections row records them. */
export interface RecordedClass {
  aql: number;
  acceptance: number;
  rejection: number;
  found: number;
}

const num = (v: unknown) => Number(v) || 0;

/** The major and minor plans an inspection was judged against, and what was found: one reading for every reader of the row. */
export function recordedClasses(v: Row): { major: RecordedClass; minor: RecordedClass; criticalFound: number } {
  return {
    major: { aql: num(v.aqlMajor), acceptance: num(v.majorAc), rejection: num(v.majorRe), found: num(v.majorFound) },
    minor: { aql: num(v.aqlMinor), acceptance: num(v.minorAc), rejection: num(v.minorRe), found: num(v.minorFound) },
    criticalFound: num(v.criticalFound),
  };
}
