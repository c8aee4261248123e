/**
 * The V8 heap limit the hub ships with (issue 16, target 5: RSS ≤ 512 MB under load, < 300 MB idle). With V8's own
 * default the old space may grow to about a quarter of the machine's memory before a full collection, so a busy hub's
 * short-lived garbage, promoted while its requests wait, piles up there (604 MB RSS at 12 requests/s for a live heap of
 * 103–128 MB). A cap makes V8 collect before that. Measured in README › Performance › Memory, with the largest
 * requests the API accepts served under it.
 *
 * It is given in NODE_OPTIONS, by `npm start` (package.json), the image (Dockerfile), each docker-compose.yml service
 * and `npm run start:topology` (hub/topology.ts): test/memory-flags.test.ts keeps them in step. The operator's own
 * NODE_OPTIONS come after it, and the last of a flag wins: `NODE_OPTIONS=--max-old-space-size=1024` raises the cap,
 * `--max-old-space-size=0` gives V8's default back.
 */
export const HUB_MEMORY_FLAGS = '--max-old-space-size=320';

/** NODE_OPTIONS for a hub process: the shipped flags, then the operator's (which win where they name the same flag). */
export const hubNodeOptions = (operator: string | undefined): string =>
  operator?.trim() ? `${HUB_MEMORY_FLAGS} ${operator.trim()}` : HUB_MEMORY_FLAGS;
