/**
 * The largest requests the API accepts, for bench/soak.ts (issue 16): does a hub started with the heap limits it ships
 * with (platform/memory-flags.ts) still serve them, and what does each cost it? Each runs alone and its answer is
 * checked; the hub's highest heap used and RSS during it (sampled every 100 ms) are printed beside its time.
 * - a 20 MB filing document (MAX_DOCUMENT_BYTES) uploaded in its parts of 512 KiB, then downloaded whole
 *   (`filingDocumentContent`: 27 MB of base64 in one JSON answer, through the gateway), its SHA-256 checked, then
 *   twice at once, then 6 times at once (more than the hub serves together: each the document or DOWNLOADS_BUSY);
 * - `importPayments` with 1,000 payments (MAX_PAYMENTS_PER_IMPORT);
 * - `importComplaintOrdersCsv` with a CSV just under the gateway's 1 MiB body limit (about 4,000 orders);
 * - a company's `arrears(first: 500)` (MAX_PAGE_SIZE) with each account's household, and a court's `referrals(first: 500)`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Identity } from '../kernel/identity';
import type { HubMemory } from './soak-hub';

export interface LargestRequestsInput {
  post: (who: Identity, query: string, variables?: object) => Promise<Record<string, unknown>>;
  /** The hub's memory; 'window' also restarts the window of its sampled peaks. */
  memoryOf: (message: 'window') => Promise<HubMemory>;
  company: Identity;
  court: Identity;
  /** A street office of 110102017, where the demo complaints' taxonomy and compound are. */
  office: Identity;
  accountIds: string[];
  /** Variables of a draftContract the company may file (a fresh contract to hold the 20 MB document). */
  draft: () => object;
  today: string;
  demoComplaintCsv: () => string;
  maxPaymentsPerImport: number;
  maxDocumentBytes: number;
  bodyLimitBytes: number;
  maxPageSize: number;
}

export interface LargestRequestResult {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
  /** The hub's highest heap used and RSS while it ran (bytes). */
  peakHeapUsed: number;
  peakRss: number;
  /** At that highest RSS: the heap used and the external memory (Buffers) V8 was told of. */
  peakRssSplit: { heapUsed: number; external: number };
  /** The hub's heap used just before it. */
  heapUsedBefore: number;
}

const DRAFT = 'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }';
const START =
  'mutation($u: FilingDocumentUploadStartInput!) { startFilingDocumentUpload(upload: $u) { uploadId partBytes parts } }';
const PART =
  'mutation($u: ID!, $i: Int!, $c: Base64!) { uploadFilingDocumentPart(uploadId: $u, index: $i, contentBase64: $c) { receivedParts } }';
const COMPLETE = 'mutation($u: ID!) { completeFilingDocumentUpload(uploadId: $u) { id sha256 sizeBytes } }';
const CONTENT = 'query($d: ID!) { filingDocumentContent(documentId: $d) { contentBase64 document { sha256 } } }';
const IMPORT_PAYMENTS = 'mutation($p: [PaymentInput!]!) { importPayments(payments: $p) { receiptNumber } }';
const IMPORT_ORDERS = 'mutation($csv: CsvText!) { importComplaintOrdersCsv(csv: $csv) { received duplicates } }';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A CSV of the demo's order lines under fresh order numbers, as many as fit in `maxBytes` of request body. */
export function complaintCsvOfSize(demoCsv: string, maxBytes: number, run: string): { csv: string; orders: number } {
  const [header, ...lines] = demoCsv.split('\n');
  const rows = [header];
  let bytes = Buffer.byteLength(header) + 200; // the query and the JSON around the CSV
  for (let n = 0; ; n++) {
    const line = lines[n % lines.length].replace(/^[^,]*/, `SOAK-${run}-${n}`);
    // JSON escapes the newline: two bytes
    const size = Buffer.byteLength(line) + 2;
    if (bytes + size > maxBytes) break;
    rows.push(line);
    bytes += size;
  }
  return { csv: rows.join('\n'), orders: rows.length - 1 };
}

