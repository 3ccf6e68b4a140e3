import { existsSync, mkdirSync } from 'node:fs';
import serverless from '@sparticuz/chromium';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPreview } from '../../preview/server';
import type { Preview } from '../../preview/server';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium with nothing reaching out to the network: CHROMIUM_PATH, else Debian's
 * chromium when installed, else the binary that ships inside the @sparticuz/chromium npm package,
 * so `npm ci && npm test` needs no system browser.
 */
export async function launch(): Promise<Browser> {
  const system = process.env.CHROMIUM_PATH ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  const executablePath = system ?? (await serverless.executablePath());
  return chromium.launch({
    executablePath,
    args: [
      // --single-process (meant for Lambda) takes the whole browser down when a page closes.
      ...(system ? [] : serverless.args.filter((arg) => !arg.startsWith('--headless') && arg !== '--single-process')),
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SHOTS = new URL('../../test-results/screenshots/', import.meta.url);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
}

/** Fills a form's fields by name; checkboxes take booleans. */
export async function fill(page: Page, formId: string, values: Record<string, string | number | boolean>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const selector = `#${formId} [name="${name}"]`;
    const tag = await page.locator(selector).evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
    if (tag.startsWith('SELECT')) await page.selectOption(selector, String(value));
    else if (tag.endsWith(':checkbox')) await page.setChecked(selector, Boolean(value));
    else await page.fill(selector, String(value));
  }
}

/** Submits a form and waits for the server's answer: the success text, or the error. */
export async function submit(page: Page, formId: string): Promise<{ ok: boolean; text: string }> {
  await page.click(`#${formId} button[type=submit]`);
  // A step that cannot be undone shows what it will record and asks once: record it.
  const confirm = page.locator(`#${formId} .confirm-yes`);
  if (await confirm.count()) await confirm.click();
  await page.waitForSelector('#message.success, #message.warning, #message.error');
  const message = page.locator('#message');
  // A warning is a recorded failure (a lot on hold, a failed re-inspection): saved, with bad news.
  const ok = !(await message.getAttribute('class'))!.includes('error');
  const text = (await message.textContent()) ?? '';
  if (ok) await page.waitForSelector('body[data-ready=true]');
  return { ok, text };
}

/** A browser and a fresh preview for a test file: started before its tests, closed after them. */
export function browserOnPreview(): { readonly browser: Browser; readonly preview: Preview } {
  const held: { browser?: Browser; preview?: Preview } = {};
  beforeAll(async () => {
    held.browser = await launch();
    held.preview = await startPreview();
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.preview?.close();
  });
  return {
    get browser() {
      return held.browser!;
    },
    get preview() {
      return held.preview!;
    },
  };
}
