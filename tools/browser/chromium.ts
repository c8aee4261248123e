import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * The browser of the console's end-to-end tests and screenshots: Debian's `chromium` package, found at
 * CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser, and installed with apt-get when missing and allowed
 * (root, or passwordless sudo). Playwright's own browser downloads are not used: this machine reaches only the
 * package registries.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

function aptGet(args: string[]): boolean {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'apt-get' : 'sudo';
  const argv = asRoot ? args : ['-n', 'apt-get', ...args];
  const result = spawnSync(command, argv, {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: INSTALL_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** Whether fontconfig knows a font with Chinese glyphs (without one, screenshots show boxes for every character). */
function hasChineseFont(): boolean {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

/**
 * Debian's Noto CJK fonts when no Chinese font is installed, so that screenshots can be read; best effort (the tests
 * read the page's text, not its pixels).
 */
function ensureChineseFont(): void {
  if (hasChineseFont()) return;
  process.stderr.write('installing Debian fonts-noto-cjk so that the console renders Chinese (apt-get)...\n');
  const install = ['install', '-y', '--no-install-recommends', 'fonts-noto-cjk'];
  if (!aptGet(install) && !(aptGet(['update']) && aptGet(install)))
    process.stderr.write('fonts-noto-cjk could not be installed: screenshots will show boxes for Chinese text\n');
}

/** The Chromium executable, installing Debian's package first when it is missing, and a Chinese font. */
export function ensureChromium(): string {
  ensureChineseFont();
  const found = findChromium();
  if (found) return found;
  process.stderr.write('installing Debian chromium for the console tests (apt-get)...\n');
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  if (!aptGet(install) && !(aptGet(['update']) && aptGet(install))) {
    throw new Error(
      'Chromium is not installed and apt-get could not install it: install Debian package chromium or set CHROMIUM_PATH',
    );
  }
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium, but no executable was found');
  process.stderr.write(`${execFileSync(installed, ['--version']).toString().trim()}\n`);
  return installed;
}

/**
 * Headless Chromium with the switches this closed network needs: no background networking, component updates, sync
 * or QUIC, which would otherwise try Google's hosts at every start.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
