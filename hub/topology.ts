import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { IdentityKeyPair, SUBGRAPH_NAMES, SubgraphName } from '../platform/config';
import { BrokerCredentials } from '../platform/events/broker-credentials';
import { hubMallocEnv, hubNodeOptions } from '../platform/memory-flags';
import { recordPhase } from '../platform/phase-timings';

/**
 * The production topology of docker-compose.yml as plain processes (no Docker): the same entry points and the
 * same environment variables, N instances per subgraph on their own ports, one gateway round-robining them
 * (gateway/instances.ts). `npm run start:topology`, the failover test and the scale-out bench start it.
 * test/topology-compose.test.ts fails when these definitions and docker-compose.yml drift apart.
 */
export interface TopologyOptions {
  databaseUrl: string;
  brokers: string[];
  /** The broker's super user (migrate-free: broker-setup and feeds) and each subgraph's principal. */
  credentials: BrokerCredentials;
  /** The callers' token secret (the gateway's alone), the identity key pairs (platform/config.ts), the sealing keys. */
  secrets: {
    jwt: string;
    gatewayKeys: IdentityKeyPair;
    litigationKeys: IdentityKeyPair;
    ownerDataKey: string;
    webhookSecretKey: string;
  };
  /** Instances per subgraph. */
  instances: number;
  /** The subgraphs to run (all by default); the gateway's URL for the others refuses connections. */
  subgraphs?: readonly SubgraphName[];
  /** The gateway's port; subgraph k's instance i listens on basePort + 10 * (k + 1) + i. */
  basePort: number;
  /** Kafka replication factor of the topics (1 on one broker). */
  replicationFactor?: number;
  /** The operator's NODE_OPTIONS, after the heap limit each subgraph and the gateway ship with (platform/memory-flags.ts). */
  nodeOptions?: string;
  /** The proxies in front of the gateway (HUB_TRUSTED_PROXIES, gateway/client-address.ts); none by default. */
  trustedProxies?: string;
  /** The operator's glibc allocator variables (MALLOC_MMAP_THRESHOLD_), where set, over those the hub ships with. */
  mallocEnv?: NodeJS.ProcessEnv;
  /** Local-only variables (LOCAL_ONLY_ENV): a topic prefix, log level, consumer session timeout and fetch wait, a bench's rate. */
  localEnv?: Partial<Record<(typeof LOCAL_ONLY_ENV)[number], string>>;
}

/**
 * Variables the runner sets that docker-compose.yml does not: where to listen (a container owns its network
 * namespace; processes on one machine share loopback), and test/bench tuning. Everything else must match.
 */
export const LOCAL_ONLY_ENV = [
  'HOST',
  'PATH',
  'KAFKA_TOPIC_PREFIX',
  'HUB_LOG_LEVEL',
  'KAFKA_CONSUMER_SESSION_TIMEOUT_MS',
  'KAFKA_CONSUMER_MAX_WAIT_MS',
  'HUB_RATE_LIMIT',
  'HUB_TEST_TIMINGS',
  // TLS to a configured broker: docker-compose's subgraphs reach theirs on the compose network's plain listener.
  'KAFKA_TLS',
  'KAFKA_TLS_CA_FILE',
] as const;

export interface ServiceDefinition {
  /** The docker-compose.yml service this process is an instance of. */
  service: string;
  instance: number;
  command: string[];
  env: Record<string, string>;
  /** Where it listens (long-running services only). */
  port?: number;
}

export interface TopologyServices {
  /** One-shot steps, both ended before any service starts: the schema's migrations and the broker's setup. */
  steps: ServiceDefinition[];
  subgraphs: ServiceDefinition[];
  gateway: ServiceDefinition;
}

/** A URL nothing listens on (the discard port): the gateway answers SUBGRAPH_UNAVAILABLE for a subgraph not run. */
const NOT_RUN_URL = 'http://127.0.0.1:9/graphql';

export const subgraphPort = (options: Pick<TopologyOptions, 'basePort'>, name: SubgraphName, instance: number) =>
  options.basePort + 10 * (SUBGRAPH_NAMES.indexOf(name) + 1) + instance;

