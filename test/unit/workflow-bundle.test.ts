import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { sharedDomainModules } from '../../workers/create-worker';

/** The modules of the workers' workflow bundle, as webpack names them (`./domain/sla.ts`, `…/zod/v4/…`). */
function bundledModules(): string[] {
  const code = readFileSync(inject('workflowBundlePath'), 'utf8');
  return [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"/gm)].map((m) => m[1] ?? '');
}

const domainDir = fileURLToPath(new URL('../../domain/', import.meta.url));

describe('what a cached workflow holds (OPS: worker sizing)', () => {
  it('OPS: the workflow bundle has no zod: request schemas stay with the API, so no workflow evaluates them', () => {
    const modules = bundledModules();
    expect(modules.some((m) => m.startsWith('./workflows/'))).toBe(true);
    expect(modules.filter((m) => /[\\/]zod[\\/]/.test(m))).toEqual([]);
  });

  it('OPS: every domain module a workflow imports is evaluated once per worker thread, not once per workflow', () => {
    const bundledDomain = bundledModules()
      .filter((m) => m.startsWith('./domain/'))
      .map((m) => m.slice('./domain/'.length));
    const shared = sharedDomainModules.map((path) => path.slice(domainDir.length));
    expect(bundledDomain.length).toBeGreaterThan(0);
    expect(bundledDomain.filter((m) => !shared.includes(m))).toEqual([]);
  });
});
