/** Step 3's evidence standard: five photos per defective unit, and a video for functional defects. */
export const PHOTO_KINDS = [
  { key: 'wide', label: 'Wide shot with batch/style/date label' },
  { key: 'closeUp', label: 'Close-up with scale ruler' },
  { key: 'vsApproved', label: 'Side by side with approved sample' },
  { key: 'measurement', label: 'Measurement (calliper, SPI, gap)' },
  { key: 'batchContext', label: 'Batch context' },
] as const;

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

/** What each defective unit still lacks; empty when the evidence is complete. */
export function evidenceGaps(units: readonly DefectiveUnit[], evidence: readonly UnitEvidence[]): EvidenceGap[] {
  const byUnit = new Map(evidence.map((e) => [e.unitRef, e]));
  const needsVideo = new Map<string, boolean>();
  for (const unit of units) needsVideo.set(unit.unitRef, (needsVideo.get(unit.unitRef) ?? false) || unit.functional);
  const gaps: EvidenceGap[] = [];
  for (const [unitRef, video] of needsVideo) {
    const found = byUnit.get(unitRef);
    const missing: string[] = PHOTO_KINDS.filter((k) => !found?.photos[k.key]?.trim()).map((k) => k.label);
    if (video && !found?.video?.trim()) missing.push('Video of the functional defect');
    if (missing.length) gaps.push({ unitRef, missing });
  }
  return gaps;
}
