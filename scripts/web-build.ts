import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../api/openapi-document';

/**
 * Builds the staff console (web/) when it is missing or older than what it is made from: its own sources and the
 * API's OpenAPI document, from which its typed client (web/src/api-client/schema.d.ts) is generated. A route schema
 * that the console uses wrongly fails the type check here, so the build breaks, not the user. `--force` builds
 * regardless. Used by `npm start` and `npm test`; the build (web/dist) is never committed.
 */
const root = join(import.meta.dirname, '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.build-stamp');
const schemaFile = join(web, 'src', 'api-client', 'schema.d.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sourceFiles(path);
    return path === schemaFile ? [] : [path];
  });
}

function fingerprint(openapi: string): string {
  const hash = createHash('sha256').update(openapi);
  for (const file of sourceFiles(web).sort()) hash.update(relative(web, file)).update(readFileSync(file));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const document = await openApiDocument();
  const openapi = JSON.stringify(document);
  const stamp = fingerprint(openapi);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    console.log('[web] console is up to date');
    return;
  }
  const started = Date.now();
  console.log('[web] building the console (typed client from the OpenAPI document, type check, bundle)…');
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  writeFileSync(
    schemaFile,
    "// Generated from the API's OpenAPI document by scripts/web-build.ts. Do not edit.\n" + astToString(ast),
  );
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  execFileSync(bin('tsc'), ['-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
  execFileSync(bin('vite'), ['build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: web,
  });
  const initialKb = initialScriptGzipBytes() / 1024;
  console.log(
    `[web] console built in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `initial JavaScript ${initialKb.toFixed(0)} KB gzip (budget ${INITIAL_JS_BUDGET_KB} KB)`,
  );
  if (initialKb > INITIAL_JS_BUDGET_KB) {
    throw new Error(
      `the console's initial JavaScript is ${initialKb.toFixed(0)} KB gzip, over its budget of ` +
        `${INITIAL_JS_BUDGET_KB} KB: load the new screen or library lazily`,
    );
  }
  writeFileSync(stampFile, stamp);
}

/** UI-1 — what a first visit downloads before any screen: the entry script and the modules it preloads. */
const INITIAL_JS_BUDGET_KB = 400;

function initialScriptGzipBytes(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ];
  return files.reduce((sum, [, file]) => sum + gzipSync(readFileSync(join(dist, file ?? ''))).length, 0);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
