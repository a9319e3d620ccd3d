// Load against one running `entente serve` (docs/BENCHMARKS.md, "Server"): autocannon with C
// connections for D seconds per endpoint, then the slow-client check. Prints one TSV row per run:
//   label  endpoint  req_per_s  p50_ms  p99_ms  max_ms  non2xx  errors  timeouts
// and for the slow-client check:
//   label  slow-clients  quiet_ms  with_64_drip_64_idle_ms  delay_ms  failures
// Only ever targets 127.0.0.1; every phase has a fixed duration.
//
// Usage: node server_load.mjs LABEL PORT CONNECTIONS SECONDS
import autocannon from 'autocannon';
import net from 'node:net';
import http from 'node:http';

const [label, port, conns, secs] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;

function get(path, timeout = 30000) {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.get(`${base}${path}`, { agent: false, timeout }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body,
                                    ms: Number(process.hrtime.bigint() - t) / 1e6 }));
    });
    req.on('error', () => resolve({ status: 0, body: '', ms: NaN }));
    req.on('timeout', () => req.destroy());
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Each run starts after the previous one's requests have drained: the server gives up on any
// request after 10 s, so its leftovers do not count against the next endpoint.
async function cannon(name, opts) {
  await sleep(11000);
  const r = await autocannon({ url: base, connections: Number(conns), duration: Number(secs),
                               timeout: 10, ...opts });
  console.log([label, name, r.requests.average.toFixed(1), r.latency.p50, r.latency.p99,
               r.latency.max, r.non2xx, r.errors, r.timeouts].join('\t'));
}

const info = JSON.parse((await get('/api/info')).body);
// Dyads of two named countries (the generator also makes events with no country, or a sector
// code such as GOV in the country's place).
const named = new Set(info.countries.filter((c) => c.name !== c.code).map((c) => c.code));
const dyads = info.dyads.filter((d) => named.has(d.a) && named.has(d.b));
const [top] = dyads;
console.error(`# ${label}: dyad ${top.a}-${top.b}, ${dyads.length} dyads in the varied mix`);
const dyad = `a=${top.a}&b=${top.b}`;
for (const path of [`/api/dyad?${dyad}&by=month`, `/api/phases?${dyad}&by=month`,
                    `/api/key-events?${dyad}`, '/api/info', `/report.html?${dyad}`]) {
  await cannon(path.split('?')[0], { requests: [{ method: 'GET', path }] });
}
// Varied: every request a different question (up to 200 dyads x 4 periods x 2 ranges),
// so the answer cache rarely helps.
const shapes = [];
for (const d of dyads) {
  for (const by of ['year', 'quarter', 'month', 'week']) {
    for (const from of ['', '&from=2016']) shapes.push(`/api/dyad?a=${d.a}&b=${d.b}&by=${by}${from}`);
  }
}
let next = 0;
await cannon('/api/dyad varied', {
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: shapes[next++ % shapes.length] }) }],
});

// Slow clients: 64 connections that send a header line every 2 s and 64 that send nothing, while
// 20 normal requests are timed (5 s timeout; stops after 2 failures); against the same 20 requests with no slow clients.
async function timeNormal() {
  let worst = 0, failures = 0;
  for (let i = 0; i < 20 && failures < 2; ++i) {
    const r = await get(i % 2 ? '/app.js' : '/api/info', 5000);
    if (r.status !== 200) failures++;
    else worst = Math.max(worst, r.ms);
  }
  return { worst, failures };
}
await sleep(11000);
const quiet = await timeNormal();
const sockets = [];
for (let i = 0; i < 128; ++i) {
  const s = net.connect(Number(port), '127.0.0.1');
  s.on('error', () => {});
  if (i % 2 === 0) s.write('GET /api/info HTTP/1.1\r\n');
  sockets.push(s);
}
const drip = setInterval(() => sockets.forEach((s, i) => i % 2 === 0 && s.write('X-Drip: 1\r\n')), 2000);
await sleep(1000);
const loaded = await timeNormal();
clearInterval(drip);
sockets.forEach((s) => s.destroy());
console.log([label, 'slow-clients', quiet.worst.toFixed(1), loaded.worst.toFixed(1),
             (loaded.worst - quiet.worst).toFixed(1), loaded.failures].join('\t'));
