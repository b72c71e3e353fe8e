import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The browser tests need Debian's Chromium and a CJK font (without one every Chinese label renders as empty
 * boxes). Installs both from Debian's packages when missing — CI runs as root on a fresh machine — and answers
 * the Chromium to drive. `CHROMIUM_PATH` names another Chromium build.
 */
export const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

function hasCjkFont(): boolean {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

export function ensureBrowser(log: (line: string) => void = console.log): string {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [
    ...(existsSync(chromium) ? [] : ['chromium']),
    ...(hasCjkFont() ? [] : [CJK_FONT_PACKAGE, 'fontconfig']),
  ];
  if (missing.length === 0) return chromium;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `browser tests need ${missing.join(', ')}: run as root, or install them with ` +
        `apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`[browser] installing ${missing.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit', env });
  if (!existsSync(chromium)) throw new Error(`chromium was installed but ${chromium} is not there`);
  return chromium;
}

if (process.argv[1]?.endsWith('ensure-browser.ts')) console.log(ensureBrowser());
