/**
 * A hub (the litigation, areas, contracts and arrears subgraphs and the gateway) from a built checkout's `dist` in a
 * process of its own, so that a benchmark can load two builds (this one and a baseline, e.g. main) over the same
 * database side by side: bench/arrears-households.ts. The build is the directory given as argv[2] (its
 * bench/hub-modules.js loads its hub); the start options come in BUILD_HUB as JSON. Each subgraph's pool holds at
 * most `poolMax` connections (5 unless given), the same for both builds, so that two hubs under load stay well
 * inside the server's shared connection limit. Over IPC it sends { ready, url, subgraphUrls } once it serves,
 * answers 'cpu' with the CPU time the process has used (user + system, ms) and its main thread's alone (where the
 * gateway and every subgraph run their JavaScript), profiles its main thread between 'profile' and { profileTo:
 * path } (a .cpuprofile), and stops the hub and exits on 'stop'.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { threadCpuMicros } from './thread-cpu';
import type { initOrm as InitOrm } from '../platform/db/orm';
import type { loadHubModules as LoadHubModules, withoutRateLimits as WithoutRateLimits } from './hub-modules';

export interface BuildHubStart {
  databaseUrl: string;
  topicPrefix: string;
  poolMax?: number;
}

export type BuildHubMessage =
  | { ready: true; url: string; subgraphUrls: Record<string, string> }
  | { failed: string }
  | { stopped: true }
  | { cpuMs: number; mainThreadMs: number }
  | { profiling: true }
  | { profiled: string };

export type BuildHubRequest = 'cpu' | 'stop' | 'profile' | { profileTo: string };

const send = (message: BuildHubMessage) => process.send!(message);

async function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const start = JSON.parse(process.env.BUILD_HUB!) as BuildHubStart;
  const { loadHubModules, withoutRateLimits } = (await import(path.join(dist, 'bench', 'hub-modules.js'))) as {
    loadHubModules: typeof LoadHubModules;
    withoutRateLimits: typeof WithoutRateLimits;
  };
  const modules = await loadHubModules();
  // The build's subgraphs open their pools through its platform/db/orm.js initOrm (the hub has no pool option).
  const orm = (await import(path.join(dist, 'platform', 'db', 'orm.js'))) as { initOrm: typeof InitOrm };
  const initOrm = orm.initOrm;
  orm.initOrm = (options) => initOrm({ ...options, poolMax: start.poolMax ?? 5 });
  const brokers = modules.kafkaBrokersFromEnv();
  if (!brokers) throw new Error('set KAFKA_BROKERS');
  const hub = await modules.startHub({
    databaseUrl: start.databaseUrl,
    kafkaBrokers: brokers,
    kafkaCredentials: modules.brokerCredentialsFromEnv(),
    tokens: modules.tokenSettings(),
    topicPrefix: start.topicPrefix,
    ports: 'ephemeral',
    subgraphs: ['litigation', 'areas', 'contracts', 'arrears'],
    edge: withoutRateLimits(modules.DEFAULT_EDGE_CONFIG),
    dropBrokerStateOnStop: true,
  });
  let profiler: Session | undefined;
  process.on('message', async (message: BuildHubRequest) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ cpuMs: (user + system) / 1000, mainThreadMs: (threadCpuMicros() ?? NaN) / 1000 });
    }
    if (message === 'profile') {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
      send({ profiling: true });
    }
    if (typeof message === 'object' && profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      profiler = undefined;
      fs.writeFileSync(message.profileTo, JSON.stringify(profile));
      send({ profiled: message.profileTo });
    }
    if (message !== 'stop') return;
    void hub.stop().then(() => {
      send({ stopped: true });
      process.exit(0);
    });
  });
  const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s!.url]));
  send({ ready: true, url: hub.gatewayUrl, subgraphUrls });
}

main().catch((error) => {
  send({ failed: String((error as Error).stack ?? error) });
  process.exit(1);
});
