// Tests assert on behaviour, not logs; HUB_LOG_LEVEL=info (or debug) shows them when a test needs a closer look.
process.env.HUB_LOG_LEVEL ??= 'silent';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
