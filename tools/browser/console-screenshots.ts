import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';
import { openScreen, screensOf, signInAs } from './console-pages';

/** A file-name part of letters, digits and hyphens only (anything else becomes a hyphen). */
const safeName = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);

/**
 * `npm run console:screenshots [folder]`: against a running hub (`npm start`, or HUB_URL), signs in as each demo
 * identity of the development sign-in and writes a PNG of every screen of its role to the folder
 * (.local/screenshots by default), so a person can look at them.
 */
async function main() {
  const hubUrl = (process.env.HUB_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
  const folder = path.resolve(process.argv[2] ?? '.local/screenshots');
  const consoleUrl = `${hubUrl}/console/`;
  const listed = await fetch(`${hubUrl}/console/dev/identities`).catch(() => undefined);
  if (!listed?.ok) throw new Error(`no development sign-in at ${hubUrl}/console/ (is the hub running? npm start)`);
  const { identities } = (await listed.json()) as { identities: { key: string; label: string }[] };
  fs.mkdirSync(folder, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const identity of identities) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await signInAs(page, consoleUrl, identity.label);
      for (const screen of await screensOf(page)) {
        await openScreen(page, screen.key);
        // Names from the hub's answers, made safe: a key like `../../x` wrote outside the folder.
        const file = path.join(folder, `${safeName(identity.key)}-${safeName(screen.key)}.png`);
        await page.screenshot({ path: file, fullPage: true });
        process.stdout.write(`${file}  ${identity.label} · ${screen.title}\n`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
