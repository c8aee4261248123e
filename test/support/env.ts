// Tests assert on behaviour, not logs; LOG_LEVEL=info (or debug) shows them when a test needs a closer look.
process.env.LOG_LEVEL ??= 'silent';
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
