import type { CaseStatus } from '../core/case/lifecycle';
import { PHOTO_KINDS } from '../core/case/evidence';
import { aliasOf } from '../core/clients/clients';
import type { Aliases } from '../core/clients/clients';
import { formatMoney } from '../core/money';
import { formatInZone } from '../core/time';
import type { CaseView } from '../shared/contract';
import { CASES, DEFECTS, EVIDENCE, INSPECTIONS, REWORK, REWORKED_UNITS, SETTLEMENTS } from './schema';
import type { SheetSpec } from './schema';

/**
 * What a brand client may see of its cases: the one declaration of the client's view. Each column
 * says how its cell is made from the agent's view of a case; the projection copies nothing else,
 * so a field added to the tracker (an internal note, the inspector, the factory's share of the
 * cost) stays out of every client's file until a column here names it.
 */

/** The sheets a client's view is made from: a save that changes a case's rows on them updates its client's view. */
export const VIEW_SOURCES: readonly SheetSpec[] = [CASES, INSPECTIONS, DEFECTS, EVIDENCE, REWORK, REWORKED_UNITS, SETTLEMENTS];

/** Case fields for the agent alone: changing them leaves every client's view as it is. */
export const AGENT_ONLY: readonly string[] = ['internalNotes'];

/** A client's choices that change what its view holds. */
export interface ClientChoices {
  name: string;
  /** Off by default: the view then names each factory by its alias ("Supplier A"). */
  showFactory: boolean;
  /** Off by default: links need the client to have access to the photo files as well. */
  includeEvidenceLinks: boolean;
}

export type ViewCell = string | number;

interface ViewContext extends ClientChoices {
  aliases: Aliases;
  timeZone: string;
}

interface ViewColumn {
  header: string;
  /** Only in the views of clients who chose it. */
  when?: (client: ClientChoices) => boolean;
  cell: (v: CaseView, ctx: ViewContext) => ViewCell;
}

/** The client view's one data sheet. */
export const CLIENT_SHEET = 'Cases';
/** Title, last-updated line and a note above the header row. */
export const TITLE_ROWS = 3;
/** Sheets refuses a cell over 50,000 characters; a view's cell is cut well before. */
const MAX_VIEW_CELL = 45_000;

const time = (iso: string, ctx: ViewContext) => (iso ? formatInZone(new Date(iso), ctx.timeZone) : '');
const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
const oqcOf = (v: CaseView) => v.inspections.find((i) => i.kind === 'OQC' && i.verdict !== 'VOID');
const lastReinspection = (v: CaseView) => v.inspections.filter((i) => i.kind === 'Re-inspection' && i.verdict !== 'VOID').at(-1);

/** Where the case stands, in the client's words: never the agent's instructions (they name people). */
const CLIENT_NEXT: Readonly<Record<CaseStatus, (v: CaseView) => string>> = {
  open: () => 'Awaiting the outgoing quality inspection (OQC).',
  'on-hold': () => 'Lot held at the factory; the defective units are being classified.',
  classified: (v) =>
    v.evidenceGaps.length ? 'Photo evidence is being completed for each defective unit.' : 'Rework or a concession is being agreed.',
  'evidence-complete': () => 'Rework or a concession is being agreed.',
  agreed: (v) => (v.rework ? `Supervised rework under way: ${progress(v)}.` : 'Concession agreed; the settlement comes next.'),
  'rework-done': () => 'Rework done; a different inspector re-inspects the lot next.',
  released: (v) => (lastReinspection(v) ? 'Lot released; the settlement comes next.' : 'Lot passed inspection.'),
  settled: () => 'Closed: settled.',
};

function progress(v: CaseView): string {
  if (!v.rework) return '';
  const scope = v.rework.scope.length || v.rework.units;
  return `${v.rework.logged.length} of ${scope} units reworked`;
}

function defectsByClass(v: CaseView): string {
  const counts = new Map<string, Map<string, number>>();
  for (const d of v.defects) {
    if (d.class === 'OK') continue;
    const byType = counts.get(d.class) ?? new Map<string, number>();
    byType.set(d.defectType, (byType.get(d.defectType) ?? 0) + 1);
    counts.set(d.class, byType);
  }
  return ['CRITICAL', 'MAJOR', 'MINOR']
    .filter((c) => counts.has(c))
    .map((c) => `${c}: ${[...counts.get(c)!].map(([type, n]) => `${type} ×${n}`).join(', ')}`)
    .join('; ');
}

function evidenceLinks(v: CaseView): string {
  const label = new Map<string, string>([...PHOTO_KINDS.map((k) => [k.key, k.label] as const), ['video', 'Video']]);
  return v.evidence
    .filter((e) => Object.keys(e.links).length)
    .map(
      (e) =>
        `${e.unitRef}: ${Object.entries(e.links)
          .map(([k, url]) => `${label.get(k) ?? k} ${url}`)
          .join(', ')}`,
    )
    .join('\n');
}

