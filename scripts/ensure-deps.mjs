// Installs npm packages when node_modules is missing or older than package-lock.json, so that `npm start`,
// `npm test` and `npm run bench` work on a fresh clone. Plain Node: it runs before any package exists.
import { execSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';

const stamp = 'node_modules/.deps-stamp';
const lockTime = statSync('package-lock.json').mtimeMs;
const fresh = existsSync(stamp) && statSync(stamp).mtimeMs >= lockTime;
if (!fresh) {
  console.log('[deps] installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}
