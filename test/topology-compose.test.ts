import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SUBGRAPH_NAMES, SubgraphName } from '../platform/config';
import { LOCAL_ONLY_ENV, ServiceDefinition, subgraphPort, topologyServices } from '../hub/topology';
import { projectRoot } from '../platform/project-root';
import { MAX_CONNECTIONS_PER_ADDRESS } from '../tools/kafka/local-kafka';
import { metricsPortFromEnv } from '../platform/metrics-port';

/**
 * docker-compose.yml and the process runner (hub/topology.ts) describe one topology: the same services, commands and
 * environment. Variables that depend on where a process runs (its port, the hosts it reaches) are checked by what
 * they point at; every other value must be the same once compose's `${VAR}` are given the runner's values.
 */
interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
}

const compose = parse(fs.readFileSync(path.join(projectRoot(__dirname), 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };

// The same value for each of compose's variables and the runner's options.
const variables: Record<string, string> = {
  HUB_JWT_SECRET: 'jwt-secret',
  HUB_IDENTITY_PRIVATE_KEY: 'gateway-private-key',
  HUB_IDENTITY_PUBLIC_KEY: 'gateway-public-key',
  HUB_LITIGATION_IDENTITY_PRIVATE_KEY: 'litigation-private-key',
  HUB_LITIGATION_IDENTITY_PUBLIC_KEY: 'litigation-public-key',
  OWNER_DATA_KEY: 'owner-data-key',
  WEBHOOK_SECRET_KEY: 'webhook-secret-key',
  KAFKA_ADMIN_PASSWORD: 'admin-password',
  NODE_OPTIONS: '--max-old-space-size=1024',
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`KAFKA_PASSWORD_${name.toUpperCase()}`, `${name}-password`])),
};
const interpolate = (value: string) =>
  value.replace(
    /\$\{([A-Z0-9_]+)(?::[?-]([^}]*))?\}/g,
    (_, name: string, fallback?: string) => variables[name] ?? fallback ?? '',
  );

const basePort = 4100;
const services = topologyServices({
  databaseUrl: 'postgres://hub@db/property_hub',
  brokers: ['broker:9092'],
  credentials: {
    admin: { username: 'hub-admin', password: variables.KAFKA_ADMIN_PASSWORD },
    subgraphs: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, { username: `hub-${name}`, password: `${name}-password` }]),
    ) as Record<SubgraphName, { username: string; password: string }>,
  },
  secrets: {
    jwt: variables.HUB_JWT_SECRET,
    gatewayKeys: { privateKey: variables.HUB_IDENTITY_PRIVATE_KEY, publicKey: variables.HUB_IDENTITY_PUBLIC_KEY },
    litigationKeys: {
      privateKey: variables.HUB_LITIGATION_IDENTITY_PRIVATE_KEY,
      publicKey: variables.HUB_LITIGATION_IDENTITY_PUBLIC_KEY,
    },
    ownerDataKey: variables.OWNER_DATA_KEY,
    webhookSecretKey: variables.WEBHOOK_SECRET_KEY,
  },
  instances: 2,
  basePort,
  nodeOptions: variables.NODE_OPTIONS,
  localEnv: { KAFKA_TOPIC_PREFIX: 'p.', HUB_LOG_LEVEL: 'info' },
});
const runner: ServiceDefinition[] = [...services.steps, ...services.subgraphs, services.gateway];

/** The compose service a runner URL points at (by its port), or the compose host named in a compose URL. */
const serviceAtPort = (url: string) => {
  const port = Number(new URL(url).port);
  if (port === basePort) return 'gateway';
  return SUBGRAPH_NAMES.find((name) => [0, 1].some((i) => subgraphPort({ basePort }, name, i) === port));
};
/** A compose service's environment with its variables filled in. */
const interpolatedEnv = (service: { environment?: Record<string, unknown> }): Record<string, string> =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
const ADDRESS_DEPENDENT = new Set(['PORT', 'DATABASE_URL', 'KAFKA_BROKERS', 'METRICS_PORT', 'METRICS_HOST']);
const isUrlList = (name: string) => /^SUBGRAPH_[A-Z]+_URL$/.test(name);

