import { runSubgraphMain } from '../../platform/subgraph/main';
import { arrearsSubgraph } from './module';

runSubgraphMain(arrearsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
