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
 *   that ran) is kept under the module's path with the code it was made from; the next file that loads the same code
 *   starts from that cache (changed code is compiled afresh). A cache V8 refuses only costs the compile it would have
 *   done anyway. Modules with a dynamic `import(` go through Jest's own compile, which runs it.
 * - the source of each file under `node_modules`, and of those Jest does not transform the code it gives the module
 *   (installed packages do not change during a run; the project's own files are read again, as `jest --watch`
 *   expects);
 * - where a `require` of a package, or any `require` made by a package's file, resolves to (per project, as its
 *   resolver's settings are).
 *
 * It reaches into Jest 30's runtime (its module executor, file cache, transform cache and resolution); a Jest whose
 * internals differ fails every file with a message saying so, rather than losing the saving unseen.
 */
/** Module path → the code last compiled there and V8's cache of it. */
const codeCache = new Map();
const packageSources = new Map();
const packageResolutions = new Map();
const packageCode = new Map();
const IN_PACKAGES = `${path.sep}node_modules${path.sep}`;
/** `graphql`, `@mikro-orm/core/utils`: resolved among the installed packages, wherever it is required from. */
const isPackageName = (request) => !request.startsWith('.') && !path.isAbsolute(request);
/** `map`'s value for `key`, computed and kept on first use. */
function remember(map, key, compute) {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = compute()));
  return value;
}

class CodeCacheRuntime extends Runtime {
  /** This file's scripts compiled without a cache: recorded at its teardown, when their functions have run. */
  uncached = new Map();

  constructor(...args) {
    super(...args);
    const { executor, fileCache, transformCache } = this;
    const resolution = executor?.resolution;
    if (
      typeof executor?.compile !== 'function' ||
      typeof fileCache?.readFile !== 'function' ||
      typeof transformCache?.transform !== 'function' ||
      typeof transformCache.scriptTransformer?.shouldTransform !== 'function' ||
      typeof resolution?.resolveCached !== 'function' ||
      !(resolution.cjsCache instanceof Map)
    )
      throw new Error(
        "test/support/code-cache-runtime.js: this Jest's runtime is not built as the file expects (module executor, file cache, transform cache, resolution): adapt it, or run with JEST_CODE_CACHE=0",
      );

    const jestCompile = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null || scriptSource.includes('import(') || resolution.isCoreModule(filename))
        return jestCompile(scriptSource, filename);
      const cached = codeCache.get(filename);
      // unchanged code is the string compiled last time (kept here for packages, in Jest's transform cache for ours)
      const cachedData = cached?.source === scriptSource ? cached.data : undefined;
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
      if (!cachedData || script.cachedDataRejected) this.uncached.set(filename, { source: scriptSource, script });
      return script.runInContext(vmContext).module;
    };

    const readFile = fileCache.readFile.bind(fileCache);
    fileCache.readFile = (filename) => {
      if (!filename.includes(IN_PACKAGES)) return readFile(filename);
      return remember(packageSources, filename, () => readFile(filename));
    };

    // A package's file that Jest does not transform is its source as is: Jest would look at its modification time
    // again for every file that loads it.
    const transform = transformCache.transform.bind(transformCache);
    transformCache.transform = (filename, options) => {
      if (!filename.includes(IN_PACKAGES) || transformCache.scriptTransformer.shouldTransform(filename))
        return transform(filename, options);
      return remember(packageCode, `${filename}\0${JSON.stringify(options ?? null)}`, () =>
        transform(filename, options),
      );
    };

    const projectResolutions = remember(packageResolutions, this._config.id, () => new Map());
    const resolveCached = resolution.resolveCached.bind(resolution);
    resolution.resolveCached = (from, to, cache, options) => {
      if (cache !== resolution.cjsCache || !(from.includes(IN_PACKAGES) || isPackageName(to)))
        return resolveCached(from, to, cache, options);
      return remember(projectResolutions, `${from}\0${to}`, () => resolveCached(from, to, cache, options));
    };
  }

  teardown() {
    for (const [filename, { source, script }] of this.uncached)
      codeCache.set(filename, { source, data: script.createCachedData() });
    this.uncached.clear();
    super.teardown();
  }
}

module.exports = CodeCacheRuntime;
