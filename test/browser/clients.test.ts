/** Clients in the preview: an agent adds a brand, opens its case, shares the live view, and the client's file follows each step. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, fill, screenshot, submit, browserOnPreview } from './browser';
import { caseRow } from '../support/clientFiles';
import type { ClientFile } from '../support/clientFiles';

const on = browserOnPreview();

async function clientFiles(): Promise<ClientFile[]> {
  const response = await fetch(new URL('/client-files', on.preview.url));
  return (await response.json()) as ClientFile[];
}

describe('clients in the desk', () => {
  let page: Page;

  it('adds a client, opens a case for it, shares the view, and the client file follows the OQC', async () => {
    page = await on.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(on.preview.url);
    const sidebar = page.frame({ url: /\/sidebar$/ })!;
    await sidebar.waitForSelector('body[data-ready=true]');
    await sidebar.click('#setup-form button[type=submit]');
    await sidebar.waitForSelector('#message.success');

    // Clients: a look-alike is refused by name, the brand is added with two readers.
    await sidebar.click('#show-clients');
    await sidebar.waitForSelector('#clientedit-form');
    await fill(sidebar as unknown as Page, 'clientedit-form', {
      name: 'Northwind Outfitters',
      readers: 'qa@northwind.example\nbuyer@northwind.example',
    });
    expect((await submit(sidebar as unknown as Page, 'clientedit-form')).text).toBe('Client added.');
    await sidebar.waitForSelector('[data-client="northwind-outfitters"]');
    await fill(sidebar as unknown as Page, 'clientedit-form', { name: 'NORTHWIND outfitters', readers: 'x@example.com' });
    const twin = await submit(sidebar as unknown as Page, 'clientedit-form');
    expect(twin).toEqual({ ok: false, text: expect.stringContaining('already exists (key northwind-outfitters)') });

    // A case for the client, with notes the client must never see.
    await sidebar.click('#new-case');
    await fill(sidebar as unknown as Page, 'case-form', {
      factory: 'Dongguan Bright Stitch',
      style: 'Canvas tote',
      orderValue: 12000,
      lotSize: 1200,
      client: 'northwind-outfitters',
      internalNotes: 'Owner asked us to keep the count quiet',
    });
    expect((await submit(sidebar as unknown as Page, 'case-form')).ok).toBe(true);
    const caseId = (await sidebar.textContent('#status .status-label'))!.split(' — ')[0];
    await sidebar.click('#steps button:has-text("1 Case")');
    await fill(sidebar as unknown as Page, 'notes-form', { internalNotes: 'Owner is the QC lead’s cousin' });
    expect((await submit(sidebar as unknown as Page, 'notes-form')).text).toBe('Notes saved.');

    // Share: one file, read-only for the two readers, holding the case under an alias.
    await sidebar.click('#show-clients');
    await sidebar.click('[data-client="northwind-outfitters"] [data-action="share-client"]');
    await sidebar.waitForSelector('#message.success');
    expect(await sidebar.textContent('#message')).toContain('Shared read-only with qa@northwind.example, buyer@northwind.example');
    await sidebar.waitForSelector('[data-client="northwind-outfitters"] [data-action="share-client"]:has-text("Share again")');
    await page.locator('#sidebar').screenshot({ path: new URL('sidebar-clients.png', SHOTS).pathname });
    let [file] = await clientFiles();
    expect(file.readers).toEqual(['buyer@northwind.example', 'qa@northwind.example']);
    expect(caseRow(file, caseId)).toMatchObject({ Supplier: 'Supplier A', Status: 'Open — awaiting OQC' });
    expect(JSON.stringify(file)).not.toMatch(/cousin|Dongguan|quiet/);

    // The OQC: the client's file shows the hold in the same save.
    await sidebar.selectOption('#case-select', caseId);
    await sidebar.click('#steps button:has-text("2 OQC")');
    await sidebar.waitForSelector('#oqc-form');
    await fill(sidebar as unknown as Page, 'oqc-form', { inspector: 'Li Wei', criticalFound: 0, majorFound: 9, minorFound: 2 });
    expect((await submit(sidebar as unknown as Page, 'oqc-form')).ok).toBe(true);
    [file] = await clientFiles();
    expect(caseRow(file, caseId)).toMatchObject({ Status: 'On hold', 'OQC result': 'REJECT', 'OQC major found (accept up to)': '9 (5)' });

    // The preview shows the client file as its own view beside the workbook.
    await page.click('#tabs button.client');
    await page.waitForSelector('#grid table[data-file]');
    expect(await page.textContent('.file-note')).toContain('Read-only for: buyer@northwind.example, qa@northwind.example');
    expect(await page.locator('#grid th').first().textContent()).toBe('Case');
    await screenshot(page, 'preview-client-file');
  });

  it('says at once when the view could not be updated, and Retry brings it up to date', async () => {
    const sidebar = page.frame({ url: /\/sidebar$/ })!;
    const [file] = await clientFiles();
    on.preview.bundle.google.failNext('sheets.spreadsheets.batchUpdate');
    await sidebar.click('#steps button:has-text("3 Hold")');
    await sidebar.waitForSelector('#hold-form');
    await fill(sidebar as unknown as Page, 'hold-form', { cartonsSealed: 20 });
    const saved = await submit(sidebar as unknown as Page, 'hold-form');
    expect(saved.ok).toBe(true);
    expect(saved.text).toContain('client view is out of date: Google’s limit on writes per minute was reached');
    await sidebar.waitForSelector('.client-view-late [data-action="retry-view"]');
    await sidebar.click('.client-view-late [data-action="retry-view"]');
    await sidebar.waitForSelector('#message.success');
    expect(await sidebar.textContent('#message')).toContain('view is up to date');
    const [after] = await clientFiles();
    expect(after.id).toBe(file.id);
    expect(caseRow(after, String(file.sheets[0].rows.at(-1)![0]))).toMatchObject({ Status: 'On hold' });
    expect(await sidebar.locator('.client-view-late').count()).toBe(0);
  });

  it('keeps the old client’s late view on screen after a move whose update failed, until Retry clears it', async () => {
    const sidebar = page.frame({ url: /\/sidebar$/ })!;
    await sidebar.click('#show-clients');
    await fill(sidebar as unknown as Page, 'clientedit-form', { name: 'Contoso', readers: 'qc@contoso.example' });
    expect((await submit(sidebar as unknown as Page, 'clientedit-form')).ok).toBe(true);
    await sidebar.click('[data-client="contoso"] [data-action="share-client"]');
    await sidebar.waitForSelector('#message.success');
    await sidebar.click('#show-clients');
    await sidebar.click('#steps button:has-text("1 Case")');
    const caseId = (await sidebar.textContent('#status .status-label'))!.split(' — ')[0];
    // The first write of the move is the old client's: it fails.
    on.preview.bundle.google.failNext('sheets.spreadsheets.batchUpdate');
    await fill(sidebar as unknown as Page, 'client-form', { clientKey: 'contoso', reason: 'The PO is Contoso’s' });
    const moved = await submit(sidebar as unknown as Page, 'client-form');
    expect(moved.text).toMatch(/^Moved to Contoso\. Northwind Outfitters’ client view is out of date/);
    await sidebar.waitForSelector('.client-view-late[data-client="northwind-outfitters"] [data-action="retry-view"]');
    let northwind = (await clientFiles()).find((f) => f.title.startsWith('Northwind'))!;
    expect(caseRow(northwind, caseId)).toBeDefined();
    // Reloaded, the desk still shows it: the state comes from RD Clients, not from the last save's answer.
    await page.reload();
    const again = page.frame({ url: /\/sidebar$/ })!;
    await again.waitForSelector('body[data-ready=true]');
    const retry = again.locator('.client-view-late[data-client="northwind-outfitters"] [data-action="retry-view"]');
    await retry.waitFor();
    // A double click sends the retry once.
    const counter = on.preview.bundle.spreadsheet.counter;
    const before = counter.get('sheets.spreadsheets.batchUpdate');
    await retry.dblclick();
    await again.waitForSelector('#message.success');
    expect(counter.get('sheets.spreadsheets.batchUpdate') - before).toBe(1);
    expect(await again.locator('.client-view-late').count()).toBe(0);
    northwind = (await clientFiles()).find((f) => f.title.startsWith('Northwind'))!;
    expect(caseRow(northwind, caseId)).toBeUndefined();
    const contoso = (await clientFiles()).find((f) => f.title.startsWith('Contoso'))!;
    expect(caseRow(contoso, caseId)).toMatchObject({ Status: 'On hold' });
  });

  it('tells a second agent, signed in from the preview’s bar, whose file the view is; their save stands', async () => {
    const sidebar = () => page.frame({ url: /\/sidebar$/ })!;
    await page.selectOption('#user', 'second.agent@example.com');
    await page.waitForFunction(
      () => (document.getElementById('sidebar') as HTMLIFrameElement).contentDocument?.body?.dataset.ready === 'true',
    );
    await sidebar().waitForSelector('#case-select option[value^="RD-"]', { state: 'attached' });
    const caseId = await sidebar().$eval('#case-select option[value^="RD-"]', (o) => (o as HTMLOptionElement).value);
    await sidebar().selectOption('#case-select', caseId);
    await sidebar().click('#steps button:has-text("1 Case")');
    await fill(sidebar() as unknown as Page, 'notes-form', { internalNotes: 'Second agent was here' });
    expect((await submit(sidebar() as unknown as Page, 'notes-form')).ok).toBe(true);
    await fill(sidebar() as unknown as Page, 'client-form', { clientKey: 'northwind-outfitters', reason: 'Back to Northwind' });
    const moved = await submit(sidebar() as unknown as Page, 'client-form');
    expect(moved.ok).toBe(true);
    expect(moved.text).toContain('this view is agent@example.com’s file, and only agent@example.com can write it');
    await page.selectOption('#user', 'agent@example.com');
  });

  it('never carries a half-done edit over: Cancel, or leaving the panel, goes back to adding a client', async () => {
    const sidebar = page.frame({ url: /\/sidebar$/ })!;
    const heading = () => sidebar.textContent('#clientedit-form-title');
    await sidebar.click('#show-clients');
    await sidebar.click('[data-client="contoso"] [data-action="edit-client"]');
    expect(await heading()).toBe('Edit Contoso (key contoso)');
    expect(await sidebar.evaluate(() => document.activeElement?.id)).toBe('clientedit-name');
    await sidebar.click('#cancel-edit');
    expect(await heading()).toBe('Add a client');
    await sidebar.click('[data-client="contoso"] [data-action="edit-client"]');
    await sidebar.click('#close-clients');
    await sidebar.click('#show-clients');
    expect(await heading()).toBe('Add a client');
    await sidebar.click('#close-clients');
  });
});
