// The case's documents: those its stage allows, each opened in a dialog to print, in English,
// 简体中文 or both side by side (the default: factory managers read Chinese).
import type { CaseView, DocumentKindName, DocumentLanguage, DocumentView } from '../../src/shared/contract';
import { DOCUMENT_TITLES } from '../../src/documents/titles';
import { h } from '../dom';
import { call } from '../server';
import { showMessage } from '../save';

const LANGUAGE_OPTIONS: ReadonlyArray<readonly [DocumentLanguage, string]> = [
  ['both', 'English + 中文'],
  ['zh', '中文'],
  ['en', 'English'],
];

/** Opens a document: the server records the issue and shows the dialog; the desk says what was issued. */
async function open(kind: DocumentKindName, language: DocumentLanguage, caseId?: string): Promise<void> {
  showMessage('pending', `Preparing the ${DOCUMENT_TITLES[kind].en.toLowerCase()}…`);
  const result = await call<DocumentView>('rdGetDocument', { caseId, kind, language });
  if (!result.ok) return showMessage('error', result.error);
  const d = result.data;
  showMessage(
    'success',
    `${d.newIssue ? 'Issued' : 'Opened'} ${DOCUMENT_TITLES[kind].en}, revision ${d.revision} (fingerprint ${d.fingerprint}): print it from the dialog.`,
  );
}

function row(kind: DocumentKindName, caseId?: string): HTMLElement {
  const id = `doc-${kind}-language`;
  const select = h('select', { id }, ...LANGUAGE_OPTIONS.map(([value, label]) => h('option', { value }, label)));
  return h(
    'li',
    { class: 'document' },
    h('span', { class: 'document-title' }, DOCUMENT_TITLES[kind].en),
    h('label', { for: id, class: 'sr-only' }, `Language of the ${DOCUMENT_TITLES[kind].en}`),
    select,
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        id: `doc-${kind}-open`,
        onclick: () => void open(kind, select.value as DocumentLanguage, caseId),
      },
      'Open',
    ),
  );
}

/** Whether the user opened the list: it stays open as the desk redraws. */
let opened = false;

/** The Documents list under the case's status, on every step. */
export function documentsList(c: CaseView): HTMLElement {
  const list = h(
    'details',
    { id: 'documents', class: 'documents', open: opened },
    h('summary', {}, `Documents (${c.documents.length})`),
    c.documents.length
      ? h('ul', {}, ...c.documents.map((kind) => row(kind, c.id)))
      : h('p', { class: 'hint' }, 'The OQC report and hold notice come once the lot fails OQC; the others follow the protocol.'),
    h('p', { class: 'hint' }, 'For purchase orders, before any defect:'),
    h('ul', {}, row('po-annex')),
  );
  list.addEventListener('toggle', () => (opened = list.open));
  return list;
}
