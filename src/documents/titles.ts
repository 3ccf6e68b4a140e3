/** Each document's title, one home for the documents and for the desk's Documents list. */
import type { Words } from './terms';

export const DOCUMENT_TITLES = {
  'hold-notice': { en: 'OQC Inspection Report and Quality Hold Notice', zh: '出货检验报告及质量暂扣通知书' },
  evidence: { en: 'Defect Evidence Sheet', zh: '缺陷证据表' },
  'rework-agreement': { en: 'Rework Agreement', zh: '返工协议' },
  reinspection: { en: 'Re-inspection Report', zh: '复检报告' },
  settlement: { en: 'Settlement Statement', zh: '结算单' },
  'po-annex': { en: 'Purchase Order Quality Annex', zh: '采购订单质量附件' },
} as const satisfies Record<string, Words>;
