/**
 * A fixed window of requests per key (the organisation from the verified token, or the caller's address without
 * one). In-process: with several gateway replicas, divide the configured limits among them.
 * The map is bounded: expired windows are swept, and past `maxKeys` the oldest are dropped, so a flood of distinct
 * addresses cannot grow memory without limit.
 */
export interface RateDecision {
  ok: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, max: number, windowMs: number, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return { ok: window.count <= max, limit: max, remaining: Math.max(0, max - window.count), retryAfterSeconds };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
    // still full: drop the oldest (a Map iterates in insertion order)
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