/** At most this many instances of a subgraph: the ports of its instances' metrics listeners come after them. */
export const MAX_TOPOLOGY_INSTANCES = 5;

/**
 * The metrics listener of a subgraph's instance (METRICS_PORT, on loopback): its outbox backlog and age, consumer lag
 * and dead letters, which only the subgraph's own process holds. Before, no process of the topology or of
 * docker-compose.yml set it, so `hub_outbox_backlog` could be scraped nowhere (an operations audit of 2026-12-07).
 */
export const subgraphMetricsPort = (options: Pick<TopologyOptions, 'basePort'>, name: SubgraphName, instance: number) =>
  subgraphPort(options, name, instance) + MAX_TOPOLOGY_INSTANCES;
const urlOf = (port: number) => `http://127.0.0.1:${port}/graphql`;

export function topologyServices(options: TopologyOptions): TopologyServices {
  if (!Number.isInteger(options.instances) || options.instances < 1 || options.instances > MAX_TOPOLOGY_INSTANCES)
    throw new Error(`A topology runs 1 to ${MAX_TOPOLOGY_INSTANCES} instances of each subgraph`);
  const running = SUBGRAPH_NAMES.filter((name) => !options.subgraphs || options.subgraphs.includes(name));
  const local = Object.fromEntries(Object.entries(options.localEnv ?? {}).filter(([, v]) => v !== undefined));
  const common = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...(local as Record<string, string>),
  };
  const replication = String(options.replicationFactor ?? 1);
  const password = (name: SubgraphName) => options.credentials.subgraphs[name].password;
  const instancesOf = (name: SubgraphName) =>
    running.includes(name)
      ? Array.from({ length: options.instances }, (_, i) => urlOf(subgraphPort(options, name, i)))
      : [NOT_RUN_URL];

  const steps: ServiceDefinition[] = [
    {
      service: 'migrate',
      instance: 0,
      command: ['node', 'dist/hub/migrate.js'],
      env: { ...common, NODE_ENV: 'production', DATABASE_URL: options.databaseUrl },
    },
    {
      service: 'broker-setup',
      instance: 0,
      command: ['node', 'dist/hub/provision-broker.js'],
      env: {
        ...common,
        KAFKA_BROKERS: options.brokers.join(','),
        KAFKA_REPLICATION_FACTOR: replication,
        KAFKA_ADMIN_USERNAME: options.credentials.admin.username,
        KAFKA_ADMIN_PASSWORD: options.credentials.admin.password,
        ...Object.fromEntries(
          SUBGRAPH_NAMES.map((name) => [`KAFKA_SASL_PASSWORD_${name.toUpperCase()}`, password(name)]),
        ),
      },
    },
  ];

  const subgraphs = running.flatMap((name) =>
    Array.from({ length: options.instances }, (_, instance): ServiceDefinition => {
      const port = subgraphPort(options, name, instance);
      const env: Record<string, string> = {
        ...common,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        DATABASE_URL: options.databaseUrl,
        KAFKA_BROKERS: options.brokers.join(','),
        KAFKA_REPLICATION_FACTOR: replication,
        // The gateway's public key only: a subgraph holds no secret or private key another process trusts.
        HUB_IDENTITY_PUBLIC_KEY: options.secrets.gatewayKeys.publicKey,
        HUB_MIGRATIONS: 'verify',
        NODE_OPTIONS: hubNodeOptions(options.nodeOptions),
        ...hubMallocEnv(options.mallocEnv ?? {}),
        PORT: String(port),
        METRICS_PORT: String(subgraphMetricsPort(options, name, instance)),
        METRICS_HOST: '127.0.0.1',
        KAFKA_SASL_USERNAME: options.credentials.subgraphs[name].username,
        KAFKA_SASL_PASSWORD: password(name),
      };
      if (name === 'areas') {
        env.OWNER_DATA_KEY = options.secrets.ownerDataKey;
        env.HUB_LITIGATION_IDENTITY_PUBLIC_KEY = options.secrets.litigationKeys.publicKey;
      }
      if (name === 'litigation') {
        // each litigation instance reads the owners' register from one areas instance, with assertions of its own
        env.SUBGRAPH_AREAS_URL = instancesOf('areas')[instance % instancesOf('areas').length];
        env.HUB_LITIGATION_IDENTITY_PRIVATE_KEY = options.secrets.litigationKeys.privateKey;
      }
      if (name === 'feeds') {
        env.KAFKA_ADMIN_USERNAME = options.credentials.admin.username;
        env.KAFKA_ADMIN_PASSWORD = options.credentials.admin.password;
        env.WEBHOOK_SECRET_KEY = options.secrets.webhookSecretKey;
      }
      return { service: name, instance, command: ['node', `dist/subgraphs/${name}/main.js`], env, port };
    }),
  );

  const gateway: ServiceDefinition = {
    service: 'gateway',
    instance: 0,
    command: ['node', 'dist/gateway/main.js'],
    port: options.basePort,
    env: {
      ...common,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NODE_OPTIONS: hubNodeOptions(options.nodeOptions),
      ...hubMallocEnv(options.mallocEnv ?? {}),
      PORT: String(options.basePort),
      HUB_JWT_SECRET: options.secrets.jwt,
      HUB_IDENTITY_PRIVATE_KEY: options.secrets.gatewayKeys.privateKey,
      HUB_TRUSTED_PROXIES: options.trustedProxies ?? '',
      ...Object.fromEntries(
        SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, instancesOf(name).join(',')]),
      ),
    },
  };
  return { steps, subgraphs, gateway };
}

