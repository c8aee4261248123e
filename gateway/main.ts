import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, tokenSettings } from '../infra/config';
import { logger } from '../infra/logging';
import { startGateway } from './server';

/**
 * Production entry of the gateway container. SUBGRAPH_<NAME>_URL points at each subgraph (defaults: the
 * checked-in supergraph's development URLs); SUPERGRAPH_PATH at the composed supergraph.
 */
async function main() {
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '..', '..', 'schemas', 'supergraph.graphql');
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.flatMap((name) => {
      const url = process.env[`SUBGRAPH_${name.toUpperCase()}_URL`];
      return url ? [[name, url]] : [];
    }),
  );
  const gateway = await startGateway({
    supergraphSdl: fs.readFileSync(supergraphPath, 'utf8'),
    subgraphUrls,
    tokens: tokenSettings(),
    port: Number(process.env.PORT ?? DEFAULT_PORTS.gateway),
    host: process.env.HOST ?? '0.0.0.0',
  });
  logger.info({ url: gateway.url }, 'gateway listening');
  const shutdown = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  logger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
