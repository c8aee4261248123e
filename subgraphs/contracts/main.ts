import { runSubgraphMain } from '../../platform/subgraph/main';
import { contractsSubgraph } from './module';

runSubgraphMain(contractsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
