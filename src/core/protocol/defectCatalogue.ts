/**
 * The protocol's defect catalogue for handbags, as plain data (a later version lets users edit it
 * in the workbook). Each type has either a fixed class or a measured criterion: a quantity, its
 * unit, and thresholds per context, checked worst first. Sources: the seed article's
 * classification (Step 2) and the domain notes.
 */

export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];
/** A classification: a defect class, or within tolerance. */
export type Classification = DefectClass | 'ok';

/** One threshold: the class applies when the measurement is above / at least / below / at most the limit. */
export interface Threshold {
  class: DefectClass;
  above?: number;
  atLeast?: number;
  below?: number;
  atMost?: number;
  /** Why, in words a factory manager reads on the report. */
  rule: string;
}

export interface Criterion {
  /** The contexts it takes (by name and alias) with their thresholds, worst first. */
  contexts: ReadonlyArray<{ name: string; aliases?: readonly string[]; thresholds: readonly Threshold[]; withinTolerance: string }>;
  /** The context used when none is given; without one, a context is required. */
  defaultContext?: string;
}

export interface DefectType {
  id: string;
  name: string;
  aliases: readonly string[];
  /** Functional defects need a short video besides the five photos. */
  functional: boolean;
  /** What is measured and in which unit; absent for types classified by their nature alone. */
  measure?: { quantity: string; unit: string };
  /** Fixed class, when the type alone decides it. */
  fixedClass?: DefectClass;
  /** Why the fixed class applies. */
  fixedRule?: string;
  criterion?: Criterion;
  /** For pass/fail checks: the words that mean pass (measurement text). */
  passWords?: readonly string[];
}

