import type { DocumentNode } from 'graphql';

/**
 * A least-recently-used cache bounded by the estimated bytes of what it holds rather than by its number of entries.
 * Yoga's caches of parsed documents and parse errors held 1,024 entries each for an hour, however large: a parsed
 * document keeps every token of its text (graphql-js' `loc`), some 500 bytes a token, so 1,024 distinct documents of
 * 1,500 fields (7.8 KB of text, 0.75 MB parsed each) or of 64 KiB of comments ran the gateway's 320 MB heap out, a
 * few hundred requests of any token holder's, a few thousand of callers without one.
 */
export class WeightedLruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private held = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (key: string, value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: taken out and put back, the entry becomes the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const weight = this.weigh(key, value);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.held += weight;
    for (const [oldest] of this.entries) {
      if (this.held <= this.maxWeight) break;
      this.delete(oldest);
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.held -= entry.weight;
    return true;
  }

  /** The estimated bytes held. */
  get weight(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Bytes a parsed document's token keeps with its AST nodes and location (measured: 510–750 a token). */
const BYTES_PER_TOKEN = 768;
/** Bytes a query's text takes, at two a character (V8 keeps a string with any non-Latin-1 character so). */
const textBytes = (query: string) => 2 * query.length;

/** The tokens a parsed document holds through its location (none when parsed without one). */
export function tokensOf(document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return tokens;
}

/** The gateway's parse caches: 32 MB of parsed documents, 8 MB of parse errors (each with its query's text). */
export function documentCaches(limits = { documents: 32 * 1024 * 1024, errors: 8 * 1024 * 1024 }) {
  return {
    documentCache: new WeightedLruCache<DocumentNode>(
      limits.documents,
      (query, document) => textBytes(query) + BYTES_PER_TOKEN * tokensOf(document),
    ),
    errorCache: new WeightedLruCache<unknown>(limits.errors, (query) => 2 * textBytes(query) + 1024),
  };
}
