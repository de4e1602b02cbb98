import { serve, launch, openPage } from '/work/main/test/e2e/harness.ts';
const [path = '/', out = '/tmp/shot.png', w = '1280', full = '1'] = process.argv.slice(2);
const s = await serve(); const b = await launch();
const { page, errors, external } = await openPage(b, s.url, { viewport: { width: Number(w), height: 900 } });
await page.goto(s.url + path); await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: full === '1' });
console.log('errors', errors, 'external', external);
await b.close(); await s.close();