/** One running process of the topology, restartable with the same definition. */
export class ServiceProcess {
  child?: ChildProcess;
  private readonly tail: string[] = [];
  private spawnedAt = 0;

  constructor(
    readonly definition: ServiceDefinition,
    private readonly root: string,
    private readonly logFile?: string,
  ) {}

  get name(): string {
    return `${this.definition.service}-${this.definition.instance + 1}`;
  }

  get url(): string | undefined {
    return this.definition.port ? urlOf(this.definition.port) : undefined;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** The last lines it wrote (for a failure's message). */
  output(): string {
    return this.tail.join('');
  }

  spawn(): ChildProcess {
    const [command, ...args] = this.definition.command;
    const child = spawn(command === 'node' ? process.execPath : command, args, {
      cwd: this.root,
      env: this.definition.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = this.logFile ? fs.createWriteStream(this.logFile, { flags: 'a' }) : undefined;
    const keep = (chunk: Buffer) => {
      log?.write(chunk);
      this.tail.push(chunk.toString());
      if (this.tail.length > 40) this.tail.shift();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', () => log?.end());
    this.child = child;
    this.spawnedAt = performance.now();
    return child;
  }

  /** Runs a one-shot step to its end; throws with its output unless it exits 0. */
  async run(timeoutMs = 120_000): Promise<void> {
    const child = this.spawn();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    if (code !== 0) throw new Error(`${this.name} exited with ${code}:\n${this.output()}`);
  }

  /** Sends `signal` to this process (by its PID) and waits for it to exit; SIGKILL after `graceMs`. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || this.pid === undefined) return;
    const exited = once(child, 'exit');
    process.kill(this.pid, signal);
    const timer = setTimeout(() => this.pid !== undefined && process.kill(this.pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Waits until `GET <path>` answers 200, or throws (with its output) after `timeoutMs` or when it exits. */
  async waitReady(pathname = '/readyz', timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const probe = new URL(pathname, this.url).toString();
    while (Date.now() < deadline) {
      if (this.pid === undefined) throw new Error(`${this.name} exited before it was ready:\n${this.output()}`);
      const ok = await fetch(probe, { signal: AbortSignal.timeout(2000) }).then(
        (res) => res.ok,
        () => false,
      );
      if (ok) {
        recordPhase('topology.ready', performance.now() - this.spawnedAt, { service: this.name, child: this.pid });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.output()}`);
  }
}

export interface RunningTopology {
  gatewayUrl: string;
  gateway: ServiceProcess;
  /** Each subgraph's instances, in port order. */
  instances: Partial<Record<SubgraphName, ServiceProcess[]>>;
  /** SIGKILLs a process (by PID) and waits for its exit. */
  kill(process: ServiceProcess): Promise<void>;
  /** Starts a killed process again with its definition and waits until it is ready. */
  restart(process: ServiceProcess): Promise<void>;
  /** SIGTERM to every process (gateway first), by PID; SIGKILL to one that does not stop in time. */
  stop(): Promise<void>;
  /** How long the start took, in ms: the one-shot steps, then every subgraph instance ready, then the gateway. */
  timings: { stepsMs: number; subgraphsMs: number; gatewayMs: number };
}

/**
 * Migrations once beside the broker setup, then every subgraph instance in parallel (each ready on its /readyz),
 * then the gateway. A failure stops whatever started. `readyTimeoutMs` bounds each process's wait for readiness
 * (starts and restarts): 12 processes starting at once on 2 cores take minutes, not seconds.
 */
export async function startTopology(
  options: TopologyOptions,
  { root, logDir, readyTimeoutMs = 180_000 }: { root: string; logDir?: string; readyTimeoutMs?: number },
): Promise<RunningTopology> {
  const services = topologyServices(options);
  if (logDir) fs.mkdirSync(logDir, { recursive: true });
  const make = (definition: ServiceDefinition) => {
    const name = `${definition.service}-${definition.instance + 1}`;
    return new ServiceProcess(definition, root, logDir ? path.join(logDir, `${name}.log`) : undefined);
  };
  let since = Date.now();
  const lap = () => {
    const now = Date.now();
    const ms = now - since;
    since = now;
    return ms;
  };
  // independent (one needs PostgreSQL, the other Kafka), so side by side as compose runs them; both end first
  const steps = await Promise.allSettled(services.steps.map((step) => make(step).run()));
  for (const step of steps) if (step.status === 'rejected') throw step.reason;
  const timings = { stepsMs: lap(), subgraphsMs: 0, gatewayMs: 0 };

  const subgraphs = services.subgraphs.map(make);
  const gateway = make(services.gateway);
  const stop = async () => {
    await gateway.kill('SIGTERM');
    await Promise.all(subgraphs.map((s) => s.kill('SIGTERM')));
  };
  try {
    for (const s of subgraphs) s.spawn();
    await Promise.all(subgraphs.map((s) => s.waitReady('/readyz', readyTimeoutMs)));
    timings.subgraphsMs = lap();
    gateway.spawn();
    await gateway.waitReady('/healthz', readyTimeoutMs);
    timings.gatewayMs = lap();
  } catch (error) {
    await stop();
    throw error;
  }
  const instances: RunningTopology['instances'] = {};
  for (const s of subgraphs) (instances[s.definition.service as SubgraphName] ??= []).push(s);
  return {
    gatewayUrl: gateway.url!,
    gateway,
    instances,
    kill: (p) => p.kill('SIGKILL'),
    restart: async (p) => {
      if (p.pid !== undefined) throw new Error(`${p.name} is still running`);
      p.spawn();
      await p.waitReady(p === gateway ? '/healthz' : '/readyz', readyTimeoutMs);
    },
    stop,
    timings,
  };
}

/** Whether nothing listens on `port` of the loopback interface right now. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A base port for a topology of `instances` per subgraph whose every port is free now, below Linux's ephemeral
 * range (32768+), where an outgoing connection could take one of them between this check and the listen.
 */
export async function freeBasePort(instances: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const basePort = 20_000 + Math.floor(Math.random() * 120) * 100;
    const ports = [
      basePort,
      ...SUBGRAPH_NAMES.flatMap((name) =>
        Array.from({ length: instances }, (_, i) => [
          subgraphPort({ basePort }, name, i),
          subgraphMetricsPort({ basePort }, name, i),
        ]).flat(),
      ),
    ];
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return basePort;
  }
  throw new Error('no free range of ports for the topology');
}