describe('docker-compose.yml and npm run start:topology', () => {
  it('run the same services (compose adds only PostgreSQL and Kafka, which the runner finds running)', () => {
    const composed = Object.keys(compose.services).filter((name) => !['postgres', 'kafka'].includes(name));
    expect(new Set(runner.map((s) => s.service))).toEqual(new Set(composed));
    // one-shot steps in compose's order: migrations before any subgraph, broker setup before any subgraph
    expect(services.steps.map((s) => s.service)).toEqual(['migrate', 'broker-setup']);
    expect(services.subgraphs.filter((s) => s.instance === 1).map((s) => s.service)).toEqual([...SUBGRAPH_NAMES]);
  });

  it.each(runner.filter((s) => s.instance === 0).map((s) => [s.service, s] as const))(
    '%s: the same command and environment variables',
    (name, definition) => {
      const theirs = compose.services[name];
      expect(definition.command).toEqual(theirs.command);
      const composeEnv = interpolatedEnv(theirs);
      const ours = Object.fromEntries(
        Object.entries(definition.env).filter(([k]) => !(LOCAL_ONLY_ENV as readonly string[]).includes(k)),
      );
      expect(Object.keys(ours).sort()).toEqual(Object.keys(composeEnv).sort());
      for (const [key, value] of Object.entries(composeEnv)) {
        if (ADDRESS_DEPENDENT.has(key)) continue;
        if (isUrlList(key)) {
          // compose names the service host; the runner lists that service's instances (by their ports)
          const host = new URL(value).hostname;
          const targets = ours[key].split(',').map(serviceAtPort);
          expect(targets.every((t) => t === host)).toBe(true);
        } else expect([key, ours[key]]).toEqual([key, value]);
      }
    },
  );

  it("gives every subgraph process a metrics listener, as its outbox and consumers' figures are its own", () => {
    // Before, none had one: hub_outbox_backlog, which README › Production has operators watch, was scraped nowhere.
    for (const s of services.subgraphs)
      expect(metricsPortFromEnv(s.env)).toEqual({ port: expect.any(Number), host: '127.0.0.1' });
    for (const name of SUBGRAPH_NAMES)
      expect(metricsPortFromEnv(interpolatedEnv(compose.services[name]))).toEqual({ port: 9464, host: '0.0.0.0' });
    const ports = runner.flatMap((s) => [s.port, s.env.METRICS_PORT && Number(s.env.METRICS_PORT)].filter(Boolean));
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('gives the gateway every instance of every subgraph', () => {
    for (const name of SUBGRAPH_NAMES)
      expect(services.gateway.env[`SUBGRAPH_${name.toUpperCase()}_URL`].split(',')).toHaveLength(2);
    const ports = runner.flatMap((s) => (s.port ? [s.port] : []));
    expect(new Set(ports).size).toBe(ports.length);
  });

  it("bounds the broker's connections from one address as the local broker does", () => {
    const broker = (compose.services.kafka.command ?? []).join('\n');
    expect(broker).toMatch(new RegExp(`^\\s*max\\.connections\\.per\\.ip=${MAX_CONNECTIONS_PER_ADDRESS}$`, 'm'));
  });

  it("takes no credential by default, publishes the gateway on loopback only and the broker's TLS listener alone", () => {
    const text = fs.readFileSync(path.join(projectRoot(__dirname), 'docker-compose.yml'), 'utf8');
    // Every secret must be given: a default password (POSTGRES_PASSWORD was `hub`) would start a production hub on it.
    // (`$${…}` is the container shell's, not compose's)
    for (const secret of text.matchAll(/(?<!\$)\$\{([A-Z_]*(?:PASSWORD|SECRET|KEY)[A-Z_]*)(:[?-])?/g))
      expect([secret[1], secret[2]]).toEqual([secret[1], ':?']);
    const ports = Object.entries(compose.services).flatMap(([name, s]) =>
      ((s as { ports?: string[] }).ports ?? []).map((port) => `${name} ${port}`),
    );
    // Parties off the host reach the broker over SASL_SSL only: its plain listener stays inside the compose network.
    expect(ports.sort()).toEqual(['gateway 127.0.0.1:4000:4000', 'kafka 9094:9094']);
    expect(text).toMatch(/^ +listeners=SASL_PLAINTEXT:\/\/:9092,CONTROLLER:\/\/:9093,SASL_SSL:\/\/:9094$/m);
  });
});
