const fs = require('node:fs');
const path = require('node:path');

/**
 * Ends the run with each test file's duration (slowest first, as a Markdown table the README's Tests section copies)
 * and one plain line, `Tests: N passed, N failed`, which CI reads as the suite's verdict beside the exit code.
 * TEST_DURATIONS_FILE=<path> also writes the table to that file.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.maxWorkers = globalConfig.maxWorkers;
    this.files = [];
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
    const sorted = [...this.files].sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
    const sum = (rows) => rows.reduce((s, r) => s + r.seconds, 0);
    const byProject = (name) => this.files.filter((f) => f.project === name);
    const lines = [
      '| file | project | tests | seconds |',
      '|---|---|---:|---:|',
      ...sorted.map(
        (f) => `| \`${f.file}\`${f.failed ? ' (failed)' : ''} | ${f.project} | ${f.tests} | ${f.seconds.toFixed(1)} |`,
      ),
      '',
      `jest wall time ${wall.toFixed(1)} s; time in test files: integration ${sum(byProject('integration')).toFixed(1)} s, ` +
        `unit ${sum(byProject('unit')).toFixed(1)} s, console ${sum(byProject('console')).toFixed(1)} s (${this.files.length} files, up to ${this.maxWorkers} at a time)`,
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
