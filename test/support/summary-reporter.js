const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * Ends the run with each test file's duration and CPU (slowest first, as a Markdown table the README's Tests section
 * copies; the CPU is the worker process's, from `cpu-environment.js`, so not Chromium's or other child processes') and
 * one plain line, `Tests: N passed, N failed`, which CI reads as the suite's verdict beside the exit code.
 * TEST_DURATIONS_FILE=<path> also writes the table to that file.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.maxWorkers = globalConfig.maxWorkers;
    this.files = [];
    // Set before Jest starts its workers, which inherit it; each file's environment appends its CPU here.
    this.cpuLog = path.join(os.tmpdir(), `jest-file-cpu-${process.pid}-${Date.now()}.jsonl`);
    process.env.JEST_FILE_CPU_LOG = this.cpuLog;
  }

  fileCpuSeconds() {
    const seconds = new Map();
    if (!fs.existsSync(this.cpuLog)) return seconds;
    for (const line of fs.readFileSync(this.cpuLog, 'utf8').split('\n')) {
      if (!line) continue;
      const { file, cpuMs } = JSON.parse(line);
      seconds.set(path.relative(this.rootDir, file), cpuMs / 1000);
    }
    fs.rmSync(this.cpuLog, { force: true });
    return seconds;
  }

  onRunStart() {
    this.startedAt = Date.now();
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats;
    this.files.push({
      file: path.relative(this.rootDir, result.testFilePath),
      project: test.context.config.displayName?.name ?? '',
      tests: result.numPassingTests + result.numFailingTests + result.numPendingTests + result.numTodoTests,
      failed: result.numFailingTests > 0 || Boolean(result.testExecError),
      seconds: start && end ? (end - start) / 1000 : 0,
    });
  }

  onRunComplete(_contexts, results) {
    const wall = (Date.now() - (this.startedAt ?? results.startTime)) / 1000;
    const cpu = this.fileCpuSeconds();
    for (const f of this.files) f.cpu = cpu.get(f.file);
    const sorted = [...this.files].sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
    const sum = (rows, key) => rows.reduce((s, r) => s + (r[key] ?? 0), 0);
    const projects = ['integration', 'unit', 'console'].map((name) => {
      const rows = this.files.filter((f) => f.project === name);
      return `${name} ${sum(rows, 'seconds').toFixed(1)} s (CPU ${sum(rows, 'cpu').toFixed(1)} s)`;
    });
    const lines = [
      '| file | project | tests | seconds | CPU s |',
      '|---|---|---:|---:|---:|',
      ...sorted.map(
        (f) =>
          `| \`${f.file}\`${f.failed ? ' (failed)' : ''} | ${f.project} | ${f.tests} | ${f.seconds.toFixed(1)} | ` +
          `${f.cpu === undefined ? '' : f.cpu.toFixed(1)} |`,
      ),
      '',
      `jest wall time ${wall.toFixed(1)} s; time in test files (and their worker's CPU): ${projects.join(', ')} ` +
        `(${this.files.length} files, up to ${this.maxWorkers} at a time)`,
    ];
    process.stdout.write(`\nTest file durations:\n${lines.join('\n')}\n`);
    if (process.env.TEST_DURATIONS_FILE) fs.writeFileSync(process.env.TEST_DURATIONS_FILE, `${lines.join('\n')}\n`);
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}

module.exports = SummaryReporter;
