import { runSubgraphMain } from '../../platform/subgraph/main';
import { litigationSubgraph } from './module';

runSubgraphMain(litigationSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
