/**
 * The documents' words in English and 简体中文, one home for each term. The Chinese follows
 * shared/glossary-zh.md: GB/T 2828.1-2012 wording for sampling terms (the national adoption of
 * ISO 2859-1, so a factory QC manager reads their own paperwork's words), factory-floor wording for
 * the protocol's. The user never types a translation.
 */
export interface Words {
  en: string;
  zh: string;
}

const w = (en: string, zh: string): Words => ({ en, zh });

export const TERM = {
  aql: w('Acceptance quality limit (AQL)', '接收质量限（AQL）'),
  lot: w('Lot', '批'),
  lotSize: w('Lot size', '批量'),
  sample: w('Sample', '样本'),
  sampleSize: w('Sample size', '样本量'),
  codeLetter: w('Sample size code letter', '样本量字码'),
  level: w('Inspection level', '检验水平'),
  severity: w('Inspection severity', '检验严格度'),
  singlePlan: w('Single sampling plan', '一次抽样方案'),
  ac: w('Acceptance number (Ac)', '接收数（Ac）'),
  re: w('Rejection number (Re)', '拒收数（Re）'),
  accept: w('Accept', '接收'),
  reject: w('Reject', '拒收'),
  found: w('Found', '发现数'),
  verdict: w('Verdict', '判定'),
  reasons: w('Reasons', '判定理由'),
  nonconforming: w('Nonconforming units', '不合格品'),
  fullInspection: w('100% inspection', '全数检验（100%检验）'),
  oqc: w('Outgoing quality control (OQC) inspection', '出货检验（OQC）'),
  holdNotice: w('Quality Hold Notice', '质量暂扣通知书'),
  holdTags: w('Cartons sealed with hold tags', '封箱并贴暂扣标签的箱数'),
  holdSince: w('Hold began', '暂扣开始时间'),
  holdInstruction: w(
    'All finished goods remain in the factory warehouse pending resolution.',
    '所有成品须留存于工厂仓库，待问题解决后方可出货。',
  ),
  approvedSample: w('Approved (pre-production) sample', '确认样（产前样）'),
  rejectBox: w('Reject sample box', '不良品留样箱'),
  inRejectBox: w('In reject sample box', '已放入不良品留样箱'),
  rework: w('Rework', '返工'),
  reworkAgreement: w('Rework agreement', '返工协议'),
  costPerUnit: w('Rework cost per unit = labour + consumables + QC re-inspection allocation', '单件返工成本 = 人工 + 辅料 + 复检分摊费用'),
  labour: w('Labour', '人工'),
  consumables: w('Consumables', '辅料'),
  qcAllocation: w('QC re-inspection allocation', '复检分摊费用'),
  quotedPrice: w('Quoted price per unit', '单件报价'),
  factoryShare: w('Factory share', '工厂承担'),
  buyerShare: w('Buyer share', '买方承担'),
  total: w('Total', '合计'),
  supervision: w('Supervision checklist', '返工监督检查表'),
  reworkedSticker: w('"Reworked" sticker (operator ID, date, nature of rework)', '“已返工”标签（操作工号、日期、返工内容）'),
  personHours: w('Person-hours', '工时'),
  operators: w('Operators', '操作工人数'),
  unitsPerDay: w('Units per day', '每日完成件数'),
  days: w('Days', '天数'),
  milestones: w('Daily milestones', '每日进度节点'),
  reinspection: w('Re-inspection', '复检'),
  adjacentUnits: w('Adjacent units', '相邻产品'),
  newMajorClause: w(
    'Any new major defect found on re-inspection fails the lot at once, and the factory pays the whole next rework cycle.',
    '复检中如发现任何新的严重缺陷，该批立即判定不合格，下一轮返工的全部费用由工厂承担。',
  ),
  differentInspectorClause: w('The re-inspection is done by a different inspector.', '复检须由另一名检验员执行。'),
  concession: w('Acceptance with concession', '让步接收'),
  concessionDiscount: w('Concession discount', '让步折扣'),
  credit: w('Credit', '货款抵扣'),
  settlement: w('Settlement', '结算'),
  valueKept: w('Value kept', '保留货值'),
  recoveryRate: w('Recovery rate', '挽回率'),
  po: w('Purchase order (PO)', '采购订单（PO）'),
  orderValue: w('Order value (FOB)', '订单金额（FOB）'),
  factory: w('Factory', '工厂'),
  style: w('Style', '款号'),
  inspector: w('Inspector', '检验员'),
  factoryRep: w('Factory representative', '工厂代表'),
  factoryInspector: w("Factory's OQC inspector", '工厂出货检验员'),
  buyerInspector: w("Buyer's inspector or sourcing agent", '买方检验员或采购代理'),
  agent: w('Sourcing agent', '采购代理'),
  buyer: w('Buyer (brand)', '买方（品牌）'),
  signature: w('Signature', '签名'),
  date: w('Date', '日期'),
  place: w('Place', '地点'),
  unit: w('Unit', '产品编号'),
  carton: w('Carton', '箱号'),
  defectType: w('Defect type', '缺陷类型'),
  class: w('Class', '缺陷等级'),
  measurement: w('Measurement', '测量值'),
  rule: w('Deciding rule', '判定规则'),
  cause: w('Cause', '原因'),
  video: w('Video', '视频'),
  evidence: w('Evidence', '证据'),
  case: w('Case', '案件'),
  revision: w('Revision', '版本'),
  fingerprint: w('Fingerprint', '指纹'),
  issued: w('Issued', '签发时间'),
  page: w('Page', '页'),
  yes: w('Yes', '是'),
  no: w('No', '否'),
  none: w('None', '无'),
  unitsInScope: w('Units in scope', '返工范围内的产品'),
  inspected: w('Inspected', '检验数'),
} as const;

