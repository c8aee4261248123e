import { runSubgraphMain } from '../../platform/subgraph/main';
import { areasSubgraph } from './module';

runSubgraphMain(areasSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