export const DEFECT_CATALOGUE: readonly DefectType[] = [
  {
    id: 'colour-deviation',
    name: 'Colour deviation',
    aliases: ['colour', 'colour difference', 'delta e', 'de', 'shade variation', 'colour variation'],
    functional: false,
    measure: { quantity: 'ΔE under D65 against the approved lab dip', unit: 'ΔE' },
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [
            { class: 'major', above: 1.5, rule: 'ΔE above 1.5 under D65 against the approved lab dip is major' },
            { class: 'minor', atLeast: 1.0, rule: 'ΔE from 1.0 to 1.5 under D65 is minor: visible close up, not at arm’s length' },
          ],
          withinTolerance: 'ΔE below 1.0 under D65 is within tolerance',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'loose-thread',
    name: 'Loose thread',
    aliases: ['uncut thread', 'thread end', 'loose threads', 'untrimmed thread'],
    functional: false,
    measure: { quantity: 'length of the uncut thread end', unit: 'cm' },
    criterion: {
      contexts: [
        {
          name: 'exterior',
          aliases: ['outside', 'visible'],
          thresholds: [{ class: 'minor', above: 1.5, rule: 'an uncut thread longer than 1.5 cm on the exterior is minor' }],
          withinTolerance: 'uncut threads up to 1.5 cm on the exterior are within tolerance',
        },
        {
          name: 'interior',
          aliases: ['inside', 'lining'],
          thresholds: [],
          withinTolerance: 'the thread-length criterion applies to the exterior only',
        },
      ],
      defaultContext: 'exterior',
    },
  },
  {
    id: 'skipped-stitches',
    name: 'Skipped stitches',
    aliases: ['skipped stitch', 'skip stitch', 'missed stitches', 'stitching inconsistency'],
    functional: false,
    measure: { quantity: 'consecutive skipped stitches on one panel', unit: 'stitches' },
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [
            { class: 'major', above: 3, rule: 'more than 3 consecutive skipped stitches is major' },
            // The article names 1–2 as minor and "more than 3" as major; 3 falls to minor.
            { class: 'minor', atLeast: 1, rule: '1 to 3 skipped stitches on a panel is minor' },
          ],
          withinTolerance: 'no skipped stitches',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'misalignment',
    name: 'Misalignment',
    aliases: ['alignment shift', 'seam misalignment', 'pattern misalignment', 'snap misalignment', 'offset'],
    functional: false,
    measure: { quantity: 'offset from the approved position', unit: 'mm' },
    criterion: {
      contexts: [
        {
          name: 'non-critical panel',
          aliases: ['non critical', 'lining pocket', 'internal divider', 'interior', 'lining', 'noncritical'],
          thresholds: [
            // Beyond the article's 2–3 mm band the offset is plainly visible: the case study's 3–5 mm snap offset was major.
            { class: 'major', above: 3, rule: 'more than 3 mm of misalignment is major' },
            { class: 'minor', atLeast: 2, rule: '2–3 mm of misalignment on a non-critical panel is minor' },
          ],
          withinTolerance: 'under 2 mm on a non-critical panel is within tolerance',
        },
        {
          name: 'critical panel',
          aliases: ['critical', 'exterior', 'front panel', 'hardware', 'snap', 'visible panel'],
          thresholds: [
            { class: 'major', atLeast: 2, rule: '2 mm or more of misalignment on an exterior panel or hardware position is major' },
          ],
          withinTolerance: 'under 2 mm on an exterior panel is within tolerance',
        },
      ],
      defaultContext: 'non-critical panel',
    },
  },
  {
    id: 'seam-pull-test',
    name: 'Seam pull test',
    aliases: ['seam failure', 'pull test', 'seam strength', 'seam pull'],
    functional: true,
    measure: { quantity: 'load the seam held before failing', unit: 'kg' },
    criterion: {
      contexts: [
        {
          name: 'shoulder strap',
          aliases: ['strap'],
          thresholds: [{ class: 'major', below: 15, rule: 'a shoulder-strap seam failing under a 15 kg pull is major' }],
          withinTolerance: 'the shoulder-strap seam held 15 kg',
        },
        {
          name: 'main handle',
          aliases: ['handle', 'handle attachment'],
          thresholds: [{ class: 'major', below: 10, rule: 'a main-handle seam failing under a 10 kg pull is major' }],
          withinTolerance: 'the main-handle seam held 10 kg',
        },
      ],
    },
  },
  {
    id: 'zipper',
    name: 'Zipper failure',
    aliases: ['zip', 'broken zipper', 'zipper', 'zipper cycles', 'zip failure', 'broken zip'],
    functional: true,
    measure: { quantity: 'open/close cycles survived', unit: 'cycles' },
    fixedClass: 'major',
    fixedRule: 'a zipper whose pull separates or whose teeth do not interlock is major',
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [{ class: 'major', below: 3000, rule: 'a zipper failing before 3,000 open/close cycles is major' }],
          withinTolerance: 'the zipper passed 3,000 open/close cycles',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'hardware-corrosion',
    name: 'Hardware corrosion',
    aliases: ['salt spray', 'tarnishing', 'hardware tarnishing', 'plating peeling', 'corrosion'],
    functional: false,
    measure: { quantity: 'hours of salt spray (ASTM B117) before corrosion or peeling showed', unit: 'h' },
    fixedClass: 'major',
    fixedRule: 'visible corrosion or peeling plating on hardware is major',
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [{ class: 'major', atMost: 48, rule: 'corrosion or peeling within a 48 h salt spray test (ASTM B117) is major' }],
          withinTolerance: 'the hardware passed 48 h of salt spray',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'coating-delamination',
    name: 'Coating delamination',
    aliases: ['delamination', 'pu peeling', 'peeling', 'bubbling coating'],
    functional: false,
    fixedClass: 'major',
    fixedRule: 'PU coating peeling or bubbling that exposes the substrate is major',
  },
  {
    id: 'edge-paint',
    name: 'Edge paint defect',
    aliases: ['edge paint', 'edge paint bubbling', 'edge paint smudge', 'edge ink'],
    functional: false,
    fixedClass: 'minor',
    fixedRule: 'edge paint bubbling or smudges that do not affect function are minor',
  },
  {
    id: 'lead-content',
    name: 'Lead content',
    aliases: ['lead', 'lead in plating', 'pb'],
    functional: false,
    measure: { quantity: 'lead in hardware plating', unit: 'ppm' },
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [{ class: 'critical', above: 100, rule: 'lead above 100 ppm in plating breaks the REACH limit: critical' }],
          withinTolerance: 'lead at or below the 100 ppm REACH limit',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'phthalates',
    name: 'Phthalates',
    aliases: ['phthalate', 'phthalate content', 'phthalates in pu'],
    functional: false,
    measure: { quantity: 'phthalates in the PU coating, percent by weight (0.15 for 0.15%)', unit: '% by weight' },
    criterion: {
      contexts: [
        {
          name: 'any',
          thresholds: [{ class: 'critical', above: 0.1, rule: 'phthalates above 0.1% by weight in PU coating: critical' }],
          withinTolerance: 'phthalates at or below 0.1% by weight',
        },
      ],
      defaultContext: 'any',
    },
  },
  {
    id: 'sharp-edge',
    name: 'Sharp edge',
    aliases: ['sharp edges', 'protruding wire', 'pinch hazard', 'sharp point', 'protruding teeth'],
    functional: false,
    fixedClass: 'critical',
    fixedRule: 'a sharp edge, protruding wire or pinch hazard can injure the user: critical',
  },
  {
    id: 'flammability',
    name: 'Flammability failure',
    aliases: ['flammability', 'flammability test', 'astm d1230', '16 cfr 1610'],
    functional: false,
    fixedClass: 'critical',
    fixedRule: 'lining failing ASTM D1230 / 16 CFR 1610 flammability: critical',
    passWords: ['pass', 'passed', 'ok', 'compliant'],
  },
  {
    id: 'material-claim',
    name: 'False material claim',
    aliases: ['material claim', 'certificate', 'transaction certificate', 'grs claim', 'false claim', 'material certificate'],
    functional: false,
    fixedClass: 'critical',
    fixedRule: 'a material claim (e.g. GRS RPET) without a valid Transaction Certificate: critical',
    passWords: ['valid', 'certified', 'pass', 'ok'],
  },
];
