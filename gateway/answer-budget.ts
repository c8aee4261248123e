import type { ServerResponse } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { callerOf, EdgeContext } from './caller';
import { EdgeConfig } from './config';
import { errorResponse } from './errors';

/** An answer this small is always taken (a caller's in-flight limit bounds how many it has: 64 × 64 KiB = 4 MiB). */
export const SMALL_ANSWER_BYTES = 64 * 1024;

export type AnswerRefusal = 'CALLER' | 'GATEWAY';

/**
 * The bytes of answers being sent, per caller key and in all. An answer is held from the moment it is ready until
 * its connection closes or the client has taken all of it; a client that reads slowly, or not at all, keeps it in the
 * gateway's memory all that while (about twice its bytes of heap: four unread answers of 14 MB took it from 36 to 142 MB).
 * The first answer of a key, and of the gateway, is always taken, whatever its size, so one large document is always
 * served; so is a small one.
 */
export class AnswerBudget {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(private readonly totalBytes: number) {}

  take(key: string, bytes: number, keyBytes: number): AnswerRefusal | undefined {
    const ofKey = this.held.get(key) ?? 0;
    if (bytes > SMALL_ANSWER_BYTES) {
      if (ofKey > 0 && ofKey + bytes > keyBytes) return 'CALLER';
      if (this.total > 0 && this.total + bytes > this.totalBytes) return 'GATEWAY';
    }
    this.held.set(key, ofKey + bytes);
    this.total += bytes;
    return undefined;
  }

  give(key: string, bytes: number) {
    const left = (this.held.get(key) ?? bytes) - bytes;
    if (left > 0) this.held.set(key, left);
    else this.held.delete(key);
    this.total -= bytes;
  }

  heldBy(key: string) {
    return this.held.get(key) ?? 0;
  }
}

const MiB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/**
 * Refuses an answer that would take its caller (the organisation, or the address without a token) past
 * `limits.answerBytes` of answers still being read, 429 RATE_LIMITED, or the gateway past `config.answerBytes`, 503
 * SERVICE_UNAVAILABLE: without it one organisation's 64 requests in flight, each a 27 MB document its client never
 * read, would have held far more than the process has. What it bounds is the number of such answers; how long each is
 * held is gateway/connections.ts's (a client that takes nothing for 30 s is closed). Put after useLargeAnswers, whose
 * `content-length` is the answer's.
 */
export function useAnswerBudget(config: Pick<EdgeConfig, 'answerBytes'>): GatewayPlugin<EdgeContext> {
  const budget = new AnswerBudget(config.answerBytes);
  return {
    onResponse({ request, response, serverContext, setResponse, fetchAPI }) {
      const caller = callerOf(request);
      const res = (serverContext as { res?: ServerResponse }).res;
      const bytes = Number(response.headers.get('content-length'));
      if (!caller || !res || res.closed || !(bytes > 0)) return;
      const refused = budget.take(caller.key, bytes, caller.limits.answerBytes);
      if (!refused) {
        res.once('close', () => budget.give(caller.key, bytes));
        return;
      }
      setResponse(
        refused === 'CALLER'
          ? errorResponse(
              fetchAPI,
              429,
              'RATE_LIMITED',
              `${MiB(budget.heldBy(caller.key))} of answers to ${caller.anonymous ? 'this address' : 'your organisation'} are still being read, and this one (${bytes} bytes) would pass ${MiB(caller.limits.answerBytes)}; read them, then retry`,
              { 'Retry-After': '1' },
            )
          : errorResponse(
              fetchAPI,
              503,
              'SERVICE_UNAVAILABLE',
              `the gateway holds ${MiB(config.answerBytes)} of answers its clients are still reading; retry`,
              { 'Retry-After': '5' },
            ),
      );
    },
  };
}
