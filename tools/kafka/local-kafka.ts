// Launches a real single-node Apache Kafka broker (KRaft, combined broker+controller) from jars
// that Maven resolves out of Maven Central (see pom.xml beside this file). No Docker, no tarball.
//
//   npm run kafka:start | kafka:stop  (node dist/tools/kafka/local-kafka.js start|stop|status)
//   env: KAFKA_DATA_DIR (default <root>/.local/kafka/data), KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093),
//   KAFKA_TLS_PORT (19094: SASL_SSL for parties' clients, trusting <data dir>/tls/ca.pem)
//   secured: SASL/SCRAM-SHA-512 with ACLs, the super user's credential from <root>/.local/kafka/credentials.json

import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { projectRoot } from '../../platform/project-root';
import { portFromEnv } from '../../platform/config';
import type { SaslCredential } from '../../platform/events/kafka';
import { loadOrCreateBrokerCredentials, localKafkaCredentialsFile } from '../../platform/events/broker-credentials';
import { BrokerTls, brokerCaFile, ensureBrokerTls } from './broker-tls';
import { jdkBin } from './jdk';

export interface LocalKafkaOptions {
  dataDir: string;
  port: number;
  controllerPort: number;
  heapMb?: number;
  /** Broker's log4j log; default <dataDir>/server.log. JVM stdout/stderr always go to <dataDir>/kafka.out. */
  logFile?: string;
  /** Where pom.xml / .local live; default: found by walking up from this file. */
  projectRoot?: string;
  /**
   * The super user of a secured broker: the client listener then takes SASL/SCRAM-SHA-512 only, the controller
   * listener SASL/PLAIN, and KRaft's StandardAuthorizer refuses whatever no ACL allows. Its SCRAM credential is
   * written at format time; a data dir formatted for another admin (or for no security) is formatted afresh.
   * Without it the broker is PLAINTEXT and open to anyone (the shared test broker of older runs).
   */
  admin?: SaslCredential;
  /**
   * A second client listener, SASL_SSL on this port (loopback, as the others), for parties' clients: the same SCRAM
   * principals and ACLs over TLS, with a certificate made once under `<dataDir>/tls` (broker-tls.ts). Needs `admin`.
   */
  tlsPort?: number;
  /** How long a client's authentication holds before it must re-authenticate (so a changed password takes effect). */
  reauthMs?: number;
  /**
   * The shortest consumer session the broker accepts (`group.min.session.timeout.ms`, 6 s unless set): a test that
   * kills consumers and waits for their groups to rebalance may use shorter sessions than that.
   */
  minSessionTimeoutMs?: number;
  /**
   * A broker that one test file starts, kills and restarts (test/support/secured-broker.ts): its JVM compiles with C1
   * only (`-XX:TieredStopAtLevel=1`: about 40% less CPU to start, and a broker that lives a minute never profits
   * from C2), and after a SIGKILL its restart is accepted by its own controller within 3 s instead of 9: the
   * controller waits for the killed incarnation's registration to expire (`broker.session.timeout.ms`, heartbeats
   * every 750 ms instead of 2 s). Two interleaved rounds at load average 15–16: the JVM's CPU to ready 2.9 → 1.8–2.0 s,
   * the first start 9.8–11.0 → 7.2–8.7 s, a restart after a SIGKILL 16.3–17.1 → 5.9–10.5 s.
   */
  shortLived?: boolean;
  /**
   * A broker for a test run (the Jest global setup's, a test file's own): topics it creates by itself get one
   * partition, and it runs fewer request threads. Test hubs create one partition a topic and delete their topics when
   * they stop, so a test broker holds a few hundred partitions at a time; one network thread and two I/O threads
   * serve that on a 2-core machine with fewer threads waking. Its JVM compiles with C1 only, as a short-lived broker's:
   * a test run's load never repays C2's compilations (`bash bench/kafka-suite-compare.sh`, 4 files, 2 interleaved
   * rounds at load average 10–13: the broker's CPU over the files 20.0 → 12.4 s, 0.62×, C2's threads 7–8 s of the
   * 20, the request handlers 5.3–5.5 s with C1's code against 5.7–6.1 s with C2's). The development broker
   * (`npm run kafka:start`) keeps the production-like settings: 3 partitions a topic, 2 network and 4 I/O threads, C2.
   * A test broker's controller also writes no idle no-op records (`metadata.max.idle.interval.ms=0`).
   */
  forTests?: boolean;
}

