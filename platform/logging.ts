import pino from 'pino';

/** One JSON logger for every process; child loggers add the component (subgraph, relay, consumer). */
export const logger = pino({
  level: process.env.HUB_LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: 'property-governance-hub' },
  redact: ['req.headers.authorization', 'headers.authorization', 'token'],
});

export type Logger = pino.Logger;
