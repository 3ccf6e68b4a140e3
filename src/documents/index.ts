/**
 * The protocol's documents: which exist, what each needs the case to have reached, and how each
 * is made — pure functions of recorded facts, fingerprinted so a paper copy can be matched to the
 * record of its issue.
 */
import { InputError } from '../core/errors';
import { evidenceSheetBody, evidenceSheetFacts } from './evidenceSheet';
import type { AnnexFacts, CaseFacts } from './facts';
import { holdNoticeBody, holdNoticeFacts } from './holdNotice';
import type { Language } from './html';
import { documentPage } from './page';
import type { Issue } from './page';
import { poAnnexBody } from './poAnnex';
import { reinspectionReportBody, reinspectionReportFacts } from './reinspectionReport';
import { reworkAgreementBody, reworkAgreementFacts } from './reworkAgreement';
import { settlementBody, settlementFacts } from './settlementStatement';
import { sha256Hex } from './sha256';
import type { Words } from './terms';
import { DOCUMENT_TITLES } from './titles';

export const CASE_DOCUMENT_KINDS = ['hold-notice', 'evidence', 'rework-agreement', 'reinspection', 'settlement'] as const;
export const DOCUMENT_KINDS = [...CASE_DOCUMENT_KINDS, 'po-annex'] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

interface CaseDocument<F> {
  title: Words;
  /** Read by the factory: opens in both languages side by side unless another is asked for. */
  factoryFacing: boolean;
  /** Why the case cannot have it yet, in words that name the step to reach; undefined when it can. */
  notYet(c: CaseFacts): string | undefined;
  facts(c: CaseFacts): F;
  body(facts: F, lang: Language): string;
}

const doc = <F>(d: CaseDocument<F>) => d as CaseDocument<unknown>;

export const CASE_DOCUMENTS: Readonly<Record<CaseDocumentKind, CaseDocument<unknown>>> = {
  'hold-notice': doc({
    title: DOCUMENT_TITLES['hold-notice'],
    factoryFacing: true,
    notYet: (c) => (c.oqc && c.holdAt ? undefined : 'the hold notice comes with a failed OQC: record the OQC inspection first'),
    facts: holdNoticeFacts,
    body: holdNoticeBody,
  }),
  evidence: doc({
    title: DOCUMENT_TITLES.evidence,
    factoryFacing: true,
    notYet: (c) => (c.defects.length ? undefined : 'the evidence sheet lists the defective units: record the defects first'),
    facts: evidenceSheetFacts,
    body: evidenceSheetBody,
  }),
  'rework-agreement': doc({
    title: DOCUMENT_TITLES['rework-agreement'],
    factoryFacing: true,
    notYet: (c) =>
      c.rework.length || c.concession ? undefined : 'the rework agreement sets down what was agreed: agree rework or a concession first',
    facts: reworkAgreementFacts,
    body: reworkAgreementBody,
  }),
  reinspection: doc({
    title: DOCUMENT_TITLES.reinspection,
    factoryFacing: true,
    notYet: (c) => (c.reinspections.length ? undefined : 'the re-inspection report needs a re-inspection: record it first'),
    facts: reinspectionReportFacts,
    body: reinspectionReportBody,
  }),
  settlement: doc({
    title: DOCUMENT_TITLES.settlement,
    factoryFacing: true,
    notYet: (c) => (c.settlement ? undefined : 'the settlement statement comes once the case is settled'),
    facts: settlementFacts,
    body: settlementBody,
  }),
};

export const PO_ANNEX_TITLE: Words = DOCUMENT_TITLES['po-annex'];

/** The first 12 hex digits of SHA-256 of what a document prints: same facts, same fingerprint. */
export function fingerprint(kind: DocumentKind, facts: unknown): string {
  return sha256Hex(JSON.stringify({ kind, facts })).slice(0, 12);
}

export interface Prepared {
  kind: DocumentKind;
  title: Words;
  facts: unknown;
  fingerprint: string;
  render(lang: Language, issue: Issue): string;
}

/** A case's document, ready to issue; refused, saying which step to reach, when the case is not there yet. */
export function prepareCaseDocument(kind: CaseDocumentKind, c: CaseFacts): Prepared {
  const d = CASE_DOCUMENTS[kind];
  const why = d.notYet(c);
  if (why) throw new InputError(why + '.');
  const facts = d.facts(c);
  return {
    kind,
    title: d.title,
    facts,
    fingerprint: fingerprint(kind, facts),
    render: (lang, issue) =>
      documentPage({ title: d.title, lang, issue, body: d.body(facts, lang), fileName: `${c.id}-${kind}-r${issue.revision}-${lang}` }),
  };
}

export function preparePoAnnex(facts: AnnexFacts): Prepared {
  return {
    kind: 'po-annex',
    title: PO_ANNEX_TITLE,
    facts,
    fingerprint: fingerprint('po-annex', facts),
    render: (lang, issue) =>
      documentPage({ title: PO_ANNEX_TITLE, lang, issue, body: poAnnexBody(facts, lang), fileName: `po-annex-r${issue.revision}-${lang}` }),
  };
}

/** The documents a case's stage allows, in protocol order. */
export function documentsReady(c: CaseFacts): CaseDocumentKind[] {
  return CASE_DOCUMENT_KINDS.filter((k) => !CASE_DOCUMENTS[k].notYet(c));
}

export function defaultLanguage(kind: DocumentKind): Language {
  return kind === 'po-annex' || CASE_DOCUMENTS[kind].factoryFacing ? 'both' : 'en';
}

export type { Language } from './html';
export { LANGUAGES } from './html';
export type { CaseFacts, AnnexFacts } from './facts';
export type { Issue } from './page';
