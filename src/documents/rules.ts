/**
 * A deciding rule in Chinese, built from the same threshold the English rule belongs to, so an
 * edited threshold reads right in both languages.
 */
import type { DefectClassification } from '../core/protocol/classify';
import { CLASS_WORDS, CONTEXT_WORDS, DEFECT_TYPE_WORDS } from './terms';

const UNIT_ZH: Readonly<Record<string, string>> = {
  ΔE: 'ΔE',
  cm: '厘米',
  mm: '毫米',
  kg: '千克',
  h: '小时',
  ppm: 'ppm',
  stitches: '针',
  cycles: '次',
  '% by weight': '%（重量比）',
};

/** The type's Chinese name, or its English one for a type the glossary does not have. */
export function typeInChinese(typeId: string, english: string): string {
  return DEFECT_TYPE_WORDS[typeId] ?? english;
}

export function ruleInChinese(c: DefectClassification): string {
  // A context reads after a middle dot: 错位·关键部位（外部裁片或五金位置）, never brackets within brackets.
  const name = typeInChinese(c.type.id, c.type.name) + (c.context && CONTEXT_WORDS[c.context] ? `·${CONTEXT_WORDS[c.context]}` : '');
  const verdict = CLASS_WORDS[c.classification].zh;
  const t = c.threshold;
  if (!t) return `${name}：${c.classification === 'ok' ? verdict : c.type.passWords ? `不合格，判为${verdict}` : `判为${verdict}`}`;
  const unit = c.type.measure ? (UNIT_ZH[c.type.measure.unit] ?? c.type.measure.unit) : '';
  const limits = [
    t.above !== undefined && `> ${t.above}`,
    t.atLeast !== undefined && `≥ ${t.atLeast}`,
    t.below !== undefined && `< ${t.below}`,
    t.atMost !== undefined && `≤ ${t.atMost}`,
  ].filter(Boolean);
  return `${name}：测量值 ${limits.join(' 且 ')} ${unit}，判为${verdict}`;
}
