/**
 * The gateway of bench/edge-under-attack.ts in a thread of its own, as it runs in a container of its own in
 * production (docker-compose.yml): what an attack costs then falls on the gateway's event loop, not on the
 * subgraphs' that share the benchmark's process.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { EdgeConfig } from '../gateway/config';
import type { TokenSettings } from '../platform/auth/tokens';
import { threadCpuMicros } from './thread-cpu';

interface GatewayThreadData {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  tokens: TokenSettings;
  config: EdgeConfig;
}

async function main() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  // As the gateway's container starts it (gateway/main.ts): a thread has its own OpenTelemetry globals, and without
  // them every span and traceparent of gateway/tracing.ts would be the API's no-op.
  const { initTracing } = await import('../platform/tracing');
  initTracing({ OTEL_SERVICE_NAME: 'hub-gateway', ...process.env });
  const { startGateway } = await import('../gateway/server');
  const data = workerData as GatewayThreadData;
  const gateway = await startGateway({ ...data, port: 0 });
  let since = performance.eventLoopUtilization();
  parentPort!.on('message', async (message) => {
    // How long the gateway's event loop was busy since the last 'busy' (what its requests cost it, in ms).
    if (message === 'busy') {
      const now = performance.eventLoopUtilization();
      parentPort!.postMessage({ busyMs: performance.eventLoopUtilization(now, since).active });
      since = now;
      return;
    }
    // The CPU time this thread has run so far (µs): what the gateway's requests cost it, whatever the machine's load.
    if (message === 'cpu') return parentPort!.postMessage({ cpuMicros: threadCpuMicros() });
    if (message !== 'stop') return;
    await gateway.stop();
    parentPort!.postMessage('stopped');
  });
  parentPort!.postMessage({ url: gateway.url });
}

void main();
