import type { EntitySchema } from '@mikro-orm/core';
import type { IResolvers } from '@graphql-tools/utils';
import type { ErrorCatalog } from '../../kernel/errors';
import type { TokenSettings } from '../auth/tokens';
import type { SubgraphName } from '../config';
import type { HubOrm, MigrationEntry } from '../db/orm';
import type { ConsumerDefinition } from '../events/consumer';

/** Work a subgraph does in the background beside its consumers (e.g. sending webhooks), started and stopped with it. */
export interface BackgroundWork {
  start(): void;
  stop(): Promise<void>;
}

/** Everything the shared runtime needs to run one subgraph; each subgraph's `module.ts` exports one. */
export interface SubgraphModule {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: IResolvers;
  entities: EntitySchema[];
  /**
   * The checked-in migrations in order, loaded when asked: only migrating or verifying a schema needs them, and
   * with them `@mikro-orm/migrations` (umzug and its tooling); a test hub's database is a clone of a migrated template.
   */
  migrations(): Promise<MigrationEntry[]>;
  consumers: ConsumerDefinition[];
  /** Logical topics this subgraph publishes to (created at start). */
  producedTopics: string[];
  /** It registers outside parties' principals and ACLs, so it is given the broker's super user (feeds only). */
  administersBroker?: boolean;
  /** The codes this subgraph raises beyond the generic ones, with their meaning (its domain/errors.ts). */
  errors: ErrorCatalog;
  /**
   * Told where the other subgraphs listen once they run (the hub's own, or SUBGRAPH_<NAME>_URL in a container), for
   * the few reads one subgraph makes of another directly, with the caller's identity (litigation → areas' owners).
   */
  usePeers?(peers: SubgraphPeers): void;
  /**
   * It computes periods, so it keeps a copy of the recorded holiday years (`holiday_year`, platform/read-models/
   * holiday-calendar.ts) and installs it into the process's calendar at start, before serving, and every few seconds.
   */
  keepsHolidayCalendar?: boolean;
  /** Background work started after the consumers and stopped before them. */
  background?: (context: { orm: HubOrm }) => BackgroundWork;
}

export interface SubgraphPeers {
  urlOf(name: SubgraphName): string | undefined;
  tokens: TokenSettings;
}
