import { randomBytes } from 'node:crypto';

// Tests assert on behaviour, not logs; HUB_LOG_LEVEL=info (or debug) shows them when a test needs a closer look.
process.env.HUB_LOG_LEVEL ??= 'silent';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
// Random keys sealing owners' ID numbers and phones, and webhook secrets, for this run (never the development keys
// under .local/).
process.env.OWNER_DATA_KEY ??= randomBytes(32).toString('base64');
process.env.WEBHOOK_SECRET_KEY ??= randomBytes(32).toString('base64');
