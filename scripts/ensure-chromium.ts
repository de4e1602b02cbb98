/**
 * Makes sure Debian's Chromium is installed for the browser tests. The tests
 * drive /usr/bin/chromium through playwright-core; no browser is ever
 * downloaded any other way (CI reaches Debian's archive and npm, nothing else).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];
// The PDF fixtures and screenshots need a CJK font as much as the browser does.
const CJK_FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/wqy'];
const hasCjkFont = () => CJK_FONT_DIRS.some((d) => existsSync(d));

function fail(message: string): never {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[]): void {
  console.log(`ensure-chromium: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with status ${result.status}`);
}

if (existsSync(CHROMIUM) && hasCjkFont()) {
  console.log(`ensure-chromium: ${CHROMIUM} and a CJK font are present`);
} else {
  const manual = `install it yourself: apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    fail(
      `${CHROMIUM} or a CJK font is missing and this is not a Debian system with apt-get; ${manual}`,
    );
  }
  if (process.getuid?.() !== 0) {
    fail(`${CHROMIUM} or a CJK font is missing and installing them needs root; ${manual}`);
  }
  console.log(`ensure-chromium: installing ${PACKAGES.join(', ')} from Debian`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...PACKAGES]);
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing`);
  if (!hasCjkFont()) fail('apt-get finished but no CJK font is installed');
  console.log(`ensure-chromium: installed ${CHROMIUM}`);
}
