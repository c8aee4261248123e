import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * The browser of the console's end-to-end tests and screenshots: Debian's `chromium-headless-shell` (the same Blink and
 * V8 as its `chromium`, without the browser's UI layers: the headless mode Playwright itself uses by default), found at
 * CHROMIUM_PATH or /usr/lib/chromium/chromium-headless-shell and installed with apt-get when missing and allowed (root,
 * or passwordless sudo); else Debian's `chromium` at /usr/bin/chromium or /usr/bin/chromium-browser. Measured on the
 * console's sign-in page, a page load cost 2.2–2.9 s of CPU in the shell and 5.5–6.7 s in `chromium --headless`
 * (README › Console). Playwright's own browser downloads are not used: this machine reaches only the package
 * registries.
 */
/** The package's binary itself: its /usr/bin script runs it as a child, which Playwright could not stop. */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const CANDIDATES = [HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
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

/** Installs a Debian package with apt-get (its lists updated first if needed); false when that is not allowed. */
function aptInstall(pkg: string): boolean {
  process.stderr.write(`installing Debian ${pkg} for the console tests (apt-get)...\n`);
  const install = ['install', '-y', '--no-install-recommends', pkg];
  return aptGet(install) || (aptGet(['update']) && aptGet(install));
}

/**
 * The browser's executable, installing Debian's headless shell first when it is missing (else its `chromium` when
 * neither is there), and a Chinese font.
 */
export function ensureChromium(): string {
  ensureChineseFont();
  const found = findChromium();
  if (found === HEADLESS_SHELL || (found && process.env.CHROMIUM_PATH)) return found;
  if (aptInstall('chromium-headless-shell') && fs.existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL;
  if (found) return found;
  if (!aptInstall('chromium')) {
    throw new Error(
      'Chromium is not installed and apt-get could not install it: install Debian package chromium-headless-shell (or chromium) or set CHROMIUM_PATH',
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
