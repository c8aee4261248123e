import type { Page } from 'playwright-core';

/** What the console's browser tests and screenshots do on its pages: sign in with a demo identity, list and open screens. */
export async function signInAs(page: Page, consoleUrl: string, label: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('button', { name: new RegExp(`^${escape(label)}`) }).click();
  await page.getByRole('navigation', { name: '功能菜单' }).waitFor();
}

/** The screens the signed-in role has: the menu's links (#/key) with their titles. */
export async function screensOf(page: Page): Promise<{ key: string; title: string }[]> {
  const links = page.getByRole('navigation', { name: '功能菜单' }).getByRole('link');
  const found: { key: string; title: string }[] = [];
  for (const link of await links.all()) {
    const href = (await link.getAttribute('href')) ?? '';
    found.push({ key: href.replace(/^#\//, ''), title: (await link.innerText()).trim() });
  }
  return found;
}

/** Opens a screen and waits until its heading shows and no table is loading. */
export async function openScreen(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => (window.location.hash = `#/${k}`), key);
  await page.getByRole('heading', { level: 3 }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, undefined, {
    timeout: 15_000,
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
