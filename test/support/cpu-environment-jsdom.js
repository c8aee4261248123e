/** The console's jsdom environment, with each file's CPU recorded as in `cpu-environment.js`. */
const { withFileCpu } = require('./cpu-environment');

module.exports = withFileCpu(require('jest-environment-jsdom').TestEnvironment);
