/**
 * The V8 heap limit the hub ships with (issue 16, target 5: RSS ≤ 512 MB under load, < 300 MB idle). With V8's own
 * default the old space may grow to about a quarter of the machine's memory before a full collection, so a busy hub's
 * short-lived garbage, promoted while its requests wait, piles up there (604 MB RSS at 12 requests/s for a live heap of
 * 103–128 MB). A cap makes V8 collect before that. Measured in README › Performance › Memory, with the largest
 * requests the API accepts served under it. The young generation is held to semi-spaces of 4 MB (V8's default here
 * is 16 MB): its two semi-spaces stay reserved, and resident, after the load, empty: 8 MB of the idle hub's RSS
 * where 32 MB; in two interleaved pairs the idle RSS was 2–44 MB lower and the requests served no fewer.
 *
 * It is given in NODE_OPTIONS, by `npm start` (package.json), the image (Dockerfile), each docker-compose.yml service
 * and `npm run start:topology` (hub/topology.ts): test/memory-flags.test.ts keeps them in step. The operator's own
 * NODE_OPTIONS come after it, and the last of a flag wins: `NODE_OPTIONS=--max-old-space-size=1024` raises the cap,
 * `--max-old-space-size=0` gives V8's default back.
 */
export const HUB_MEMORY_FLAGS = '--max-old-space-size=320 --max-semi-space-size=4';

/** NODE_OPTIONS for a hub process: the shipped flags, then the operator's (which win where they name the same flag). */
export const hubNodeOptions = (operator: string | undefined): string =>
  operator?.trim() ? `${HUB_MEMORY_FLAGS} ${operator.trim()}` : HUB_MEMORY_FLAGS;

/**
 * glibc's allocator settings the hub ships with (issue 16, target 5: idle RSS < 300 MB), in its environment wherever
 * it is started, as HUB_MEMORY_FLAGS. By default glibc raises its mmap threshold to the size of each large block it
 * frees (up to 32 MB): after the hub has held one 20 MB document, every block below 20 MB (a download's buffers, a
 * page of rows, a JSON answer) is carved from the heap, and what is freed there stays in the process. A fixed
 * threshold (glibc's own initial one, 128 KiB) keeps every large block mapped on its own and given back when freed.
 * Measured in README › Performance › Memory. The operator's own value of a variable wins; other C libraries (musl)
 * ignore them.
 */
export const HUB_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The allocator's variables for a hub process: the operator's where set, else the shipped ones. */
export const hubMallocEnv = (operator: NodeJS.ProcessEnv): Record<string, string> =>
  Object.fromEntries(Object.entries(HUB_MALLOC_ENV).map(([name, value]) => [name, operator[name] || value]));
