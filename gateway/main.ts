import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, listenHost, portFromEnv, tokenSettings } from '../platform/config';
import { logger } from '../platform/logging';
import { projectRoot, supergraphPath } from '../platform/project-root';
import { flushTraces, initTracing } from '../platform/tracing';
import { recordPhase } from '../platform/phase-timings';
import { startGateway } from './server';
import { subgraphInstancesFromEnv } from './instances';
import { stopEachLogged } from '../platform/stop-each';

/**
 * Production entry of the gateway container. SUBGRAPH_<NAME>_URL points at each subgraph, or at its instances as a
 * comma-separated list (round robin, gateway/instances.ts) (defaults: the checked-in supergraph's development URLs);
 * SUPERGRAPH_PATH at the composed supergraph. The web console is served from CONSOLE_DIR (default dist/console, built
 * by `npm run console:build`), without the development sign-in.
 */
async function main() {
  recordPhase('gateway.modules', performance.now());
  initTracing({ OTEL_SERVICE_NAME: 'hub-gateway', ...process.env });
  const supergraph = process.env.SUPERGRAPH_PATH ?? supergraphPath();
  const subgraphInstances = subgraphInstancesFromEnv(SUBGRAPH_NAMES, process.env);
  const gateway = await startGateway({
    supergraphSdl: fs.readFileSync(supergraph, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphInstances).map(([name, urls]) => [name, urls[0]])),
    subgraphInstances,
    tokens: tokenSettings(process.env, 'gateway'),
    port: portFromEnv('PORT', DEFAULT_PORTS.gateway),
    host: listenHost(),
    console: { staticDir: process.env.CONSOLE_DIR ?? path.join(projectRoot(__dirname), 'dist', 'console') },
  });
  recordPhase('gateway.listening', performance.now());
  logger.info({ url: gateway.url }, 'gateway listening');
  const shutdown = async () => {
    const clean = await stopEachLogged([
      { name: 'gateway', stop: () => gateway.stop() },
      { name: 'traces', stop: () => flushTraces() },
    ]);
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error) => {
  logger.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
