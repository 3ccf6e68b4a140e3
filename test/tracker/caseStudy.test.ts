import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseList, CaseView } from '../../src/shared/contract';
import { EXAMPLE_TIMES, EXAMPLE, loadExample } from '../../preview/example';
import { Desk } from '../support/desk';

// The seed's $15K case, driven through the sidebar handlers of the built add-on, on the fake.
describe('the $15K crossbody case, from setup to settlement', () => {
  const desk = new Desk();
  let id = '';
  let final: CaseView;

  beforeAll(() => {
    id = loadExample((handler, request) => desk.raw(handler, request));
    final = desk.view(id);
  });

  it('closes the case settled, with the article’s figures', () => {
    expect(id).toMatch(/^RD-\d{4}-0001$/);
    expect(final).toMatchObject({ status: 'settled', nextStep: 'Nothing: the case is closed.', quarantined: false, holdOverdue: false });
    expect(final.planMajor).toEqual({ letter: 'K', sampleSize: 125, acceptance: 7, rejection: 8 });
    expect(final.planMinor).toEqual({ letter: 'K', sampleSize: 125, acceptance: 10, rejection: 11 });
    expect(final).toMatchObject({
      factory: EXAMPLE.factory,
      lotSize: 1500,
      inspector: 'Li Wei',
      agentNotifiedAt: EXAMPLE_TIMES.agentTold,
    });
    expect(final.settlement!.reworkCost).toBe(216);
    expect(final.settlement!.concessionCredit).toBeCloseTo(450, 9);
    expect(final.settlement!.valueKept).toBeCloseTo(14334, 9);
    expect(Math.round(final.settlement!.recoveryRate * 10000) / 100).toBe(95.56);
  });

  it('leaves RD Inspections with the OQC rejection and the Level III re-inspection', () => {
    const [oqc, re] = desk.sheet('RD Inspections').records();
    expect(oqc).toMatchObject({
      'Case ID': id,
      Kind: 'OQC',
      Inspector: 'Li Wei',
      'Code letter': 'K',
      'Sample size': 125,
      'Major Ac': 7,
      'Major Re': 8,
      'Major found': 12,
      'Minor Ac': 10,
      'Minor Re': 11,
      'Minor found': 22,
      Verdict: 'REJECT',
    });
    expect(re).toMatchObject({
      Kind: 'Re-inspection',
      Inspector: 'Chen Jie',
      Level: 'III',
      'Inspected 100%': 12,
      'Code letter': 'L',
      'Sample size': 200,
      'Major Ac': 10,
      'Major Re': 11,
      'Minor Ac': 14,
      'Minor Re': 15,
      Verdict: 'PASS',
    });
    const sheet = desk.sheet('RD Inspections');
    const header = sheet.dump()[0];
    const live = sheet.formulaAt(2, header.indexOf('Major check (live)') + 1);
    expect(live).toMatch(/^=AQL_VERDICT\([A-Z]+2, [A-Z]+2, [A-Z]+2, [A-Z]+2, [A-Z]+2\)$/);
  });

  it('leaves one defect row per unit with its class, rule and cause, and the evidence complete', () => {
    const defects = desk.sheet('RD Defects').records();
    expect(defects).toHaveLength(34);
    expect(defects[0]).toMatchObject({
      Unit: 'K-001',
      Carton: 'C-1',
      'Defect type': 'Misalignment',
      Measurement: '3',
      Context: 'critical panel',
      Class: 'MAJOR',
      Cause: 'Process deviation',
      'In reject box': true,
    });
    expect(defects[0]['Deciding rule']).toBe('2 mm or more of misalignment on an exterior panel or hardware position is major');
    expect(defects[33]).toMatchObject({ Unit: 'M-022', 'Defect type': 'Edge paint defect', Class: 'MINOR' });
    const evidence = desk.sheet('RD Evidence').records();
    expect(evidence).toHaveLength(34);
    expect(evidence.every((e) => e.Complete === true && e.Missing === '')).toBe(true);
  });

  it('leaves the rework at the factory’s cost, the Reworked log and the settlement', () => {
    const [rework] = desk.sheet('RD Rework').records();
    expect(rework).toMatchObject({
      Cycle: 1,
      Cause: 'Process deviation',
      Units: 12,
      // The factory's quote, recorded as a quote — not as USD 18 of consumables.
      'Quoted price/unit': 18,
      'Consumables/unit': '',
      'Cost/unit': 18,
      'Total cost': 216,
      'Factory pays': 216,
      'Buyer pays': 0,
      'Materials vs BOM': true,
      'Inspector sign-off': true,
    });
    expect(desk.sheet('RD Reworked log').records()).toHaveLength(12);
    const [settlement] = desk.sheet('RD Settlements').records();
    expect(settlement).toMatchObject({
      'Case ID': id,
      Currency: 'USD',
      'Order value': 15000,
      'Rework cost': 216,
      'Factory rework': 216,
      'Buyer rework': 0,
    });
    expect(settlement['Concession discount']).toBeCloseTo(0.03, 12);
    expect(settlement['Recovery rate']).toBeCloseTo(0.9556, 4);
    const [row] = desk.sheet('RD Cases').records();
    expect(row).toMatchObject({
      'Case ID': id,
      Status: 'settled',
      Factory: 'Huadu Leather Goods',
      'OQC inspector': 'Li Wei',
      'Rework cycle': 1,
      'Was held': true,
    });
  });

  it('lists the case with when its row was last written', () => {
    const {
      cases: [listed],
    } = desk.ok<CaseList>('rdListCases');
    const row = desk.sheet('RD Cases').records()[0];
    expect(listed).toMatchObject({ id, status: 'settled', updatedAt: (row.Updated as Date).toISOString() });
  });

  it('logs every step with who and when', () => {
    const log = desk.sheet('RD Log').records();
    const actions = log.map((l) => String(l.Action));
    expect(actions[0]).toBe('Case opened');
    expect(actions[1]).toMatch(/^OQC failed: hold notice/);
    expect(actions).toContain('Agent told of the hold');
    expect(actions.filter((a) => a.startsWith('Reworked unit'))).toHaveLength(12);
    expect(actions.at(-1)).toMatch(/^Settled: value kept 14334\.00 USD, recovery 95\.56%$/);
    expect(log.every((l) => l.Who === 'agent@example.com' && l['Case ID'] === id)).toBe(true);
    expect(log[1]).toMatchObject({ Before: 'status=open', After: 'status=on-hold' });
  });
});
