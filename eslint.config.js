// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layers go one way (domain, db, activities → workflows → services → api): a lower layer never imports a
 * higher one. A relative import of the layer's folder at any depth (`./workflows/…`, `../../api/…`) matches.
 */
/** @param {string} folder */
const importOf = (folder) => `^(\\.{1,2}/)+${folder}(/|$)`;
const noWorkflowsImport = {
  regex: importOf('workflows'),
  message:
    'domain/, db/, activities/ and temporal.config.ts sit below workflows/: move the shared type down into domain/.',
};
const noApiImport = {
  regex: importOf('api'),
  message: 'Only api/ and infra/ import from api/: move the shared code into services/ or domain/.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'simulators/migrations/**',
      'web/dist/**',
      'web/src/api-client/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify plugins are async by contract even when they only register routes.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['domain/**/*.ts', 'db/**/*.ts', 'activities/**/*.ts', 'temporal.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noWorkflowsImport, noApiImport] }] },
  },
  {
    // The console talks to the server through its HTTP API and the client generated from its document only.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importOf('(domain|db|api|services|workflows|activities|infra|workers|simulators)'),
              message:
                'The console reaches the server through the typed API client (web/src/api-client/client.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // workflows/ is kept from api/ by its own block below.
    files: ['workers/**/*.ts', 'services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApiImport] }] },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Node built-ins are not allowed in workflow code.',
          })),
          patterns: [
            {
              group: ['**/db/**', '**/api/**', '**/workers/**', '**/infra/**'],
              message: 'Workflows stay deterministic: no I/O modules.',
            },
            {
              group: ['**/activities/**'],
              allowTypeImports: true,
              message: 'Import activities with `import type` only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'No environment access in workflows.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use Temporal-safe randomness.' },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'scripts/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
);
