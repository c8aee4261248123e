import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { jdkBin } from './jdk';
import { argFileQuote, startLocalKafka, stopLocalKafka } from './local-kafka';

/** A port nothing listens on now (the broker binds it a moment later; a clash fails the start, not silently). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Every process's command line now (its arguments, NUL-separated), as any local user reads them in /proc. */
function commandLines(): { pid: number; args: string[] }[] {
  const lines: { pid: number; args: string[] }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      lines.push({ pid: Number(entry), args: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0') });
    } catch {
      // exited meanwhile
    }
  }
  return lines;
}

describe("a secured local broker's super-user password is on no process's command line", () => {
  it('while its storage is formatted (the SCRAM credential) and while it starts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kafka-argv-'));
    const password = `pw${randomBytes(12).toString('hex')}`;
    const showing: string[] = [];
    let formatSeen = false;
    let brokerSeen = false;
    let polling = true;
    // The format's JVM lives a second or more: looked for every 10 ms, it is seen (formatSeen), and its arguments with it.
    const poll = (async () => {
      while (polling) {
        for (const { pid, args } of commandLines()) {
          // The format's JVM names a file of the data dir (its configuration, or the file of its arguments).
          const mentionsDataDir = args.some((a) => a.includes(dataDir));
          if (mentionsDataDir && args.includes('kafka.Kafka')) brokerSeen = true;
          else if (mentionsDataDir && /java$/.test(args[0] ?? '')) formatSeen = true;
          const shown = args.find((a) => a.includes(password));
          if (shown) showing.push(`pid ${pid}: ${shown.replace(password, '<ADMIN PASSWORD>')}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    try {
      await startLocalKafka({
        dataDir,
        port: await freePort(),
        controllerPort: await freePort(),
        admin: { username: 'hub-admin', password },
        forTests: true,
        shortLived: true,
        heapMb: 256,
      });
      // The argument file went with the format; the broker reads the password from server.properties (0600).
      expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.args'))).toEqual([]);
      expect((fs.statSync(path.join(dataDir, 'server.properties')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      polling = false;
      await poll;
      await stopLocalKafka(dataDir).catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect([...new Set(showing)]).toEqual([]);
    expect({ formatSeen, brokerSeen }).toEqual({ formatSeen: true, brokerSeen: true });
  }, 120_000);
});

describe("a java argument file gives java each argument as it was, whatever a password's characters", () => {
  it('quotes, backslashes, spaces, tabs, #, @ and brackets come through', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'java-argfile-'));
    try {
      const value = `a b"c\\d#e'f @g ],h=i\tj\\\\"`;
      const file = path.join(dir, 'args');
      // -XshowSettings prints the system properties java was given, as it took them from the file.
      fs.writeFileSync(
        file,
        [`-Dhub.probe=${value}`, '-XshowSettings:properties', '-version'].map(argFileQuote).join('\n'),
      );
      const java = spawnSync(jdkBin('java'), ['-XX:-UsePerfData', `@${file}`], { encoding: 'utf8', timeout: 60_000 });
      expect(java.status).toBe(0);
      expect(java.stderr.split('\n')).toContain(`    hub.probe = ${value}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