export interface LocalKafka {
  brokers: string[];
  /** The SASL_SSL listener's address and the certificate its clients trust, when it has one (`tlsPort`). */
  tls?: { brokers: string[]; caFile: string };
  pid: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The development broker's SASL_SSL listener for parties' clients (KAFKA_TLS_PORT unless set). */
export const LOCAL_KAFKA_TLS_PORT = 19094;

/** The development broker's data directory: KAFKA_DATA_DIR, else `.local/kafka/data` (kafka:start and npm start alike). */
export const localKafkaDataDir = (root: string, env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(env.KAFKA_DATA_DIR ?? path.join(root, '.local', 'kafka', 'data'));

/**
 * The development broker's ports: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093) and KAFKA_TLS_PORT (19094), read
 * once for `npm run kafka:start` and for `npm start`'s own local broker, which before read only the TLS port (and no
 * KAFKA_DATA_DIR) and so could not reuse a broker started on other ports or another data directory.
 */
export function localKafkaPorts(env: NodeJS.ProcessEnv = process.env): {
  port: number;
  controllerPort: number;
  tlsPort: number;
} {
  return {
    port: portFromEnv('KAFKA_PORT', 19092, env),
    controllerPort: portFromEnv('KAFKA_CONTROLLER_PORT', 19093, env),
    tlsPort: portFromEnv('KAFKA_TLS_PORT', LOCAL_KAFKA_TLS_PORT, env),
  };
}

const READY_LINE = 'Kafka Server started'; // "[KafkaRaftServer nodeId=1] Kafka Server started (kafka.server.KafkaRaftServer)"
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Jars

export async function ensureKafkaJars(root: string): Promise<string> {
  const pom = path.join(root, 'tools', 'kafka', 'pom.xml');
  const libDir = path.join(root, '.local', 'kafka', 'lib');
  const marker = path.join(libDir, '.pom.sha256');
  const pomHash = crypto.createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
  const isCurrent = () => readText(marker)?.trim() === pomHash;
  if (isCurrent()) return libDir;

  // Resolve into a scratch dir and swap it in, so an interrupted run or a version bump never
  // leaves a half-filled or mixed-version classpath (copy-dependencies never deletes old jars).
  const tmpDir = `${libDir}.tmp-${process.pid}-${Date.now()}`;
  fs.mkdirSync(tmpDir, { recursive: true });
  process.stderr.write(`[local-kafka] resolving Kafka jars with Maven into ${libDir} ...\n`);
  const started = Date.now();
  try {
    const r = await run('mvn', [
      '-q',
      '-B',
      '-Dstyle.color=never',
      '-f',
      pom,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${tmpDir}`,
      '-DincludeScope=runtime',
    ]);
    if (r.code !== 0) throw new Error(`mvn exited with ${r.code}:\n${r.output.slice(-4000)}`);
    if (!fs.readdirSync(tmpDir).some((f) => /^kafka_2\.13-.*\.jar$/.test(f))) {
      throw new Error(`mvn succeeded but no kafka_2.13 jar in ${tmpDir}`);
    }
    fs.writeFileSync(path.join(tmpDir, '.pom.sha256'), pomHash + '\n');
    // A concurrent caller may have won the race; its result is just as good.
    if (!isCurrent()) {
      fs.rmSync(libDir, { recursive: true, force: true });
      try {
        fs.renameSync(tmpDir, libDir);
      } catch (e) {
        if (!isCurrent()) throw e;
      }
    }
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  process.stderr.write(`[local-kafka] jars ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  return libDir;
}

// ---------------------------------------------------------------------------------------------
// Start / stop

export async function startLocalKafka(opts: LocalKafkaOptions): Promise<LocalKafka> {
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // Parallel callers (test workers, Promise.all) would otherwise race to launch two JVMs on one dataDir.
  return withLock(path.join(dataDir, 'kafka.start.lock'), () => startLocked(dataDir, opts));
}

async function startLocked(dataDir: string, opts: LocalKafkaOptions): Promise<LocalKafka> {
  const files = pathsFor(dataDir, opts.logFile);
  const brokers = [`${HOST}:${opts.port}`];
  if (opts.tlsPort !== undefined && !opts.admin) throw new Error('a TLS listener needs a secured broker (admin)');
  const tlsDir = path.join(dataDir, 'tls');
  const handle = (pid: number): LocalKafka => ({
    brokers,
    ...(opts.tlsPort !== undefined
      ? { tls: { brokers: [`${HOST}:${opts.tlsPort}`], caFile: brokerCaFile(tlsDir) } }
      : {}),
    pid,
    stop: () => stopLocalKafka(dataDir),
  });

  const running = runningPid(dataDir);
  if (running !== undefined) {
    const cfg = readPorts(files.props);
    if (cfg && (cfg.port !== opts.port || cfg.controllerPort !== opts.controllerPort || cfg.tlsPort !== opts.tlsPort)) {
      const ports = (p: { port: number; controllerPort: number; tlsPort?: number }) =>
        [p.port, p.controllerPort, ...(p.tlsPort !== undefined ? [p.tlsPort] : [])].join('/');
      throw new Error(
        `broker pid ${running} for ${dataDir} already runs on ports ${ports(cfg)}, not ${ports(opts)}; stop it first`,
      );
    }
    // Possibly still starting (a concurrent start call): wait for it instead of launching a second JVM.
    await waitUntil(
      START_TIMEOUT_MS,
      async () => {
        if (!isAlive(running)) throw new Error(`broker pid ${running} exited while starting\n${logTails(files)}`);
        return portOpen(opts.port);
      },
      () => `broker pid ${running} did not open port ${opts.port}\n${logTails(files)}`,
    );
    return handle(running);
  }

  for (const p of [opts.port, opts.controllerPort, ...(opts.tlsPort !== undefined ? [opts.tlsPort] : [])]) {
    if (await portOpen(p))
      throw new Error(`port ${p} is already in use by something other than a broker for ${dataDir}`);
  }

  const libDir = await ensureKafkaJars(opts.projectRoot ?? projectRoot());
  const java = jdkBin('java');
  const classpath = path.join(libDir, '*'); // expanded by the JVM, not a shell

  // server.properties holds the super user's password (its JAAS lines): the owner's alone, as credentials.json.
  const tls = opts.tlsPort !== undefined ? ensureBrokerTls(tlsDir) : undefined;
  writePrivateFile(files.props, serverProperties(dataDir, opts, tls));
  fs.writeFileSync(files.log4j, log4jProperties(files.serverLog));
  const log4jFlag = `-Dlog4j.configuration=${fileUrl(files.log4j)}`;

  // The admin's SCRAM credential exists only if it was written at format time: a data dir formatted without it (or
  // for another admin) holds development data only, and is formatted afresh rather than started locked out.
  const security = opts.admin
    ? crypto.createHash('sha256').update(`${opts.admin.username}\n${opts.admin.password}`).digest('hex')
    : 'none';
  if (fs.existsSync(path.join(files.logDir, 'meta.properties')) && readText(files.security)?.trim() !== security) {
    process.stderr.write(`[local-kafka] ${dataDir} was formatted with other security settings; formatting it afresh\n`);
    fs.rmSync(files.logDir, { recursive: true, force: true });
  }
  // meta.properties is what the storage tool writes; the broker refuses to start without it.
  if (!fs.existsSync(path.join(files.logDir, 'meta.properties'))) {
    // `--add-scram` carries the super user's password: in an argument file, never on java's command line.
    const fmt = await runJavaWithArgFile(java, files.formatArgs, [
      log4jFlag,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newClusterId(),
      '-c',
      files.props,
      '--ignore-formatted',
      ...(opts.admin
        ? ['--add-scram', `SCRAM-SHA-512=[name=${opts.admin.username},password=${opts.admin.password}]`]
        : []),
    ]);
    if (fmt.code !== 0) throw new Error(`kafka storage format failed (exit ${fmt.code}):\n${fmt.output}`);
    writePrivateFile(files.security, `${security}\n`);
  }

  const heap = opts.heapMb ?? 512;
  // Both logs are appended across restarts; readiness and error reports look at this launch only.
  const since = { serverLog: logMark(files.serverLog), out: logMark(files.out) };
  const out = fs.openSync(files.out, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      java,
      [
        `-Xmx${heap}m`,
        `-Xms${heap}m`,
        ...(opts.shortLived || opts.forTests ? ['-XX:TieredStopAtLevel=1'] : []),
        // Same GC flags as Kafka's kafka-run-class.sh.
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-XX:InitiatingHeapOccupancyPercent=35',
        '-XX:+ExplicitGCInvokesConcurrent',
        '-Djava.awt.headless=true',
        log4jFlag,
        '-cp',
        classpath,
        'kafka.Kafka',
        files.props,
      ],
      {
        // Own process group: a Ctrl-C aimed at the test runner must not kill the broker mid-write.
        detached: true,
        stdio: ['ignore', out, out],
        cwd: dataDir,
      },
    );
  } finally {
    fs.closeSync(out);
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`failed to spawn ${java}`);
  let exitInfo: string | undefined;
  child.on('exit', (code, signal) => {
    exitInfo = signal ? `signal ${signal}` : `code ${code}`;
  });
  child.on('error', (e) => {
    exitInfo = String(e);
  });
  child.unref();
  fs.writeFileSync(files.pid, `${pid}\n`);

  try {
    await waitUntil(
      START_TIMEOUT_MS,
      async () => {
        if (exitInfo !== undefined)
          throw new Error(`Kafka broker exited during startup (${exitInfo})\n${logTails(files, since)}`);
        // The port alone is not enough: the socket server binds before the broker has caught up
        // with the metadata log and can serve requests.
        return (await portOpen(opts.port)) && readSince(files.serverLog, since.serverLog).includes(READY_LINE);
      },
      () => `Kafka broker not ready after ${START_TIMEOUT_MS / 1000}s\n${logTails(files, since)}`,
    );
  } catch (e) {
    if (exitInfo === undefined) await stopLocalKafka(dataDir).catch(() => undefined);
    else fs.rmSync(files.pid, { force: true });
    throw e;
  }
  return handle(pid);
}

export async function stopLocalKafka(dataDir: string): Promise<void> {
  dataDir = path.resolve(dataDir);
  const files = pathsFor(dataDir);
  const pid = runningPid(dataDir);
  if (pid === undefined) {
    fs.rmSync(files.pid, { force: true });
    return;
  }
  const port = readPorts(files.props)?.port;
  // SIGTERM runs Kafka's shutdown hook: controlled shutdown, logs flushed and a clean-shutdown
  // marker written, so the next start on this dataDir skips log recovery and keeps all data.
  signal(pid, 'SIGTERM');
  const gone = async () => !isAlive(pid) && (port === undefined || !(await portOpen(port)));
  try {
    await waitUntil(STOP_TIMEOUT_MS, gone, () => 'timeout');
  } catch {
    process.stderr.write(
      `[local-kafka] broker pid ${pid} ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000}s; sending SIGKILL\n`,
    );
    signal(pid, 'SIGKILL');
    await waitUntil(10_000, gone, () => `broker pid ${pid} still alive after SIGKILL`);
  }
  fs.rmSync(files.pid, { force: true });
}

/**
 * Marks that this process uses the broker of `dataDir` (a test run: several on one machine share the run's broker).
 * Taken before the start, so a run finishing meanwhile sees it and leaves the broker up.
 */
export function leaseLocalKafka(dataDir: string): string {
  const dir = path.join(path.resolve(dataDir), 'leases');
  fs.mkdirSync(dir, { recursive: true });
  const lease = path.join(dir, String(process.pid));
  fs.writeFileSync(lease, `${process.pid} ${startTimeOf(process.pid) ?? ''}\n`);
  return lease;
}

/**
 * When a process started, in clock ticks since boot (`/proc/<pid>/stat` field 22); none without /proc. A lease names
 * its process by pid and start, so a pid reused after its run died does not hold the broker for good.
 */
function startTimeOf(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

/** The lease's process is alive and the one that took it (same start, where /proc tells). */
function leaseHeld(file: string): boolean {
  const [pidText, started] = (readText(file) ?? '').trim().split(' ');
  const pid = Number.parseInt(pidText ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const now = started ? startTimeOf(pid) : undefined;
  return now === undefined || now === started;
}

/**
 * Gives the lease back and stops the broker when no live process holds one (the last run using it stops it; a lease
 * of a process that died is ignored). Checked and stopped under the start lock, so a run starting meanwhile either
 * holds its lease before the check or starts the broker afresh after the stop. True when it stopped the broker.
 */
export async function releaseLocalKafka(dataDir: string, lease: string): Promise<boolean> {
  dataDir = path.resolve(dataDir);
  fs.rmSync(lease, { force: true });
  return withLock(path.join(dataDir, 'kafka.start.lock'), async () => {
    const dir = path.join(dataDir, 'leases');
    const held = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((name) => {
      if (leaseHeld(path.join(dir, name))) return true;
      fs.rmSync(path.join(dir, name), { force: true });
      return false;
    });
    if (held.length > 0) return false;
    await stopLocalKafka(dataDir);
    return true;
  });
}

/** A process's command line by `ps`, where there is no /proc; none when `ps` cannot tell. */
function commandOf(pid: number): string | undefined {
  const ps = spawnSync('ps', ['-ww', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 });
  return ps.status === 0 && ps.stdout.trim() !== '' ? ps.stdout : undefined;
}

/** Pid of the broker we launched for dataDir, if it is still alive. */
export function runningPid(dataDir: string): number | undefined {
  const files = pathsFor(path.resolve(dataDir));
  const pid = Number.parseInt(readText(files.pid) ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  // Guard against pid reuse after a reboot or crash: only trust a JVM running our config. Where /proc is missing
  // (macOS), `ps` tells; a command line neither can read is not trusted (before, any live process holding the pid
  // was taken for the broker, and `kafka:stop` sent it SIGTERM, then SIGKILL).
  const cmdline = readText(`/proc/${pid}/cmdline`) ?? commandOf(pid);
  if (cmdline === undefined || !(cmdline.includes('kafka.Kafka') && cmdline.includes(files.props))) return undefined;
  return pid;
}

// ---------------------------------------------------------------------------------------------
// Config files

function pathsFor(dataDir: string, logFile?: string) {
  return {
    props: path.join(dataDir, 'server.properties'),
    log4j: path.join(dataDir, 'log4j.properties'),
    pid: path.join(dataDir, 'kafka.pid'),
    out: path.join(dataDir, 'kafka.out'),
    serverLog: path.resolve(logFile ?? path.join(dataDir, 'server.log')),
    logDir: path.join(dataDir, 'logs'),
    security: path.join(dataDir, 'security.sha256'),
    /** The storage format's arguments (the admin's password among them), there only while it runs. */
    formatArgs: path.join(dataDir, 'storage-format.args'),
  };
}

/**
 * Writes a file only its owner may read (0600), also when it existed with a wider mode (the mode of writeFileSync
 * applies only to a file it creates).
 */
export function writePrivateFile(file: string, text: string): void {
  // Narrowed before the text goes in, so a file that was 0644 never holds the secret readable by others.
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  fs.writeFileSync(file, text, { mode: 0o600 });
}

/** JAAS values are quoted strings: a password with a quote or backslash is escaped. */
const jaasQuote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function securityProperties(o: LocalKafkaOptions, tls?: BrokerTls): Record<string, string | number | boolean> {
  const client = o.admin ? 'SASL_PLAINTEXT' : 'PLAINTEXT';
  const secure = tls && o.tlsPort !== undefined ? `,SASL_SSL://${HOST}:${o.tlsPort}` : '';
  const listeners = {
    listeners: `${client}://${HOST}:${o.port}${secure},CONTROLLER://${HOST}:${o.controllerPort}`,
    'advertised.listeners': `${client}://${HOST}:${o.port}${secure}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': client,
  };
  if (!o.admin) return { ...listeners, 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT' };
  const { username, password } = o.admin;
  const scramJaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username=${jaasQuote(username)} password=${jaasQuote(password)};`;
  return {
    ...listeners,
    'listener.security.protocol.map': `SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT${secure ? ',SASL_SSL:SASL_SSL' : ''}`,
    // Clients and the broker itself: SCRAM-SHA-512, the admin's credential written at format time.
    'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol': 'SCRAM-SHA-512',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': scramJaas,
    // The same principals over TLS: the broker's key and certificate (PKCS#12), no client certificates.
    ...(secure && tls
      ? {
          'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': scramJaas,
          'listener.name.sasl_ssl.ssl.keystore.type': 'PKCS12',
          'listener.name.sasl_ssl.ssl.keystore.location': tls.keystoreFile,
          'listener.name.sasl_ssl.ssl.keystore.password': tls.keystorePassword,
          'listener.name.sasl_ssl.ssl.client.auth': 'none',
        }
      : {}),
    // The controller listener (loopback, the broker talking to its own controller): SASL/PLAIN with the same admin,
    // so no anonymous principal needs to be a super user.
    'sasl.mechanism.controller.protocol': 'PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
    'listener.name.controller.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username=${jaasQuote(username)} password=${jaasQuote(password)} user_${username}=${jaasQuote(password)};`,
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'allow.everyone.if.no.acl.found': false,
    'super.users': `User:${username}`,
    // A changed password (rotation) ends older sessions at their next re-authentication.
    'connections.max.reauth.ms': o.reauthMs ?? 60_000,
  };
}

/**
 * Connections the broker holds from one address (`max.connections.per.ip`, as in docker-compose.yml): a connection is
 * counted from its first byte, before any authentication, so without a bound one stranger on the network could open
 * connections until the broker ran out of file descriptors or memory, and every party's feed with it. A party's
 * kafkajs client holds a few (one a broker and its group's coordinator); past the bound the broker closes new ones
 * from that address at once. The hub's processes and every test worker reach a local broker from 127.0.0.1, which
 * has a bound of its own (LOOPBACK_CONNECTIONS).
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 100;
const LOOPBACK_CONNECTIONS = 10_000;

function serverProperties(dataDir: string, o: LocalKafkaOptions, tls?: BrokerTls): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${HOST}:${o.controllerPort}`,
    ...securityProperties(o, tls),
    'log.dirs': path.join(dataDir, 'logs'),
    'num.partitions': 3,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'auto.create.topics.enable': true,
    'offsets.topic.replication.factor': 1,
    // Internal topics default to 50 partitions each: slow first start, many files.
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 3,
    'group.initial.rebalance.delay.ms': 0,
    ...(o.minSessionTimeoutMs !== undefined ? { 'group.min.session.timeout.ms': o.minSessionTimeoutMs } : {}),
    // Size-bounded, not time-bounded: records carrying old event timestamps would otherwise be
    // deleted by time retention soon after being written.
    'log.retention.ms': -1,
    'log.retention.bytes': 256 * 1024 * 1024,
    'log.segment.bytes': 16 * 1024 * 1024,
    'log.index.size.max.bytes': 1024 * 1024,
    // The cleaner's dedupe buffer (128 MB by default) is allocated on the heap at startup.
    'log.cleaner.dedupe.buffer.size': 16 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'max.connections.per.ip': MAX_CONNECTIONS_PER_ADDRESS,
    'max.connections.per.ip.overrides': `127.0.0.1:${LOOPBACK_CONNECTIONS}`,
    ...(o.shortLived ? { 'broker.session.timeout.ms': 3000, 'broker.heartbeat.interval.ms': 750 } : {}),
    // A test broker's controller writes no no-op records to the metadata log (twice a second by default, so brokers can
    // tell a stalled log from an idle one; here broker and controller are one process): they were 0.6 of its 1.5 s of
    // CPU a minute at idle, in the raft, controller and metadata loader threads.
    ...(o.forTests
      ? { 'num.partitions': 1, 'num.network.threads': 1, 'num.io.threads': 2, 'metadata.max.idle.interval.ms': 0 }
      : {}),
  };
  return (
    Object.entries(props)
      .map(([k, v]) => `${k}=${escapeProp(String(v))}`)
      .join('\n') + '\n'
  );
}

function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${escapeProp(logFile)}`,
    'log4j.appender.file.Append=true',
    'log4j.appender.file.MaxFileSize=10MB',
    'log4j.appender.file.MaxBackupIndex=2',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.state.change.logger=WARN',
    '',
  ].join('\n');
}

function escapeProp(v: string): string {
  return v.replace(/\\/g, '\\\\');
}

function fileUrl(p: string): string {
  return 'file:' + p.split(path.sep).join('/');
}

function readPorts(propsFile: string): { port: number; controllerPort: number; tlsPort?: number } | undefined {
  const listeners = /^listeners=(.*)$/m.exec(readText(propsFile) ?? '')?.[1];
  const port = /PLAINTEXT:\/\/[^,]*:(\d+)/.exec(listeners ?? '')?.[1];
  const controllerPort = /CONTROLLER:\/\/[^,]*:(\d+)/.exec(listeners ?? '')?.[1];
  const tlsPort = /SASL_SSL:\/\/[^,]*:(\d+)/.exec(listeners ?? '')?.[1];
  return port && controllerPort
    ? { port: Number(port), controllerPort: Number(controllerPort), ...(tlsPort ? { tlsPort: Number(tlsPort) } : {}) }
    : undefined;
}

/** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. */
function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id; // would be parsed as a CLI flag
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS + 30_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const text = readText(lockFile);
      const owner = Number.parseInt(text ?? '', 10);
      // Empty means the owner is between creating and writing it; a dead owner means a stale lock.
      const held = text === '' || (owner > 0 && isAlive(owner));
      if (!held || Date.now() > deadline) fs.rmSync(lockFile, { force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function run(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    p.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    p.on('error', (e) => reject(new Error(`cannot run ${cmd}: ${e.message}`)));
    p.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * One argument of a java argument file: quoted, with the launcher's escapes for what would end or break the quote.
 * Only inside quotes does a backslash escape, and `#` or `@` mean nothing there.
 */
export const argFileQuote = (arg: string): string =>
  `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;

/**
 * Runs java with its arguments in a file only the owner may read (`java @file`: the launcher reads it inside the new
 * process), not on its command line, which every local user reads (`ps`, /proc/<pid>/cmdline): the storage format's
 * `--add-scram` holds the super user's password, as server.properties does (0600 too). The file is removed once java
 * has exited. `-XX:-UsePerfData`: no hsperfdata file, which records the command line as expanded from the file
 * (`sun.rt.javaCommand`; the owner's alone, but a one-shot tool has no use for it, and it starts no slower without).
 */
async function runJavaWithArgFile(
  java: string,
  argFile: string,
  args: string[],
): Promise<{ code: number; output: string }> {
  writePrivateFile(argFile, args.map(argFileQuote).join('\n') + '\n');
  try {
    return await run(java, ['-XX:-UsePerfData', `@${argFile}`]);
  } finally {
    fs.rmSync(argFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited child of a process that never reaps it lingers as a zombie and still takes signals.
  const stat = readText(`/proc/${pid}/stat`);
  return !(stat && /^\d+ \(.*\) Z/.test(stat));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

function portOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: HOST, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function waitUntil(timeoutMs: number, check: () => Promise<boolean>, onTimeout: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(onTimeout());
    await new Promise((r) => setTimeout(r, 200));
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Where a log stood at a moment: the file's identity and its length then. The identity is its inode and its first
 * bytes (a log line's millisecond timestamp): once log4j deletes a rolled file, a new log can be given the same inode.
 */
export interface LogMark {
  ino: number;
  head: string;
  size: number;
}

/** A log that did not exist: everything in it is new. */
const NO_MARK: LogMark = { ino: -1, head: '', size: 0 };
const HEAD_BYTES = 64;

export function logMark(file: string): LogMark {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { ino, size } = fs.fstatSync(fd);
    const head = Buffer.alloc(HEAD_BYTES);
    return { ino, size, head: head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0)).toString('latin1') };
  } catch {
    return NO_MARK;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether the log now at `now` is the file `mark` was taken of (a file that has grown since starts the same). */
const isMarkedFile = (now: LogMark, mark: LogMark) => now.ino === mark.ino && now.head.startsWith(mark.head);

/**
 * What was written to a log since `mark`. log4j rolls `server.log` at 10 MB by renaming it to `server.log.1` (and that
 * to `.2`) and starting a new file, and a broker's start can write more than that: then the text since the mark is the
 * rest of the renamed file and all of the newer ones. Comparing lengths alone missed the broker's ready line once the
 * new file outgrew the mark (a start at 03:25 on 2026-12-04 waited 60 s for a broker that was up after 4).
 */
export function readSince(file: string, mark: LogMark): string {
  const read = (f: string, from = 0) => {
    try {
      return fs.readFileSync(f).subarray(from).toString('utf8');
    } catch {
      return '';
    }
  };
  const current = logMark(file);
  if (isMarkedFile(current, mark)) return read(file, current.size >= mark.size ? mark.size : 0);
  // Oldest first: the rest of the marked file, then every file after it whole. The current file is not the marked one
  // (above), so only the rolled files are looked at.
  const files = [`${file}.2`, `${file}.1`, file];
  const marked = files.slice(0, -1).findIndex((f) => isMarkedFile(logMark(f), mark));
  // Not among them: the log did not exist at the mark, or the start wrote past all the kept files (MaxBackupIndex 2;
  // a warm test broker loading its consumer groups wrote over 20 MB, and its ready line was in `.1`): every file kept
  // is newer than the mark.
  if (marked < 0) return files.map((f) => read(f)).join('');
  return files
    .slice(marked)
    .map((f, i) => read(f, i === 0 ? mark.size : 0))
    .join('');
}

function logTails(files: ReturnType<typeof pathsFor>, since = { serverLog: NO_MARK, out: NO_MARK }): string {
  const parts: string[] = [];
  for (const [file, mark] of [
    [files.out, since.out],
    [files.serverLog, since.serverLog],
  ] as const) {
    const lines = readSince(file, mark).trimEnd().split('\n').slice(-40).join('\n');
    if (lines) parts.push(`--- last 40 lines of ${file} ---`, lines);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main(cmd: string | undefined): Promise<number> {
  const root = projectRoot();
  const dataDir = localKafkaDataDir(root);
  const { port, controllerPort, tlsPort } = localKafkaPorts();
  switch (cmd) {
    case 'start': {
      const credentialsFile = localKafkaCredentialsFile(root);
      const { admin } = loadOrCreateBrokerCredentials(credentialsFile);
      const k = await startLocalKafka({ dataDir, port, controllerPort, tlsPort, projectRoot: root, admin });
      process.stderr.write(
        `[local-kafka] broker pid ${k.pid}, data in ${dataDir}; SASL/SCRAM-SHA-512 principals in ${credentialsFile}\n`,
      );
      if (k.tls)
        process.stderr.write(
          `[local-kafka] SASL_SSL (TLS) for parties' clients on ${k.tls.brokers.join(',')}, trusting ${k.tls.caFile}\n`,
        );
      console.log(`KAFKA_BROKERS=${k.brokers.join(',')} KAFKA_CREDENTIALS_FILE=${credentialsFile}`);
      return 0;
    }
    case 'stop':
      await stopLocalKafka(dataDir);
      return 0;
    case 'status': {
      const pid = runningPid(dataDir);
      const ports = readPorts(path.join(dataDir, 'server.properties'));
      if (pid !== undefined && ports && (await portOpen(ports.port))) {
        console.log(`running pid=${pid} KAFKA_BROKERS=${HOST}:${ports.port}`);
        return 0;
      }
      console.log(pid !== undefined ? `starting-or-unresponsive pid=${pid}` : 'stopped');
      return 1;
    }
    default:
      process.stderr.write(
        'usage: local-kafka start|stop|status  (env KAFKA_DATA_DIR, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_TLS_PORT)\n',
      );
      return 2;
  }
}

if (require.main === module) {
  main(process.argv[2]).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`[local-kafka] ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
