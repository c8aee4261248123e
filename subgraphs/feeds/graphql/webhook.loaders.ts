import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { WebhookAttempt, attemptsOfDeliveries } from '../persistence/webhook.repository';

/** The attempts of every delivery on a page in one query. */
export const attemptsLoader = (ctx: RequestContext) =>
  childrenLoader<WebhookAttempt>(
    ctx,
    'webhookAttempts',
    (ids) => attemptsOfDeliveries(ctx.em, ids.map(Number)),
    (a) => String(a.deliveryId),
  );
