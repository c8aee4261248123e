import { runSubgraphMain } from '../../platform/subgraph/main';
import { feedsSubgraph } from './module';

runSubgraphMain(feedsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
