import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../platform/project-root';
import { argFileQuote } from '../tools/kafka/local-kafka';

/**
 * docker-compose.yml's broker formats its storage with the super user's SCRAM credential. Its password must reach the
 * storage tool in an argument file only the broker's user reads, never on a command line, which every user of the host
 * reads (ps, /proc/<pid>/cmdline), as the local broker does (tools/kafka/local-kafka.ts). The service's script is run
 * here by bash with the image's launcher replaced by a stub that records what it was given.
 */
const compose = parse(fs.readFileSync(path.join(projectRoot(__dirname), 'docker-compose.yml'), 'utf8')) as {
  services: { kafka: { command: string[] } };
};

describe("the compose broker's storage format", () => {
  it('gets the super user’s password in a 0600 argument file, quoted as java reads it, removed after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-kafka-'));
    try {
      const stub = path.join(dir, 'kafka-run-class.sh');
      fs.writeFileSync(
        stub,
        [
          '#!/bin/bash',
          `printf '%s\\0' "$@" > ${dir}/argv`,
          `cp "\${1#@}" ${dir}/args`,
          `stat -c %a "\${1#@}" > ${dir}/mode`,
          `stat -c %a ${dir}/tmp/server.properties > ${dir}/properties-mode`,
        ].join('\n'),
        { mode: 0o755 },
      );
      fs.mkdirSync(path.join(dir, 'tmp'));
      // Compose writes `$$` for a `$` the shell sees; the container's /tmp is a directory of the test's own.
      const script = compose.services.kafka.command[0]
        .replace(/\$\$/g, '$')
        .replaceAll('/tmp/', `${dir}/tmp/`)
        .replace('/opt/kafka/bin/kafka-run-class.sh', stub)
        .replace(/exec \/opt\/kafka\/bin\/kafka-server-start\.sh .*/, 'exit 0');
      const password = 'p"w\\d x#@[,]=y';
      const run = spawnSync('bash', ['-c', script], {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          KAFKA_ADMIN_PASSWORD: password,
          KAFKA_PUBLIC_HOST: 'kafka.example',
          KAFKA_TLS_KEYSTORE_PASSWORD: 'keystore',
          CLUSTER_ID: 'cluster-1',
        },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const argsFile = `${dir}/tmp/storage-format.args`;
      // The launcher saw the file's name only.
      expect(fs.readFileSync(`${dir}/argv`, 'utf8')).toBe(`@${argsFile}\0`);
      expect(fs.readFileSync(`${dir}/args`, 'utf8')).toBe(
        [
          'kafka.tools.StorageTool',
          'format',
          '--ignore-formatted',
          '-t',
          'cluster-1',
          '-c',
          `${dir}/tmp/server.properties`,
          '--add-scram',
          `SCRAM-SHA-512=[name=hub-admin,password=${password}]`,
        ]
          .map((a) => argFileQuote(a) + '\n')
          .join(''),
      );
      expect(fs.readFileSync(`${dir}/mode`, 'utf8').trim()).toBe('600');
      expect(fs.readFileSync(`${dir}/properties-mode`, 'utf8').trim()).toBe('600');
      expect(fs.existsSync(argsFile)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