export async function runLargestRequests(input: LargestRequestsInput): Promise<LargestRequestResult[]> {
  const { post, company, court, office } = input;
  const results: LargestRequestResult[] = [];
  const measure = async (name: string, run: () => Promise<void>) => {
    const before = await input.memoryOf('window');
    const began = Date.now();
    let error: string | undefined;
    try {
      await run();
    } catch (e) {
      error = String((e as Error).message ?? e).slice(0, 300);
    }
    const ms = Date.now() - began;
    const during = await input.memoryOf('window');
    results.push({
      name,
      ok: !error,
      error,
      ms,
      peakHeapUsed: during.windowPeakHeapUsed,
      peakRss: during.windowPeakRss,
      peakRssSplit: { heapUsed: during.windowPeakRssHeapUsed, external: during.windowPeakRssExternal },
      heapUsedBefore: before.heapUsed,
    });
  };

  // The document: a PDF by its first bytes, random (incompressible) after them, of the largest size accepted.
  const document = randomBytes(input.maxDocumentBytes);
  document.write('%PDF-1.7\n', 0, 'latin1');
  let documentId = '';
  await measure(`upload a ${(input.maxDocumentBytes / 2 ** 20).toFixed(0)} MiB filing document in parts`, async () => {
    const { draftContract } = (await post(company, DRAFT, input.draft())) as { draftContract: { id: string } };
    const { startFilingDocumentUpload: started } = (await post(company, START, {
      u: {
        contractId: draftContract.id,
        name: '扫描件.pdf',
        type: 'OTHER',
        sizeBytes: document.length,
        sha256: sha256(document),
      },
    })) as { startFilingDocumentUpload: { uploadId: string; partBytes: number; parts: number } };
    for (let i = 0; i < started.parts; i++)
      await post(company, PART, {
        u: started.uploadId,
        i,
        c: document.subarray(i * started.partBytes, (i + 1) * started.partBytes).toString('base64'),
      });
    const { completeFilingDocumentUpload: done } = (await post(company, COMPLETE, { u: started.uploadId })) as {
      completeFilingDocumentUpload: { id: string; sha256: string };
    };
    if (done.sha256 !== sha256(document)) throw new Error('the stored document has another SHA-256');
    documentId = done.id;
  });
  await measure(`download it whole (filingDocumentContent, base64)`, async () => {
    if (!documentId) throw new Error('no document uploaded');
    const { filingDocumentContent } = (await post(company, CONTENT, { d: documentId })) as {
      filingDocumentContent: { contentBase64: string };
    };
    if (sha256(Buffer.from(filingDocumentContent.contentBase64, 'base64')) !== sha256(document))
      throw new Error('the downloaded document differs from the uploaded one');
  });

  await measure(`download it twice at once`, async () => {
    const both = await Promise.all(
      [0, 1].map(() => post(company, CONTENT, { d: documentId }) as Promise<Record<string, { contentBase64: string }>>),
    );
    for (const { filingDocumentContent } of both)
      if (sha256(Buffer.from(filingDocumentContent.contentBase64, 'base64')) !== sha256(document))
        throw new Error('a downloaded document differs from the uploaded one');
  });

  // More at once than the hub serves (platform/documents/download-limit.ts: 2 at a time, 16 waiting ≤ 10 s): the hub
  // must live, each answer is the document or DOWNLOADS_BUSY (a wait that ran out), never another error.
  const atOnce = 6;
  let busy = 0;
  await measure(`download it ${atOnce} times at once (served or DOWNLOADS_BUSY)`, async () => {
    const answers = await Promise.allSettled(
      Array.from(
        { length: atOnce },
        () => post(company, CONTENT, { d: documentId }) as Promise<Record<string, { contentBase64: string }>>,
      ),
    );
    for (const answer of answers) {
      if (answer.status === 'rejected') {
        if (!String(answer.reason).includes('DOWNLOADS_BUSY')) throw answer.reason;
        busy++;
      } else if (sha256(Buffer.from(answer.value.filingDocumentContent.contentBase64, 'base64')) !== sha256(document))
        throw new Error('a downloaded document differs from the uploaded one');
    }
  });
  results[results.length - 1].name += ` (${atOnce - busy} served, ${busy} DOWNLOADS_BUSY)`;

  await measure(`importPayments with ${input.maxPaymentsPerImport} payments`, async () => {
    const payments = Array.from({ length: input.maxPaymentsPerImport }, (_, i) => ({
      accountId: input.accountIds[i % input.accountIds.length],
      amountFen: 100 + (i % 1000),
      paidOn: input.today,
      method: 'BANK_TRANSFER',
      idempotencyKey: randomUUID(),
    }));
    const { importPayments } = (await post(company, IMPORT_PAYMENTS, { p: payments })) as {
      importPayments: unknown[];
    };
    if (importPayments.length !== payments.length)
      throw new Error(`${importPayments.length} receipts for ${payments.length} payments`);
  });

  const { csv, orders } = complaintCsvOfSize(input.demoComplaintCsv(), input.bodyLimitBytes, randomUUID().slice(0, 8));
  await measure(
    `importComplaintOrdersCsv with ${orders} orders (body under ${input.bodyLimitBytes} bytes)`,
    async () => {
      const { importComplaintOrdersCsv } = (await post(office, IMPORT_ORDERS, { csv })) as {
        importComplaintOrdersCsv: { received: number; duplicates: number };
      };
      if (importComplaintOrdersCsv.received !== orders)
        throw new Error(`received ${importComplaintOrdersCsv.received} of ${orders}`);
    },
  );

  await measure(`arrears(first: ${input.maxPageSize}) with households`, async () => {
    await post(
      company,
      `{ arrears(first: ${input.maxPageSize}) { totalCount items { accountId openFen household { unit room ownerName } } } }`,
    );
  });
  await measure(`referrals(first: ${input.maxPageSize}) with households`, async () => {
    await post(
      court,
      `{ referrals(first: ${input.maxPageSize}) { totalCount items { id status amountInDisputeFen household { unit room ownerName } } } }`,
    );
  });
  return results;
}
