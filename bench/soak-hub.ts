/**
 * The hub of bench/soak.ts in a process of its own, so that its RSS is the hub's alone (gateway and all subgraphs,
 * as `npm start` runs them, tracing registered): the load and the snapshot parsing stay in the parent. Started
 * with --expose-gc. Over IPC it answers:
 * - 'memory': its process.memoryUsage() and the peak RSS it saw (sampled every 100 ms);
 * - 'gc': a full garbage collection, then its memory;
 * - { snapshot: file }: v8.writeHeapSnapshot(file), then its memory;
 * - 'window': its memory, with the highest RSS and heap used sampled (every 100 ms) since the last 'window', for
 *   what one large request costs;
 * - 'stop': stops the hub and exits.
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { loadHubModules, withoutRateLimits } from './hub-modules';

export interface SoakHubStart {
  databaseUrl: string;
  topicPrefix: string;
}

export interface HubMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  peakRss: number;
  /** The highest RSS and heap used sampled every 100 ms since the last 'window' message. */
  windowPeakRss: number;
  windowPeakHeapUsed: number;
  /** At the sample of that highest RSS: V8's heap used and the memory outside it that V8 is told of (Buffers). */
  windowPeakRssHeapUsed: number;
  windowPeakRssExternal: number;
  /** V8's spaces (reserved / used, bytes) and, on Linux, RSS split into anonymous and file-backed pages. */
  spaces: { name: string; size: number; used: number }[];
  rssAnon?: number;
  rssFile?: number;
}

export type SoakHubMessage =
  { ready: true; url: string } | { failed: string } | ({ memory: true } & HubMemory) | { stopped: true };

const send = (message: SoakHubMessage) => process.send!(message);

async function main() {
  const start = JSON.parse(process.env.SOAK_HUB!) as SoakHubStart;
  const modules = await loadHubModules();
  const { initTracing } = await import('../platform/tracing');
  initTracing();
  let peakRss = 0;
  let windowPeakRss = 0;
  let windowPeakHeapUsed = 0;
  let [windowPeakRssHeapUsed, windowPeakRssExternal] = [0, 0];
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    if (m.rss > windowPeakRss)
      [windowPeakRss, windowPeakRssHeapUsed, windowPeakRssExternal] = [m.rss, m.heapUsed, m.external];
    windowPeakHeapUsed = Math.max(windowPeakHeapUsed, m.heapUsed);
    return m;
  };
  const memory = (): HubMemory => {
    const m = sample();
    const status = process.platform === 'linux' ? fs.readFileSync('/proc/self/status', 'utf8') : '';
    const kb = (field: string) => {
      const found = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      return found ? Number(found[1]) * 1024 : undefined;
    };
    return {
      spaces: v8.getHeapSpaceStatistics().map((sp) => ({
        name: sp.space_name,
        size: sp.space_size,
        used: sp.space_used_size,
      })),
      rssAnon: kb('RssAnon'),
      rssFile: kb('RssFile'),
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      peakRss,
      windowPeakRss,
      windowPeakHeapUsed,
      windowPeakRssHeapUsed,
      windowPeakRssExternal,
    };
  };
  setInterval(sample, 100).unref();
  const brokers = modules.kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS');
  const tokens = modules.tokenSettings();
  const hub = await modules.startHub({
    databaseUrl: start.databaseUrl,
    kafkaBrokers: brokers,
    kafkaCredentials: modules.brokerCredentialsFromEnv(),
    tokens,
    topicPrefix: start.topicPrefix,
    ports: 'ephemeral',
    edge: withoutRateLimits(modules.DEFAULT_EDGE_CONFIG),
    dropBrokerStateOnStop: true,
  });
  process.on('message', (message: 'memory' | 'gc' | 'window' | 'stop' | { snapshot: string }) => {
    void (async () => {
      if (message === 'stop') {
        await hub.stop();
        send({ stopped: true });
        process.exit(0);
      }
      if (message === 'gc') global.gc?.();
      if (typeof message === 'object') v8.writeHeapSnapshot(message.snapshot);
      const answer = memory();
      if (message === 'window')
        [windowPeakRss, windowPeakHeapUsed, windowPeakRssHeapUsed, windowPeakRssExternal] = [0, 0, 0, 0];
      send({ memory: true, ...answer });
    })();
  });
  await modules.loadDemoData(hub.gatewayUrl, tokens);
  await modules.loadDemoArrears(hub.gatewayUrl, tokens);
  // The demo taxonomy, for the largest complaints CSV import of bench/soak-largest.ts.
  await modules.loadDemoComplaints(hub.gatewayUrl, tokens);
  send({ ready: true, url: hub.gatewayUrl });
}

main().catch((error) => {
  send({ failed: String((error as Error)?.stack ?? error) });
  process.exit(1);
});
