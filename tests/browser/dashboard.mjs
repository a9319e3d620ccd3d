// Drives the dashboard in headless Chromium as a user would: it opens on the dyad the store holds
// most of, a dyad and a range are picked, the URL holds the view, a reload brings the same view
// back, back/forward walk the views, an error clears the old content, a new page opens on the last
// view, phase labels keep whole words, and no console error is logged. Usage: node dashboard.mjs BASE_URL CHROMIUM SHOT.png
import { chromium } from 'playwright-core';

const [base, executablePath, shot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
let expectRefusal = false;  // step 6 asks for what the server refuses; Chromium logs the 400
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (expectRefusal && /status of 400/.test(m.text())) return;
  errors.push(m.text());
});
page.on('pageerror', (e) => errors.push(String(e)));

// A view is shown when the status line is empty and the headline names the dyad.
async function shown() {
  await page.waitForFunction(() => document.getElementById('status').textContent === '' &&
                                   document.querySelector('#headline h1'), null, { timeout: 30000 });
}
const controls = () => page.evaluate(() => ['a', 'b', 'by', 'from', 'to'].map(
  (id) => document.getElementById(id).value).join(' '));
const query = () => page.evaluate(() => location.search);
const headline = () => page.textContent('#headline h1');

try {
  const info = await (await fetch(`${base}api/info`)).json();
  const top = info.dyads[0];

  // 1. Opens on the dyad the store holds most of.
  await page.goto(base);
  await shown();
  check((await controls()) === `${top.a} ${top.b} year  `, `opened on ${await controls()}, not ${top.a}-${top.b}`);
  check((await page.locator('#series-chart path.line-net').count()) === 1, 'no net cooperation line');
  check((await page.locator('#sector-chart rect').count()) > 0, 'no sector bars');
  check((await page.locator('#tracks tbody tr').count()) > 0, 'no turns in the three tracks');

  // 2. Pick a dyad, a period and a range: the URL holds the view.
  const pick = top.a === 'IND' && top.b === 'PAK' ? ['PAK', 'RUS'] : ['IND', 'PAK'];
  await page.selectOption('#a', pick[0]);
  await page.selectOption('#b', pick[1]);
  await page.selectOption('#by', 'quarter');
  await page.fill('#from', '1965');
  await page.fill('#to', '1990');
  await page.click('#pick button[type=submit]');
  await shown();
  const picked = await query();
  check(picked === `?a=${pick[0]}&b=${pick[1]}&by=quarter&from=1965&to=1990`, `URL after picking: ${picked}`);
  const pickedHeadline = await headline();
  const firstPeriod = await page.evaluate(() => document.querySelector('#phases tbody td').textContent);
  check(firstPeriod.startsWith('1965'), `first phase starts ${firstPeriod}, not in 1965`);

  // 4. Reload: the same view comes back.
  await page.reload();
  await shown();
  const view = `${pick[0]} ${pick[1]} quarter 1965 1990`;
  check((await controls()) === view, `after reload the controls say ${await controls()}`);
  check((await headline()) === pickedHeadline, 'after reload the headline differs');

  // 5. Back and forward walk the views.
  await page.goBack();
  await shown();
  check((await controls()) === `${top.a} ${top.b} year  `, `back gave ${await controls()}`);
  await page.goForward();
  await shown();
  check((await controls()) === view, `forward gave ${await controls()}`);

  // 6. An error clears the previous dyad's content and says why where it was.
  expectRefusal = true;
  await page.fill('#from', '2090');
  await page.fill('#to', '2095');
  await page.click('#pick button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'),
                             null, { timeout: 30000 });
  check(await page.evaluate(() => document.getElementById('content').hidden), 'old content still shown after an error');
  check((await page.locator('#headline h1').count()) === 0, 'old headline kept after an error');
  check((await page.textContent('#status')).startsWith(`${pick[0]}–${pick[1]}: `), 'the error does not name the dyad');
  expectRefusal = false;

  // 7. A fresh page opens on the last view shown here.
  const again = await context.newPage();
  again.on('pageerror', (e) => errors.push(String(e)));
  await page.close();
  await again.goto(base);
  await again.waitForFunction(() => document.getElementById('status').textContent === '' &&
                                    document.querySelector('#headline h1'), null, { timeout: 30000 });
  const remembered = await again.evaluate(() => ['a', 'b', 'by', 'from', 'to'].map(
    (id) => document.getElementById(id).value).join(' '));
  check(remembered === view, `a new page opened on ${remembered}, not the last view ${view}`);

  // 8. Phase labels and trends stay whole words, at a wide and a narrow width, on a view with
  //    many phases and long turning-event texts beside them.
  await again.goto(`${base}?a=PAK&b=RUS&by=month`);
  await again.waitForFunction(() => document.getElementById('status').textContent === '' &&
                                    document.querySelector('#headline h1'), null, { timeout: 30000 });
  for (const width of [1280, 760]) {
    await again.setViewportSize({ width, height: 900 });
    const broken = await again.evaluate(() => [...document.querySelectorAll('#phases tbody tr')].flatMap(
      (tr) => [1, 2].map((i) => tr.cells[i]).filter((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        return r.getClientRects().length > 1;
      }).map((td) => td.textContent)));
    check(broken.length === 0, `phase cells wrap at ${width}px: ${broken.join(', ')}`);
  }
  await again.setViewportSize({ width: 1280, height: 900 });
  await again.screenshot({ path: shot, fullPage: true });
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
}
for (const e of errors) failures.push(`console: ${e}`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log('dashboard: all checks passed');