export const CLIENT_VIEW_COLUMNS: readonly ViewColumn[] = [
  { header: 'Case', cell: (v) => v.id },
  { header: 'Style', cell: (v) => v.style },
  { header: 'PO', cell: (v) => v.po },
  // Named apart, so a view written under one choice is never patched row by row under the other.
  { header: 'Factory', when: (c) => c.showFactory, cell: (v) => v.factory },
  { header: 'Supplier', when: (c) => !c.showFactory, cell: (v, ctx) => aliasOf(ctx.aliases, v.factory) },
  { header: 'Status', cell: (v) => `${v.statusLabel}${v.quarantined ? ' — lot quarantined (critical defect)' : ''}` },
  { header: 'Next step', cell: (v) => CLIENT_NEXT[v.status as CaseStatus](v) },
  { header: 'On hold since', cell: (v, ctx) => time(v.holdAt, ctx) },
  { header: 'Lot size', cell: (v) => v.lotSize },
  {
    header: 'OQC plan',
    cell: (v) => (oqcOf(v) ? `Level ${v.level}, code ${v.planMajor.letter}: ${oqcOf(v)!.sampleSize} units sampled` : ''),
  },
  // The OQC's counts in its sample; the defects column below classifies every defective unit found since.
  { header: 'OQC critical found', cell: (v) => oqcOf(v)?.criticalFound ?? '' },
  { header: 'OQC major found (accept up to)', cell: (v) => (oqcOf(v) ? `${oqcOf(v)!.majorFound} (${oqcOf(v)!.majorAc})` : '') },
  { header: 'OQC minor found (accept up to)', cell: (v) => (oqcOf(v) ? `${oqcOf(v)!.minorFound} (${oqcOf(v)!.minorAc})` : '') },
  { header: 'OQC result', cell: (v) => oqcOf(v)?.verdict ?? '' },
  { header: 'Cartons sealed', cell: (v) => v.cartonsSealed ?? '' },
  { header: 'Defects by class and type', cell: defectsByClass },
  {
    header: 'Evidence',
    cell: (v) => {
      const units = new Set(v.defects.filter((d) => d.class !== 'OK').map((d) => d.unitRef)).size;
      return units ? `${units - v.evidenceGaps.length} of ${units} units complete` : '';
    },
  },
  { header: 'Evidence links', when: (c) => c.includeEvidenceLinks, cell: evidenceLinks },
  {
    header: 'Rework scope',
    cell: (v) => (v.rework ? `${v.rework.scope.length || v.rework.units} units, cycle ${v.rework.cycle}` : ''),
  },
  { header: 'Rework progress', cell: progress },
  { header: 'Expected completion', cell: (v, ctx) => (v.rework?.expectedBy ? time(v.rework.expectedBy, ctx).slice(0, 10) : '') },
  {
    header: 'Re-inspection',
    cell: (v, ctx) => {
      const r = lastReinspection(v);
      return r ? `${r.verdict} on ${time(r.at, ctx).slice(0, 10)}` : '';
    },
  },
  {
    header: 'Concession',
    cell: (v) =>
      v.money.concessionCredit > 0
        ? `${v.concessionDiscount !== null ? `${percent(v.concessionDiscount)} discount, ` : ''}credit ${formatMoney(v.money.concessionCredit, v.currency)}`
        : '',
  },
  { header: 'Settlement: value kept', cell: (v) => (v.settlement ? formatMoney(v.settlement.valueKept, v.currency) : '') },
  // To the hundredth, as the desk and the settlement show it.
  { header: 'Recovery rate', cell: (v) => (v.settlement ? `${(v.settlement.recoveryRate * 100).toFixed(2)}%` : '') },
  { header: 'Case updated', cell: (v, ctx) => time(v.updatedAt, ctx) },
];

/** The columns this client's view has, in order. */
export function clientColumns(client: ClientChoices): readonly ViewColumn[] {
  return CLIENT_VIEW_COLUMNS.filter((c) => !c.when || c.when(client));
}

/** A cell too long for Sheets, cut at its last line break that fits (never inside a link). */
function cut(cell: ViewCell): ViewCell {
  if (typeof cell !== 'string' || cell.length <= MAX_VIEW_CELL) return cell;
  const end = cell.lastIndexOf('\n', MAX_VIEW_CELL);
  return `${cell.slice(0, end > 0 ? end : MAX_VIEW_CELL)}\n… (cut short: ask your agent for the rest)`;
}

/** One case's row in its client's view: only the declared columns, each made from the agent's view. */
export function clientRow(v: CaseView, ctx: ViewContext): ViewCell[] {
  return clientColumns(ctx).map((column) => cut(column.cell(v, ctx)));
}

export function clientHeader(client: ClientChoices): string[] {
  return clientColumns(client).map((c) => c.header);
}

/** The sheet's lines above the header: the client, when it was written, and what the file is. */
export function clientTitle(client: ClientChoices, cases: number, now: Date, timeZone: string): ViewCell[][] {
  return [
    [`${client.name}: quality cases`],
    [`Last updated ${formatInZone(now, timeZone)} (${timeZone}). Rework Desk rewrites this file: edits made here are overwritten.`],
    [
      cases === 0
        ? 'No cases are shared with you yet.'
        : client.includeEvidenceLinks
          ? 'Evidence links open only for accounts the photo files are shared with: ask your agent for access.'
          : '',
    ],
  ];
}

/**
 * A client's whole view as a grid: the title lines, the header and one row per case, by case ID.
 * `rows` are the cases' rows (clientRow), each starting with its case ID.
 */
export function clientGrid(client: ClientChoices, rows: readonly ViewCell[][], now: Date, timeZone: string): ViewCell[][] {
  const sorted = [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return [...clientTitle(client, rows.length, now, timeZone), clientHeader(client), ...sorted];
}

/** The context a view is made in: the client's choices, its factory aliases and the workbook's zone. */
export function viewContext(client: ClientChoices, aliases: Aliases, timeZone: string): ViewContext {
  return { ...client, aliases, timeZone };
}
