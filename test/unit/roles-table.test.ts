import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionCatalogue, roles, type AccessRule } from '../../domain/access';
import { errorCatalogue } from '../../domain/errors';

/**
 * CH-2 — the "Roles and permissions" tables of docs/api.md are rendered from `permissionCatalogue`, the same
 * rules the routes declare, so the documentation cannot drift from what the API enforces. When this fails, paste
 * the expected tables (printed in the diff) into docs/api.md.
 */
function permissionRow(p: AccessRule): string {
  const where = p.channelTypes.join(', ') + (p.channelCapability ? ` (outlet: ${p.channelCapability})` : '');
  return `| \`${p.permission}\` | ${p.en} (${p.zh}) | ${p.roles.map((r) => `\`${r}\``).join(', ')} | ${where} |`;
}

function roleRow(role: (typeof roles)[number]): string {
  const held = permissionCatalogue.filter((p) => p.roles.includes(role)).map((p) => `\`${p.permission}\``);
  return `| \`${role}\` | ${held.length > 0 ? held.join(', ') : '—'} |`;
}

function renderRolesTables(): string {
  return [
    '| permission | what it allows | roles that hold it | channel types |',
    '|---|---|---|---|',
    ...permissionCatalogue.map(permissionRow),
    '',
    '| role | permissions |',
    '|---|---|',
    ...roles.map(roleRow),
  ].join('\n');
}

/** The error-code table of docs/api.md: every stable code with its HTTP status and the staff's Chinese reason. */
function renderErrorCodesTable(): string {
  return [
    '| code | status | reason (zh) |',
    '|---|---|---|',
    ...Object.entries(errorCatalogue).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.zh} |`),
  ].join('\n');
}

describe('roles and permissions in docs/api.md', () => {
  it('CH-2: the docs/api.md tables list every permission a route can declare and every role, as enforced', () => {
    const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(apiDoc).toContain(renderRolesTables());
  });

  it('CH-2: permission names are unique, and every role holds at least one permission', () => {
    const names = permissionCatalogue.map((p) => p.permission);
    expect(new Set(names).size).toBe(names.length);
    for (const role of roles) expect(permissionCatalogue.some((p) => p.roles.includes(role))).toBe(true);
  });
});

describe('error codes in docs/api.md', () => {
  it('ORD-2: the docs/api.md table lists every error code with the status and reason the API answers', () => {
    const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(apiDoc).toContain(renderErrorCodesTable());
  });
});
