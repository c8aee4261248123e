import { SubgraphModule } from '../../platform/subgraph/module';
import { FEEDS_ERRORS } from './domain/errors';
import { Migration20261130000000_initial } from './persistence/migrations/Migration20261130000000_initial';
import { Migration20261130100000_inbox_digest } from './persistence/migrations/Migration20261130100000_inbox_digest';
import { Migration20261130200000_outbox_notify } from './persistence/migrations/Migration20261130200000_outbox_notify';

/**
 * How outside parties receive the hub's events: the parties registered for the Kafka feeds (their principals and
 * what the broker lets them read) and the signed webhooks for parties without Kafka.
 */
export const feedsSubgraph: SubgraphModule = {
  name: 'feeds',
  resolvers: [],
  entities: [],
  migrations: [
    { name: 'Migration20261130000000_initial', class: Migration20261130000000_initial },
    { name: 'Migration20261130100000_inbox_digest', class: Migration20261130100000_inbox_digest },
    { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
  ],
  consumers: [],
  producedTopics: [],
  errors: FEEDS_ERRORS,
};
