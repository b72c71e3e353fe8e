import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The docs name files and folders of the repository in backticks (`workflows/port-in.ts`, `db/queries/`); this
 * test keeps every such name true, so the "where is X" map in docs/architecture.md cannot point at a file that
 * moved. Fenced code blocks are skipped (their paths are the reader's, e.g. `members.csv`).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

/** First path segments that make a backticked name a repository path. */
const repositoryFolders = [
  'activities',
  'api',
  'bench',
  'db',
  'docs',
  'domain',
  'infra',
  'scripts',
  'services',
  'test',
  'workers',
  'workflows',
];
/** Files at the top of the repository, named without a folder. */
const repositoryFiles = [
  'README.md',
  'package.json',
  'temporal.config.ts',
  'schemathesis.toml',
  'tsconfig.json',
  'vitest.config.ts',
  'eslint.config.js',
  'drizzle.config.ts',
];

function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(`${root}${dir}`, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : [],
    );
  return ['README.md', ...walk('docs')];
}

/** Backticked names outside fenced code blocks that look like repository paths. */
function repositoryPaths(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  const names = [...prose.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? '');
  return names.filter((name) => {
    if (/[<>*…{}|$~:]/.test(name)) return false;
    if (name.includes('/')) return repositoryFolders.includes(name.split('/')[0] ?? '');
    return repositoryFiles.includes(name);
  });
}

describe('paths named in README.md and docs/', () => {
  it('finds repository paths in prose and skips code blocks, routes and placeholders', () => {
    const sample = [
      'See `workflows/port-in.ts`, `db/queries/`, `temporal.config.ts`, `/api/v1/orders`, `text/csv`,',
      '`workflows/contracts/<business>.ts` and `~/.cache/telecom-om/`.',
      '```sh',
      'cat `scripts/not-checked.ts`',
      '```',
    ].join('\n');
    expect(repositoryPaths(sample)).toEqual(['workflows/port-in.ts', 'db/queries/', 'temporal.config.ts']);
  });

  it.each(markdownFiles())('every repository path named in %s exists', (file) => {
    const missing = [...new Set(repositoryPaths(readFileSync(`${root}${file}`, 'utf8')))].filter(
      (path) => !existsSync(`${root}${path}`),
    );
    expect(missing).toEqual([]);
  });
});
