import { ensureChromium } from './chromium';

/** `npm run console:browser`: finds or installs the Chromium the console's browser tests use, and prints its path. */
process.stdout.write(`${ensureChromium()}\n`);
