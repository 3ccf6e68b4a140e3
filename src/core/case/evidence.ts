/** Step 3's evidence standard: five photos per defective unit, and a video for functional defects. */
export const PHOTO_KINDS = [
  { key: 'wide', label: 'Wide shot with batch/style/date label', short: 'wide' },
  { key: 'closeUp', label: 'Close-up with scale ruler', short: 'close-up' },
  { key: 'vsApproved', label: 'Side by side with approved sample', short: 'vs approved' },
  { key: 'measurement', label: 'Measurement (calliper, SPI, gap)', short: 'measure' },
  { key: 'batchContext', label: 'Batch context', short: 'batch' },
] as const;

/** Every kind of evidence link a unit can have: the five photos, then the video. */
export const EVIDENCE_KINDS: ReadonlyArray<{ key: string; label: string; short: string }> = [
  ...PHOTO_KINDS,
  { key: 'video', label: 'Video', short: 'video' },
];

export type PhotoKind = (typeof PHOTO_KINDS)[number]['key'];

export interface UnitEvidence {
  unitRef: string;
  photos: Partial<Record<PhotoKind, string>>;
  video?: string;
}

export interface DefectiveUnit {
  unitRef: string;
  functional: boolean;
}

export interface EvidenceGap {
  unitRef: string;
  missing: string[];
}

const present = (link: string | undefined) => Boolean(link && link.trim());

/** Each defective unit once, with whether any of its defects is functional (then a video is due too). */
function unitsNeeding(units: readonly DefectiveUnit[]): Map<string, boolean> {
  const needsVideo = new Map<string, boolean>();
  for (const unit of units) needsVideo.set(unit.unitRef, (needsVideo.get(unit.unitRef) ?? false) || unit.functional);
  return needsVideo;
}

function isComplete(found: UnitEvidence | undefined, needsVideo: boolean): boolean {
  return Boolean(found) && PHOTO_KINDS.every((k) => present(found!.photos[k.key])) && (!needsVideo || present(found!.video));
}

/** What each defective unit still lacks; empty when the evidence is complete. */
export function evidenceGaps(units: readonly DefectiveUnit[], evidence: readonly UnitEvidence[]): EvidenceGap[] {
  const byUnit = new Map(evidence.map((e) => [e.unitRef, e]));
  const gaps: EvidenceGap[] = [];
  for (const [unitRef, video] of unitsNeeding(units)) {
    const found = byUnit.get(unitRef);
    if (isComplete(found, video)) continue;
    const missing: string[] = PHOTO_KINDS.filter((k) => !present(found?.photos[k.key])).map((k) => k.label);
    if (video && !present(found?.video)) missing.push('Video of the functional defect');
    gaps.push({ unitRef, missing });
  }
  return gaps;
}

/** How many defective units lack evidence: the same rule as evidenceGaps, without listing what. */
export function unitsLackingEvidence(units: readonly DefectiveUnit[], evidence: readonly UnitEvidence[]): number {
  const byUnit = new Map(evidence.map((e) => [e.unitRef, e]));
  let lacking = 0;
  for (const [unitRef, video] of unitsNeeding(units)) if (!isComplete(byUnit.get(unitRef), video)) lacking++;
  return lacking;
}
