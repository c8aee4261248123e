import { parseArgs } from 'node:util';
import { CsvRecord, parseCsvWithin } from '../../../kernel/csv';
import {
  CliIo,
  DEFAULT_GATEWAY,
  gatewayRequest,
  printRefusal,
  runAsProcess,
} from '../../../platform/cli/gateway-request';
import { createProgress } from '../../../platform/cli/progress';
import { CsvLineProblem, MAX_ORDER_CSV_LINES, readOrderCsv } from '../domain/order-csv';

/**
 * The street office's backfill of hotline orders from the hotline's CSV export (issue 18):
 *
 *   npm run import:complaints -- <orders.csv> [--gateway http://127.0.0.1:4000/graphql] [--token <JWT> | env HUB_TOKEN]
 *     [--dry-run] [--demo]
 *
 * Every line is checked locally first, with the domain's own rules and a progress bar, so a clerk sees every bad line
 * without a round trip; the file then goes to the hub in one call (importComplaintOrdersCsv), so the backfill is all
 * or nothing as the API's is. The hub re-checks everything, including what needs its data (the clerk's streets, the
 * taxonomy on the day received), and reports every bad line. One call holds at most 200,000 lines and the CsvText
 * bound (32 MiB, some 150,000 orders): split a larger export by period.
 *
 * Exit codes: 0 imported (or valid, with --dry-run); 1 the hub refused or could not be reached; 2 bad usage or a
 * bad file, nothing sent.
 */

export type { CliIo };

const SHOWN_PROBLEMS = 50;
const USAGE =
  'usage: import:complaints <orders.csv> ' +
  `[--gateway <url, default ${DEFAULT_GATEWAY}>] [--token <JWT>, or env HUB_TOKEN] [--dry-run] [--demo]\n`;
const IMPORT = `mutation($csv: CsvText!, $demo: Boolean) { importComplaintOrdersCsv(csv: $csv, demo: $demo) { received duplicates unmatched } }`;
const ARGS = {
  gateway: { type: 'string', default: DEFAULT_GATEWAY },
  token: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
} as const;
const parseOptions = (argv: string[]) => parseArgs({ args: argv, options: ARGS, allowPositionals: true });

function printProblems(write: (text: string) => void, problems: CsvLineProblem[], unread = false) {
  for (const p of problems.slice(0, SHOWN_PROBLEMS))
    write(
      `line ${p.line}: ${Object.entries(p.fields)
        .map(([column, problem]) => `${column}: ${problem}`)
        .join('; ')}\n`,
    );
  if (problems.length > SHOWN_PROBLEMS)
    write(`... and ${problems.length - SHOWN_PROBLEMS} more${unread ? '; the lines after them were not read' : ''}\n`);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: args, positionals } = parsed;
  const file = positionals[0];
  const token = args.token ?? io.env?.HUB_TOKEN;
  if (!file || positionals.length > 1 || (!args['dry-run'] && !token)) {
    io.stderr(USAGE);
    return 2;
  }
  let csv: string;
  try {
    csv = await io.readFile(file);
  } catch (error) {
    io.stderr(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }

  // Read one line past the bound and no further: a file of millions of lines was parsed whole before it was refused.
  let within: CsvRecord[] | undefined;
  try {
    within = parseCsvWithin(csv, MAX_ORDER_CSV_LINES);
  } catch (error) {
    io.stderr(`${file}: ${(error as Error).message}; nothing was sent to the hub\n`);
    return 2;
  }
  if (!within) {
    io.stderr(
      `${file} has more than ${MAX_ORDER_CSV_LINES} lines of orders; the hub takes at most ${MAX_ORDER_CSV_LINES}: split it by period\n`,
    );
    return 2;
  }
  const records = within;
  const rows = Math.max(records.length - 1, 0);
  const progress = createProgress({ total: rows, label: 'validating', write: io.stderr, isTTY: io.isTTY, now: io.now });
  // The sender is the hub's to set (the clerk's organisation): any name does for the local check.
  const { problems, unread } = readOrderCsv(records, 'local-check', new Date(), () => progress.tick());
  progress.done();
  if (problems.length > 0) {
    const count = unread ? `more than ${problems.length - 1} bad lines` : `${problems.length} bad line(s)`;
    io.stderr(`${file} has ${count}; nothing was sent to the hub:\n`);
    printProblems(io.stderr, problems, unread);
    return 2;
  }
  if (args['dry-run']) {
    io.stdout(`${rows} orders are valid; dry run, nothing imported\n`);
    return 0;
  }

  io.stderr(`importing ${rows} orders in one transaction…\n`);
  const started = io.now();
  const answer = await gatewayRequest<{ received: number; duplicates: number; unmatched: number }>(io, {
    gateway: args.gateway,
    token: token!,
    query: IMPORT,
    variables: { csv, demo: args.demo },
    field: 'importComplaintOrdersCsv',
  });
  if (!answer.ok) {
    printRefusal(io, answer, (lines) => printProblems(io.stderr, lines as CsvLineProblem[]));
    io.stderr('nothing was imported\n');
    return 1;
  }
  const { received, duplicates, unmatched } = answer.data;
  const seconds = ((io.now() - started) / 1000).toFixed(1);
  io.stdout(
    `imported ${received} orders (${unmatched} waiting for a compound match) in ${seconds} s; ${duplicates} order numbers already held were left alone\n`,
  );
  return 0;
}

if (require.main === module) runAsProcess(run);
