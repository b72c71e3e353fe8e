import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './go-install';

/**
 * Temporal's time-skipping test server (Maven `io.temporal:temporal-test-server`, main class
 * `io.temporal.testserver.TestServer <port>`), resolved with Maven into the cache once and wrapped in a small
 * script, so that the SDK can start it with `executable: { type: 'existing-path', path }`. Lets a test let
 * months of durable timers pass in seconds.
 */
export const TEST_SERVER_VERSION = '1.31.0';

export function resolveTimeSkippingServer(log: (line: string) => void = console.log): string {
  const dir = join(cacheRoot(), 'temporal-test-server', TEST_SERVER_VERSION);
  const wrapper = join(dir, 'temporal-test-server');
  if (existsSync(wrapper)) return wrapper;
  for (const tool of ['java', 'mvn']) {
    if (spawnSync(tool, ['-version'], { stdio: 'ignore' }).status !== 0) {
      throw new Error(`The time-skipping test server needs ${tool} (Java 17+ and Maven) on PATH`);
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>temporal-test-server-classpath</artifactId><version>1</version>
  <dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
  <version>${TEST_SERVER_VERSION}</version></dependency></dependencies></project>\n`,
  );
  log(`Resolving Temporal test server ${TEST_SERVER_VERSION} with Maven into ${dir} (first run only)…`);
  const result = spawnSync(
    'mvn',
    ['-q', '-B', 'dependency:build-classpath', '-Dmdep.outputFile=classpath.txt'],
    {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const classpathFile = join(dir, 'classpath.txt');
  if (result.status !== 0 || !existsSync(classpathFile)) {
    throw new Error(`Maven could not resolve io.temporal:temporal-test-server:${TEST_SERVER_VERSION}`);
  }
  const classpath = readFileSync(classpathFile, 'utf8').trim();
  writeFileSync(
    `${wrapper}.tmp`,
    `#!/bin/sh\nexec java -cp '${classpath}' io.temporal.testserver.TestServer "$@"\n`,
  );
  chmodSync(`${wrapper}.tmp`, 0o755);
  // Rename last, so a half-written wrapper is never taken for a finished one.
  renameSync(`${wrapper}.tmp`, wrapper);
  return wrapper;
}
