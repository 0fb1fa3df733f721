import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Before `npm test`: the browser tests need Debian's Chromium and the schema tests need xmllint. Installs them when
 * this machine can (root with apt-get), else stops with one line that says what to run.
 */
const missing: string[] = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!existsSync('/usr/bin/xmllint')) missing.push('libxml2-utils');
if (missing.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    process.stderr.write(`Installing ${missing.join(', ')} from Debian for the tests…\n`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    process.stderr.write(
      `npm test needs ${missing.join(' and ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` and try again.\n`,
    );
    process.exit(1);
  }
}
