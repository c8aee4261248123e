import { runSubgraphMain } from '../../platform/subgraph/main';
import { complaintsSubgraph } from './module';

runSubgraphMain(complaintsSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
