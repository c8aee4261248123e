import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { arrearsSubgraph } from '../subgraphs/arrears/module';
import { areasSubgraph } from '../subgraphs/areas/module';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { feedsSubgraph } from '../subgraphs/feeds/module';
import { litigationSubgraph } from '../subgraphs/litigation/module';
import { SubgraphModule } from '../platform/subgraph/module';

/** The development composition root: the one place that knows every subgraph. */
export const ALL_SUBGRAPHS: readonly SubgraphModule[] = [
  areasSubgraph,
  contractsSubgraph,
  arrearsSubgraph,
  litigationSubgraph,
  feedsSubgraph,
  complaintsSubgraph,
];
