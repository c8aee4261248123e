import { randomBytes } from 'node:crypto';

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** How long the secret a rotation replaces still signs beside the new one, by default: a day. */
export const DEFAULT_SECRET_OVERLAP_MS = 24 * 60 * 60_000;
/** The overlap's bounds: at least a second, at most a week (a secret replaced, perhaps because it leaked, stays valid no longer). */
export const MIN_SECRET_OVERLAP_MS = 1_000;
export const MAX_SECRET_OVERLAP_MS = 7 * 24 * 60 * 60_000;
