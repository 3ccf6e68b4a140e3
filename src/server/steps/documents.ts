import { InputError } from '../../core/errors';
import { formatInZone } from '../../core/time';
import { CASE_DOCUMENT_KINDS, DOCUMENT_KINDS, defaultLanguage, prepareCaseDocument, preparePoAnnex, LANGUAGES } from '../../documents';
import type { CaseDocumentKind, DocumentKind, Language, Prepared } from '../../documents';
import type { DocumentView, Result } from '../../shared/contract';
import { DOCUMENTS } from '../../tracker/schema';
import type { Workbook } from '../../tracker/workbook';
import type { Services } from '../services';
import { fields, text } from '../validate';
import { caseId, handle, locked } from './common';
import { annexFacts, caseFacts } from './facts';

/** The reference the PO annex is recorded under in RD Documents: it belongs to the workbook, not a case. */
export const PO_ANNEX_REFERENCE = 'PO annex';

function oneOf<T extends string>(value: string, allowed: readonly T[], label: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new InputError(`${label} must be one of ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

/**
 * Issues a document: the same facts keep the revision they were first issued under; changed facts
 * (a correction, a later step) make the next revision. Each language of a revision is recorded once.
 */
function issue(
  wb: Workbook,
  reference: string,
  prepared: Prepared,
  language: Language,
): { revision: number; issuedAt: Date; newIssue: boolean } {
  const rows = wb.rowsOf(DOCUMENTS, reference).filter((r) => r.values.kind === prepared.kind);
  const latest = Math.max(0, ...rows.map((r) => Number(r.values.revision) || 0));
  const ofLatest = rows.filter((r) => Number(r.values.revision) === latest);
  const same = latest > 0 && ofLatest.some((r) => r.values.fingerprint === prepared.fingerprint);
  const revision = same ? latest : latest + 1;
  const firstIssue = same ? ofLatest.map((r) => r.values.issuedAt).find((d): d is Date => d instanceof Date) : undefined;
  const recorded = same && ofLatest.some((r) => r.values.language === language);
  if (!recorded) {
    wb.append(DOCUMENTS, [
      {
        caseId: reference,
        kind: prepared.kind,
        language,
        revision,
        fingerprint: prepared.fingerprint,
        issuedAt: wb.now,
        issuedBy: wb.user,
      },
    ]);
    wb.log(
      reference === PO_ANNEX_REFERENCE ? '' : reference,
      `Issued ${prepared.title.en} (${language}), revision ${revision}, fingerprint ${prepared.fingerprint}`,
      '',
      '',
    );
  }
  return { revision, issuedAt: firstIssue ?? wb.now, newIssue: !recorded };
}

/** rdGetDocument: a case's document (or the PO annex) as a printable page, recorded as issued and shown in a dialog. */
export function getDocument(services: Services, request: unknown): Result<DocumentView> {
  const result = handle(() => {
    const f = fields(request);
    const kind = oneOf<DocumentKind>(text(f, 'kind', 'Document', { required: true, max: 40 }), DOCUMENT_KINDS, 'Document');
    const language = oneOf<Language>(text(f, 'language', 'Language', { max: 10 }) || defaultLanguage(kind), LANGUAGES, 'Language');
    return locked(services, (wb) => {
      const reference = kind === 'po-annex' ? PO_ANNEX_REFERENCE : caseId(f);
      const prepared =
        kind === 'po-annex'
          ? preparePoAnnex(annexFacts(wb.settings()))
          : prepareCaseDocument(oneOf<CaseDocumentKind>(kind, CASE_DOCUMENT_KINDS, 'Document'), caseFacts(wb, reference));
      const { revision, issuedAt, newIssue } = issue(wb, reference, prepared, language);
      const zone = wb.timeZone();
      const html = prepared.render(language, {
        reference,
        revision,
        fingerprint: prepared.fingerprint,
        issuedAt: `${formatInZone(issuedAt, zone)} (${zone})`,
      });
      const title = language === 'zh' ? prepared.title.zh : prepared.title.en;
      return {
        kind,
        language,
        title: `${title} — ${reference}, rev ${revision}`,
        html,
        fingerprint: prepared.fingerprint,
        revision,
        newIssue,
      };
    });
  });
  // Shown once the issue is recorded and the lock released: a dialog is the user's, not the save's.
  if (result.ok) services.showDialog(result.data.html, result.data.title);
  return result;
}
