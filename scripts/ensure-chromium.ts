/**
 * Makes sure the Debian packages the tests need are installed: Chromium and a
 * CJK font for the browser tests and the PDF fixtures, and tesseract with its
 * Simplified Chinese data plus poppler-utils for reading scanned PDFs. The
 * tests drive /usr/bin/chromium through playwright-core and run tesseract and
 * pdftoppm as the pipeline does; nothing is ever downloaded any other way (CI
 * reaches Debian's archive and npm, nothing else).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** tesseract's language data lives under a versioned folder (/usr/share/tesseract-ocr/5/tessdata). */
function hasChineseOcrData(): boolean {
  const root = '/usr/share/tesseract-ocr';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((v) => existsSync(`${root}/${v}/tessdata/chi_sim.traineddata`));
}

/** Each need: how to tell it is met, and the Debian packages that meet it. */
const NEEDS: { what: string; present: () => boolean; packages: string[] }[] = [
  {
    what: '/usr/bin/chromium',
    present: () => existsSync('/usr/bin/chromium'),
    packages: ['chromium'],
  },
  {
    // the PDF fixtures and screenshots need a CJK font as much as the browser does
    what: 'a CJK font',
    present: () =>
      ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/wqy'].some((d) =>
        existsSync(d),
      ),
    packages: ['fonts-noto-cjk'],
  },
  {
    what: '/usr/bin/tesseract',
    present: () => existsSync('/usr/bin/tesseract'),
    packages: ['tesseract-ocr'],
  },
  {
    what: "tesseract's chi_sim data",
    present: hasChineseOcrData,
    packages: ['tesseract-ocr-chi-sim'],
  },
  {
    what: '/usr/bin/pdftoppm',
    present: () => existsSync('/usr/bin/pdftoppm'),
    packages: ['poppler-utils'],
  },
];

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

const missing = NEEDS.filter((need) => !need.present());
if (missing.length === 0) {
  console.log(`ensure-chromium: ${NEEDS.map((n) => n.what).join(', ')} are present`);
} else {
  const packages = [...new Set(missing.flatMap((n) => n.packages))];
  const what = missing.map((n) => n.what).join(', ');
  const manual = `install them yourself: apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get'))
    fail(`${what} missing and this is not a Debian system with apt-get; ${manual}`);
  if (process.getuid?.() !== 0) fail(`${what} missing and installing needs root; ${manual}`);
  console.log(`ensure-chromium: installing ${packages.join(', ')} from Debian`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...packages]);
  const still = NEEDS.filter((need) => !need.present());
  if (still.length > 0)
    fail(`apt-get finished but ${still.map((n) => n.what).join(', ')} still missing`);
  console.log(`ensure-chromium: installed ${packages.join(', ')}`);
}
