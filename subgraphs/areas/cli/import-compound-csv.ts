import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CsvRecord, parseCsvWithin } from '../../../kernel/csv';
import {
  LineProblem,
  MAX_COMPOUND_CSV_ROWS,
  REPORTED_COMPOUND_CSV_PROBLEMS,
  checkCompoundCsv,
} from '../domain/compound-csv';
import {
  CliIo,
  DEFAULT_GATEWAY,
  gatewayRequest,
  printRefusal,
  runAsProcess,
} from '../../../platform/cli/gateway-request';
import { createProgress } from '../../../platform/cli/progress';

/**
 * The street office's import of a compound's buildings and households from a CSV file:
 *
 *   node dist/subgraphs/areas/cli/import-compound-csv.js --compound <id> --file households.csv
 *     [--gateway http://127.0.0.1:4000/graphql] [--token <JWT> | env HUB_TOKEN] [--dry-run]
 *
 * Every line is checked locally first, with the domain's own rules, so a clerk sees all mistakes without a round
 * trip; the file then goes to the hub in one call, so the import stays all or nothing. The hub re-checks
 * everything, including what needs its register (rooms already registered, buildings described differently).
 *
 * Exit codes: 0 imported (or valid, with --dry-run); 1 the hub refused or could not be reached; 2 bad usage or
 * a bad file, nothing sent.
 */

export type { CliIo };

const SHOWN_PROBLEMS = 50;
const USAGE =
  'usage: import-compound-csv --compound <compound id> --file <households.csv> ' +
  `[--gateway <url, default ${DEFAULT_GATEWAY}>] [--token <JWT>, or env HUB_TOKEN] [--dry-run]\n`;
const IMPORT =
  'mutation($c: ID!, $csv: CsvText!, $k: Key) { importCompoundCsv(compoundId: $c, csv: $csv, idempotencyKey: $k) { buildingsCreated householdsCreated } }';
const ARGS = {
  gateway: { type: 'string', default: DEFAULT_GATEWAY },
  token: { type: 'string' },
  compound: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const;
const parseOptions = (argv: string[]) => parseArgs({ args: argv, options: ARGS }).values;

function printProblems(write: (text: string) => void, problems: LineProblem[], unread = false) {
  for (const p of problems.slice(0, SHOWN_PROBLEMS)) write(`line ${p.line}, ${p.field}: ${p.problem}\n`);
  if (problems.length > SHOWN_PROBLEMS)
    write(
      `... and ${problems.length - SHOWN_PROBLEMS} more${unread ? '; the lines after them were not checked' : ''}\n`,
    );
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseOptions>;
  try {
    args = parseOptions(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const dryRun = args['dry-run'];
  const token = args.token ?? io.env?.HUB_TOKEN;
  // A dry run only checks the file, so it needs neither the compound nor a token.
  if (!args.file || (!dryRun && (!args.compound || !token))) {
    io.stderr(USAGE);
    return 2;
  }

  let csv: string;
  try {
    csv = await io.readFile(args.file);
  } catch (error) {
    io.stderr(`cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }

  // Read one row past the bound and no further: a file of millions of rows was parsed whole before it was refused.
  let within: CsvRecord[] | undefined;
  try {
    within = parseCsvWithin(csv, MAX_COMPOUND_CSV_ROWS);
  } catch (error) {
    io.stderr(`${args.file}: ${(error as Error).message}; nothing was sent to the hub\n`);
    return 2;
  }
  if (!within) {
    io.stderr(
      `${args.file} has more than ${MAX_COMPOUND_CSV_ROWS} rows; the hub takes at most ${MAX_COMPOUND_CSV_ROWS} a file: split it by building\n`,
    );
    return 2;
  }
  const records = within;
  const rows = Math.max(records.length - 1, 0);
  const progress = createProgress({ total: rows, label: 'validating', write: io.stderr, isTTY: io.isTTY, now: io.now });
  const { problems, unread } = checkCompoundCsv(records, () => progress.tick());
  progress.done();
  if (problems.length > 0) {
    const count = unread ? `more than ${REPORTED_COMPOUND_CSV_PROBLEMS} problems` : `${problems.length} problem(s)`;
    io.stderr(`${args.file} has ${count}; nothing was sent to the hub:\n`);
    printProblems(io.stderr, problems, unread);
    return 2;
  }
  if (dryRun) {
    io.stdout(`${rows} rows are valid; dry run, nothing imported\n`);
    return 0;
  }

  io.stderr(`importing ${rows} rows…\n`);
  const started = io.now();
  const answer = await gatewayRequest<{ buildingsCreated: number; householdsCreated: number }>(io, {
    gateway: args.gateway,
    token: token!,
    query: IMPORT,
    // The same file for the same compound is the same import: a retry after a lost answer gets its summary back,
    // where before every line was refused as already registered.
    variables: {
      c: args.compound,
      csv,
      k: `csv:${createHash('sha256').update(`${args.compound}\n${csv}`).digest('hex')}`,
    },
    field: 'importCompoundCsv',
  });
  if (!answer.ok) {
    printRefusal(io, answer, (lines) => printProblems(io.stderr, lines as LineProblem[]));
    return 1;
  }
  const summary = answer.data;
  const seconds = ((io.now() - started) / 1000).toFixed(1);
  io.stdout(
    `imported ${summary.buildingsCreated} buildings and ${summary.householdsCreated} households in ${seconds} s\n`,
  );
  return 0;
}

if (require.main === module) runAsProcess(run);