export const CLASS_WORDS: Readonly<Record<string, Words>> = {
  critical: w('Critical', '致命缺陷'),
  major: w('Major', '严重缺陷'),
  minor: w('Minor', '轻微缺陷'),
  ok: w('Within tolerance', '在公差范围内'),
};

export const SEVERITY_WORDS: Readonly<Record<string, Words>> = {
  normal: w('Normal inspection', '正常检验'),
  tightened: w('Tightened inspection', '加严检验'),
  reduced: w('Reduced inspection', '放宽检验'),
};

/** Defect types by their catalogue id. */
export const DEFECT_TYPE_WORDS: Readonly<Record<string, string>> = {
  'colour-deviation': '色差',
  'loose-thread': '线头',
  'skipped-stitches': '跳针',
  misalignment: '错位',
  'seam-pull-test': '缝线拉力测试',
  zipper: '拉链故障',
  'hardware-corrosion': '五金腐蚀（盐雾测试，ASTM B117）',
  'coating-delamination': '涂层脱层',
  'edge-paint': '油边不良',
  'lead-content': '铅含量（ppm）',
  phthalates: '邻苯二甲酸酯',
  'sharp-edge': '锐边 / 夹伤隐患',
  flammability: '阻燃性能不合格',
  'material-claim': '虚假材料声明（无有效交易证书TC）',
};

/** Contexts a threshold applies in, by the catalogue's context name. */
export const CONTEXT_WORDS: Readonly<Record<string, string>> = {
  exterior: '外部',
  interior: '内部',
  'non-critical panel': '非关键部位裁片',
  'critical panel': '关键部位（外部裁片或五金位置）',
  'shoulder strap': '肩带',
  'main handle': '主提手',
};

/** Causes by their split id: who caused it decides who pays. */
export const CAUSE_WORDS: Readonly<Record<string, string>> = {
  'material-substitution': '擅自替换物料',
  workmanship: '做工问题',
  'process-deviation': '工艺偏离',
  'specification-ambiguity': '规格不明确',
  'approved-sample-deviation': '确认样偏差',
  'buyer-supplied-material': '买方供料',
};

/** Why each cause puts the cost where it does, by split id; the shares, which settings may change, are printed beside it. */
export const CAUSE_RULE_ZH: Readonly<Record<string, string>> = {
  'material-substitution': '工厂未经书面批准擅自替换物料',
  workmanship: '做工问题',
  'process-deviation': '生产未按规定工艺进行',
  'specification-ambiguity': '技术资料对此未作明确规定，费用共同分担',
  'approved-sample-deviation': '大货与本身存在差异的确认样一致，费用按比例分担',
  'buyer-supplied-material': '买方供料导致：买方承担直接返工人工及替换物料，工厂承担返工包装',
};

/** The five photos and the video, by evidence kind key (the English is the kind's own label). */
export const EVIDENCE_ZH: Readonly<Record<string, string>> = {
  wide: '整体照（附批次/款号/日期标签）',
  closeUp: '缺陷特写（附比例尺）',
  vsApproved: '与确认样对比',
  measurement: '测量照',
  batchContext: '同批次对照',
  video: '视频（功能性缺陷）',
};

/** The supervision checklist, by its key in the core. */
export const SUPERVISION_ZH: Readonly<Record<string, string>> = {
  materialsVerified: '返工所用物料须与物料清单（BOM）核对一致',
  dedicatedStation: '设立专用返工工位，与生产线分开',
  seniorOperators: '由资深操作工（5年以上经验）返工',
  inspectorSignOff: '每道返工工序完成后由检验员逐步签核',
};

/** Concession grades, by their id in the core. */
export const GRADE_ZH: Readonly<Record<string, string>> = {
  'minor-blemish': '轻微瑕疵',
  'noticeable-cosmetic': '明显外观缺陷',
  'functional-but-usable': '功能性缺陷但可使用',
};

export const LEVEL_WORDS = (level: string): Words =>
  /^S-/.test(level) ? w(`Special level ${level}`, `特殊检验水平 ${level}`) : w(`General level ${level}`, `一般检验水平 ${level}`);
