const { createHash } = require('node:crypto');
const path = require('node:path');
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/**
 * Jest's runtime, with what a worker process learns about installed packages kept from one test file to the next.
 *
 * Jest gives each test file a fresh module registry, so every file reads, resolves and compiles every module it loads
 * (the hub, MikroORM, Apollo, graphql-js, kafkajs…: some 4,500 files) from scratch again; for a file that starts a
 * hub that was about half its CPU. Across the files of a worker this runtime keeps:
 * - V8's code cache of each module: compiled as a `vm.Script` (the wrapper Jest itself used before it moved to
 *   `compileFunction`), and after the file, what V8 compiled of it (`createCachedData`, which covers the functions
 *   that ran) is kept under the module's path and a hash of its code; the next file that loads the same code starts
 *   from that cache. A cache V8 refuses only costs the compile it would have done anyway; changed code has another
 *   hash. Modules with a dynamic `import(` go through Jest's own compile, which runs it.
 * - the source of each file under `node_modules` (installed packages do not change during a run; the project's own
 *   files are read again, as `jest --watch` expects);
 * - where a `require` made by a file under `node_modules` resolves to (per project, as its resolver's settings are).
 *
 * It reaches into Jest 30's runtime (its module executor, file cache and resolution); a Jest whose internals differ
 * fails every file with a message saying so, rather than losing the saving unseen.
 */
const codeCache = new Map();
const packageSources = new Map();
const packageResolutions = new Map();
const IN_PACKAGES = `${path.sep}node_modules${path.sep}`;

class CodeCacheRuntime extends Runtime {
  /** This file's scripts compiled without a cache: recorded at its teardown, when their functions have run. */
  uncached = new Map();

  constructor(...args) {
    super(...args);
    const { executor, fileCache } = this;
    const resolution = executor?.resolution;
    if (
      typeof executor?.compile !== 'function' ||
      typeof fileCache?.readFile !== 'function' ||
      typeof resolution?.resolveCached !== 'function' ||
      !(resolution.cjsCache instanceof Map)
    )
      throw new Error(
        "test/support/code-cache-runtime.js: this Jest's runtime is not built as the file expects (module executor, file cache, resolution): adapt it, or run with JEST_CODE_CACHE=0",
      );

    const jestCompile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || scriptSource.includes('import(') || resolution.isCoreModule(filename))
        return jestCompile(scriptSource, filename);
      const key = `${filename}\0${createHash('sha1').update(scriptSource).digest('base64')}`;
      const cachedData = codeCache.get(key);
      let script;
      try {
        script = new vm.Script(
          `({"module":function(${executor.injectedModuleParameters.join(',')}){${scriptSource}\n}});`,
          { filename, cachedData },
        );
      } catch {
        // Jest's own compile reports the syntax error as it would have.
        return jestCompile(scriptSource, filename);
      }
      if (!cachedData || script.cachedDataRejected) this.uncached.set(key, script);
      return script.runInContext(vmContext).module;
    };

    const readFile = fileCache.readFile.bind(fileCache);
    fileCache.readFile = (filename) => {
      if (!filename.includes(IN_PACKAGES)) return readFile(filename);
      let source = packageSources.get(filename);
      if (source === undefined) packageSources.set(filename, (source = readFile(filename)));
      return source;
    };

    const projectResolutions = packageResolutions.get(this._config.id) ?? new Map();
    packageResolutions.set(this._config.id, projectResolutions);
    const resolveCached = resolution.resolveCached.bind(resolution);
    resolution.resolveCached = (from, to, cache, options) => {
      if (cache !== resolution.cjsCache || !from.includes(IN_PACKAGES)) return resolveCached(from, to, cache, options);
      const key = `${from}\0${to}`;
      let resolved = projectResolutions.get(key);
      if (resolved === undefined) projectResolutions.set(key, (resolved = resolveCached(from, to, cache, options)));
      return resolved;
    };
  }

  teardown() {
    for (const [key, script] of this.uncached) codeCache.set(key, script.createCachedData());
    this.uncached.clear();
    super.teardown();
  }
}

module.exports = CodeCacheRuntime;
