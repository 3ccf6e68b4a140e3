// Step 1: setting up the tracker, opening a case, and the case's details.
import { AQL_LABELS, AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from '../../src/core/sampling/tables';
import type { CaseView } from '../../src/shared/contract';
import { h } from '../dom';
import { settings } from '../state';
import { field, values, num, form, money } from '../ui';
import { submit } from '../save';
import { correctionForms } from './corrections';

export const LEVELS = INSPECTION_LEVELS.map((l) => [l, l] as const);
export const AQLS = AQL_VALUES.map((v, i) => [String(v), AQL_LABELS[i]] as const);
export const SEVERITY_OPTIONS = SEVERITIES.map((s) => [s, s] as const);
export function setupForm(): HTMLElement {
  return form(
    'setup-form',
    'Set up the case tracker',
    [h('p', {}, 'This workbook has no case tracker yet. Setting up adds the RD sheets and changes nothing that is already here.')],
    'Set up case tracker',
    (el) => void submit(el, 'rdSetupTracker', undefined, 'The case tracker is set up.'),
  );
}
export function newCaseForm(): HTMLElement {
  return form(
    'case-form',
    'Open a case for the lot',
    [
      field('case', { name: 'factory', label: 'Factory', required: true }),
      field('case', { name: 'style', label: 'Style', required: true }),
      field('case', { name: 'po', label: 'PO' }),
      field('case', { name: 'orderValue', label: 'Order value', type: 'number', required: true }),
      field('case', { name: 'currency', label: 'Currency', value: settings.currency, hint: 'Three letters, such as USD or CNY.' }),
      field('case', { name: 'lotSize', label: 'Lot size', type: 'number', required: true }),
      field('case', { name: 'level', label: 'Inspection level', options: LEVELS, value: settings.level }),
      field('case', { name: 'aqlMajor', label: 'AQL major', options: AQLS, value: String(settings.aqlMajor) }),
      field('case', { name: 'aqlMinor', label: 'AQL minor', options: AQLS, value: String(settings.aqlMinor) }),
      field('case', { name: 'severity', label: 'Severity', options: SEVERITY_OPTIONS, value: settings.severity }),
    ],
    'Open case',
    (f) => {
      const v = values(f);
      void submit(
        f,
        'rdCreateCase',
        { ...v, orderValue: num(v.orderValue), lotSize: num(v.lotSize), aqlMajor: num(v.aqlMajor), aqlMinor: num(v.aqlMinor) },
        'Case opened.',
      );
    },
  );
}
export function details(c: CaseView): HTMLElement {
  const rows: Array<[string, string]> = [
    ['Factory', c.factory],
    ['Style', c.style],
    ['PO', c.po || '—'],
    ['Order value', money(c.orderValue, c.currency)],
    ['Lot size', String(c.lotSize)],
    ['Plan', `Level ${c.level}, ${c.severity}; major AQL ${c.aqlMajor}, minor AQL ${c.aqlMinor}`],
    ['Major plan', `${c.planMajor.letter}, n ${c.planMajor.sampleSize}, Ac ${c.planMajor.acceptance} / Re ${c.planMajor.rejection}`],
    ['Minor plan', `${c.planMinor.letter}, n ${c.planMinor.sampleSize}, Ac ${c.planMinor.acceptance} / Re ${c.planMinor.rejection}`],
  ];
  return h(
    'div',
    {},
    h('section', {}, h('h2', {}, 'Case details'), h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
    correctionForms(c),
  );
}
