#!/usr/bin/env node
/* global process, console, Buffer, setInterval, clearInterval */
// test/console.it.test.ts (or the test file given), this checkout against a baseline checkout (its own clone, `npm ci`
// and `npm run build` done, the console built), in alternating rounds, the file run alone:
//
//   KAFKA_BROKERS=… KAFKA_CREDENTIALS_FILE=… node bench/console-it-compare.mjs <baseline dir> [rounds, default 2] [test file]
//
// Each run is `npx jest <file> -i` under /usr/bin/time (its CPU: Jest's process and every process it reaped, Chromium's
// included). Meanwhile /proc is read every 200 ms: the CPU of each process below it (user + system, its last reading),
// summed, by Chromium's process type (browser, renderer, gpu-process, …), the topology's Node processes by entry point
// (`subgraphs`, `gateway`, `hub/migrate.js`, …), the broker's JVM (`java`), and the rest (npx, Jest: `Jest`).
// /usr/bin/time's figure (`reaped`) misses the processes that their parents did not reap. Prints each run with the
// load average, then each side's medians and new / old.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [oldArg, roundsArg, fileArg = 'test/console.it.test.ts'] = process.argv.slice(2);
if (!oldArg || !process.env.KAFKA_BROKERS) {
  console.error('usage: KAFKA_BROKERS=… node bench/console-it-compare.mjs <baseline dir> [rounds] [test file]');
  process.exit(2);
}
const sides = { new: path.resolve(import.meta.dirname, '..'), old: path.resolve(oldArg) };
const rounds = Number(roundsArg ?? 2);
const TICK = 100; // USER_HZ
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** pid → [ppid, utime + stime in ticks] of every process now. */
function processes() {
  const found = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(entry), [Number(fields[1]), Number(fields[11]) + Number(fields[12])]);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * Chromium's process type from its command line (`--type=renderer`), `chromium browser` for its main process; `java`;
 * a Node process's entry point under dist/ (`subgraphs`, `gateway/main.js`, …); else null (Jest, npx, a child not
 * yet past its exec).
 */
function processKind(pid) {
  try {
    const exe = fs.readlinkSync(`/proc/${pid}/exe`);
    if (path.basename(exe) === 'java') return 'java';
    if (path.basename(exe) === 'node') {
      const script = /dist\/(\S+?\.js)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      return script ? (script[1].startsWith('subgraphs/') ? 'subgraphs' : script[1]) : null;
    }
    if (!/chrom|headless/.test(path.basename(exe))) return null;
    // The headless shell rewrites its command line as one string: read it whole.
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return `chromium ${/--type=(\S+)/.exec(cmdline)?.[1] ?? 'browser'}`;
  } catch {
    return null;
  }
}

function run(dir) {
  return new Promise((resolve) => {
    const stderr = [];
    const child = spawn('/usr/bin/time', ['-f', '%U %S %e', 'npx', 'jest', fileArg, '-i'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const seen = new Map(); // pid → { kind, ticks }
    const poll = setInterval(() => {
      const all = processes();
      const below = (pid) => {
        for (let p = pid, i = 0; p > 1 && i < 50; i++) {
          if (p === child.pid) return true;
          p = all.get(p)?.[0] ?? 0;
        }
        return false;
      };
      for (const [pid, [, ticks]] of all) {
        const known = seen.get(pid);
        if (known) {
          known.ticks = ticks;
          // a child seen between its fork and its exec looked like its parent
          if (known.kind === 'jest') known.kind = processKind(pid) ?? 'jest';
        } else if (below(pid)) {
          seen.set(pid, { kind: processKind(pid) ?? 'jest', ticks });
        }
      }
    }, 200);
    child.on('exit', () => {
      clearInterval(poll);
      const text = Buffer.concat(stderr).toString();
      const [user, sys, wall] = text.trim().split('\n').at(-1).split(' ').map(Number);
      const byKind = {};
      for (const { kind, ticks } of seen.values()) byKind[kind] = (byKind[kind] ?? 0) + ticks / TICK;
      const jest = byKind.jest ?? 0;
      delete byKind.jest;
      const others = Object.values(byKind).reduce((a, b) => a + b, 0);
      const passed = Number(/Tests: +(?:\d+ failed, )?(\d+) passed/.exec(text)?.[1] ?? 0);
      const failed = Number(/Tests: +(\d+) failed/.exec(text)?.[1] ?? 0);
      resolve({ cpu: jest + others, reaped: user + sys, wall, others, jest, byKind, passed, failed, text });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = { new: [], old: [] };
for (let round = 1; round <= rounds; round++) {
  for (const side of round % 2 ? ['old', 'new'] : ['new', 'old']) {
    const before = load();
    const r = await run(sides[side]);
    const kinds = Object.entries(r.byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([k, s]) => `${k} ${s.toFixed(1)}`)
      .join(', ');
    console.log(
      `round ${round} ${side}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s = Jest ${r.jest.toFixed(1)} + ` +
        `others ${r.others.toFixed(1)} (${kinds}); reaped ${r.reaped.toFixed(1)}; ${r.passed} passed, ${r.failed} failed ` +
        `(load ${before} → ${load()})`,
    );
    const kept = path.join(os.tmpdir(), `${path.basename(fileArg, '.test.ts')}-${side}-${round}-${Date.now()}.log`);
    fs.writeFileSync(kept, r.text);
    if (r.failed || r.passed === 0) {
      console.log(`  left out; its output: ${kept}`);
      continue;
    }
    console.log(`  its output: ${kept}`);
    results[side].push(r);
  }
}
for (const key of ['wall', 'cpu', 'jest', 'others']) {
  const [n, o] = [median(results.new.map((r) => r[key])), median(results.old.map((r) => r[key]))];
  console.log(
    `${key}: new median ${n?.toFixed(1)} s over ${results.new.map((r) => r[key].toFixed(1)).join(' ')}; ` +
      `old median ${o?.toFixed(1)} s over ${results.old.map((r) => r[key].toFixed(1)).join(' ')}; new / old ${(n / o).toFixed(2)}`,
  );
}
