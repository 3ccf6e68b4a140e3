// Step 1: setting up the tracker, opening a case, and the case's details.
import { AQL_LABELS, AQL_VALUES, INSPECTION_LEVELS, SEVERITIES } from '../../src/core/sampling/tables';
import type { CaseView, FactoryStatusView } from '../../src/shared/contract';
import { call } from '../server';
import { h } from '../dom';
import { settings } from '../state';
import { field, values, num, form, money, live, liveLines } from '../ui';
import { submit } from '../save';
import { correctionForms } from './corrections';
import { clientOptions, clients, notesField } from './clients';

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
/** Blank: the severity the factory's lots call for, class by class (the switching rules). */
const FROM_RECORD = [['', 'From the factory’s record'] as const, ...SEVERITY_OPTIONS];

/** The factory's switching status, shown as the factory is typed: what the next case starts at, and why. */
function factoryHistory(formEl: HTMLFormElement, out: HTMLElement): void {
  let asked = '';
  const show = async () => {
    const factory = String(values(formEl).factory ?? '').trim();
    if (!factory || factory === asked) return;
    asked = factory;
    const status = await call<FactoryStatusView>('rdFactoryStatus', { factory });
    if (asked !== factory) return;
    if (!status.ok) return liveLines(out, [['bad', status.error]]);
    const s = status.data;
    if (!s.lots) return liveLines(out, [`${factory}: no lots on record yet — normal inspection (${s.edition}).`]);
    const line = (cls: string, c: FactoryStatusView['major']) => `${cls}: ${c.reason}`;
    liveLines(out, [
      ...(s.discontinued
        ? [['bad', `${factory}: inspection discontinued — record its corrective action in RD Factories first.`] as [string, string]]
        : []),
      line('Major', s.major),
      line('Minor', s.minor),
    ]);
  };
  // As the factory is typed (once typing pauses), and when the field is left.
  const input = formEl.querySelector('[name=factory]')!;
  let pause: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(() => void show(), 500);
  });
  input.addEventListener('change', () => void show());
}

export function newCaseForm(): HTMLElement {
  const history = live('case-history');
  const f = form(
    'case-form',
    'Open a case for the lot',
    [
      field('case', { name: 'factory', label: 'Factory', required: true }),
      history,
      field('case', { name: 'style', label: 'Style', required: true }),
      field('case', { name: 'po', label: 'PO' }),
      field('case', {
        name: 'client',
        label: 'Client (brand)',
        options: clientOptions(clients.length ? 'No client' : 'No clients yet (add them under Clients)'),
        value: '',
        hint: 'The case shows in this client’s live view.',
      }),
      notesField('case', ''),
      field('case', { name: 'orderValue', label: 'Order value', type: 'number', required: true }),
      field('case', { name: 'currency', label: 'Currency', value: settings.currency, hint: 'Three letters, such as USD or CNY.' }),
      field('case', { name: 'lotSize', label: 'Lot size', type: 'number', required: true }),
      field('case', { name: 'level', label: 'Inspection level', options: LEVELS, value: settings.level }),
      field('case', { name: 'aqlMajor', label: 'AQL major', options: AQLS, value: String(settings.aqlMajor) }),
      field('case', { name: 'aqlMinor', label: 'AQL minor', options: AQLS, value: String(settings.aqlMinor) }),
      field('case', { name: 'severity', label: 'Severity (major)', options: FROM_RECORD, value: '' }),
      field('case', {
        name: 'severityMinor',
        label: 'Severity (minor)',
        options: FROM_RECORD,
        value: '',
        hint: `Blank: where the factory's lots put each class under the switching rules; ${settings.severity} for a new factory.`,
      }),
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
  factoryHistory(f, history);
  return f;
}
export function details(c: CaseView): HTMLElement {
  const rows: Array<[string, string]> = [
    ['Factory', c.factory],
    ['Style', c.style],
    ['PO', c.po || '—'],
    ['Client', c.clientName || c.client || '—'],
    ['Order value', money(c.orderValue, c.currency)],
    ['Lot size', String(c.lotSize)],
    ['Plan', `Level ${c.level}; major AQL ${c.aqlMajor} (${c.severity}), minor AQL ${c.aqlMinor} (${c.severityMinor})`],
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
