import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import {
  leaseLocalKafka,
  localKafkaDataDir,
  localKafkaPorts,
  logMark,
  readSince,
  releaseLocalKafka,
  writePrivateFile,
} from './local-kafka';

describe('readSince: a launch reads only its own part of the broker log', () => {
  let dir: string;
  let log: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kafka-log-'));
    log = path.join(dir, 'server.log');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('returns what was appended since the mark', () => {
    fs.writeFileSync(log, 'an earlier launch: Kafka Server started\n');
    const mark = logMark(log);
    fs.appendFileSync(log, 'this launch\n');
    expect(readSince(log, mark)).toBe('this launch\n');
  });

  it('after log4j rolled the file, returns the rest of the rolled file and all of the new one, even when the new one is longer than the mark', () => {
    fs.writeFileSync(log, `an earlier launch ${'y'.repeat(200)}\n`);
    const mark = logMark(log);
    fs.appendFileSync(log, 'loading logs\n');
    fs.renameSync(log, `${log}.1`);
    // The ready line lies within the mark's length of the new file, which has grown past it.
    fs.writeFileSync(log, `Kafka Server started\n${'x'.repeat(300)}\n`);
    expect(readSince(log, mark)).toBe(`loading logs\nKafka Server started\n${'x'.repeat(300)}\n`);
  });

  it('finds the marked file two rolls back (and reads the file between whole), and reads a log that did not exist at the mark from its start', () => {
    const missing = logMark(log);
    fs.writeFileSync(log, 'first\n');
    expect(readSince(log, missing)).toBe('first\n');
    const mark = logMark(log);
    fs.appendFileSync(log, 'second\n');
    fs.renameSync(log, `${log}.1`);
    fs.writeFileSync(log, 'third\n');
    fs.renameSync(`${log}.1`, `${log}.2`);
    fs.renameSync(log, `${log}.1`);
    fs.writeFileSync(log, 'fourth\n');
    expect(readSince(log, mark)).toBe('second\nthird\nfourth\n');
  });

  it('reads every kept file whole when the start wrote past all of them and the marked file was rolled away', () => {
    fs.writeFileSync(log, 'an earlier launch\n');
    const mark = logMark(log);
    // log4j keeps server.log.1 and .2: three rolls push the marked file out
    for (const text of ['one\n', 'two Kafka Server started\n', 'three\n', 'four\n']) {
      if (fs.existsSync(`${log}.1`)) fs.renameSync(`${log}.1`, `${log}.2`);
      fs.renameSync(log, `${log}.1`);
      fs.writeFileSync(log, text);
    }
    expect(readSince(log, mark)).toBe('two Kafka Server started\nthree\nfour\n');
  });
});

describe("the development broker's ports, one reading for `npm start` and `npm run kafka:start`", () => {
  it('are 19092/19093/19094 unless KAFKA_PORT, KAFKA_CONTROLLER_PORT or KAFKA_TLS_PORT say otherwise; a typo is refused', () => {
    expect(localKafkaPorts({})).toEqual({ port: 19092, controllerPort: 19093, tlsPort: 19094 });
    expect(localKafkaPorts({ KAFKA_PORT: '29092', KAFKA_CONTROLLER_PORT: '29093', KAFKA_TLS_PORT: '29094' })).toEqual({
      port: 29092,
      controllerPort: 29093,
      tlsPort: 29094,
    });
    expect(() => localKafkaPorts({ KAFKA_PORT: '2909a' })).toThrow(/KAFKA_PORT must be a port/);
  });

  it('keeps its data under .local/kafka/data unless KAFKA_DATA_DIR says otherwise', () => {
    expect(localKafkaDataDir('/srv/hub', {})).toBe('/srv/hub/.local/kafka/data');
    expect(localKafkaDataDir('/srv/hub', { KAFKA_DATA_DIR: '/var/kafka' })).toBe('/var/kafka');
  });
});

describe("writePrivateFile: what holds a password is the owner's alone", () => {
  it('writes 0600, and narrows a file that existed with a wider mode', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kafka-private-'));
    try {
      const file = path.join(dir, 'server.properties');
      fs.writeFileSync(file, 'old\n', { mode: 0o644 });
      writePrivateFile(file, 'password=secret\n');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, 'utf8')).toBe('password=secret\n');
      const fresh = path.join(dir, 'security');
      writePrivateFile(fresh, 'x\n');
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('leases on a broker several test runs share', () => {
  it('leave the broker to the runs still holding one, and let the last one stop it (a dead run’s lease ignored)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lease-'));
    try {
      const mine = leaseLocalKafka(dataDir);
      // Another live run's lease (this test's parent process stands for it, as its own lease would name it).
      const leases = path.join(dataDir, 'leases');
      const parentStart = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8').split(') ')[1].split(' ')[19];
      fs.writeFileSync(path.join(leases, String(process.ppid)), `${process.ppid} ${parentStart}\n`);
      expect(await releaseLocalKafka(dataDir, mine)).toBe(false);
      expect(fs.existsSync(mine)).toBe(false);
      // That run died without giving its lease back, or its pid now names another process (another start): the next
      // release stops the broker and clears the stale leases.
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      fs.rmSync(path.join(leases, String(process.ppid)));
      fs.writeFileSync(path.join(leases, String(dead)), `${dead} 1\n`);
      fs.writeFileSync(path.join(leases, 'reused'), `${process.ppid} 1\n`);
      expect(await releaseLocalKafka(dataDir, leaseLocalKafka(dataDir))).toBe(true);
      expect(fs.readdirSync(leases)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
