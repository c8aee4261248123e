import fs from 'node:fs';
import { TokenSettings } from '../platform/auth/tokens';
import { DEFAULT_PORTS } from '../platform/config';
import { RunningSubgraph, startSubgraph } from '../platform/subgraph/runtime';
import { EdgeConfig } from '../gateway/config';
import { RunningGateway, startGateway } from '../gateway/server';
import { supergraphPath } from '../platform/project-root';
import { ALL_SUBGRAPHS } from './subgraphs';

export interface HubOptions {
  databaseUrl: string;
  kafkaBrokers: string[];
  tokens: TokenSettings;
  topicPrefix?: string;
  /** 0 picks free ports (tests); the defaults are 4000-4004. */
  ports?: 'default' | 'ephemeral';
  relayPollIntervalMs?: number;
  /** The gateway's limits; the environment's (gateway/config.ts) when not given. */
  edge?: EdgeConfig;
}

export interface RunningHub {
  gatewayUrl: string;
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  stop(): Promise<void>;
}

/** All four subgraphs and the gateway in one process, over the checked-in supergraph: `npm start` and the tests. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const subgraphs: Record<string, RunningSubgraph> = {};
  const portOf = (name: keyof typeof DEFAULT_PORTS) => (options.ports === 'ephemeral' ? 0 : DEFAULT_PORTS[name]);
  try {
    for (const module of ALL_SUBGRAPHS) {
      subgraphs[module.name] = await startSubgraph(module, {
        databaseUrl: options.databaseUrl,
        kafka: { brokers: options.kafkaBrokers, topicPrefix: options.topicPrefix },
        tokens: options.tokens,
        port: portOf(module.name),
        relayPollIntervalMs: options.relayPollIntervalMs,
      });
    }
    const gateway = await startGateway({
      supergraphSdl: fs.readFileSync(supergraphPath(), 'utf8'),
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.url])),
      tokens: options.tokens,
      port: portOf('gateway'),
      config: options.edge,
    });
    return {
      gatewayUrl: gateway.url,
      gateway,
      subgraphs,
      stop: async () => {
        await gateway.stop();
        for (const s of Object.values(subgraphs).reverse()) await s.stop();
      },
    };
  } catch (error) {
    for (const s of Object.values(subgraphs).reverse()) await s.stop().catch(() => undefined);
    throw error;
  }
}
