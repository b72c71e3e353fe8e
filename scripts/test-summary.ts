/**
 * Prints one closing line for a whole `npm test`: the tests that passed and failed across the suites, read
 * from the JSON reports the suites wrote (`test-results/*.vitest.json`). A record of the run that reads only
 * its last lines then sees what ran, as "Tests: N passed, N failed".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

const dir = 'test-results';
const reports = readdirSync(dir).filter((name) => name.endsWith('.vitest.json'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of reports) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (reports.length === 0) {
  console.error('No test report was found in test-results/: no suite ran.');
  process.exit(1);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
