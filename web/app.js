// entente dashboard: picks two countries, asks this server's /api for the report data, and draws
// the series (with phase bands and turning points), phases, key events, the neighbourhood and the
// scan as inline SVG and tables. No libraries; every text from data is set with textContent.
'use strict';

const NS = 'http://www.w3.org/2000/svg';
// Colours come from the report's palette (/palette.js, loaded first), so both draw alike.
const LEVEL = PALETTE.level;
const QUAD = [['vcoop', PALETTE.quad[0], 'verbal cooperation'], ['mcoop', PALETTE.quad[1], 'material cooperation'],
              ['vconf', PALETTE.quad[2], 'verbal conflict'], ['mconf', PALETTE.quad[3], 'material conflict']];
const ARROW = { warming: '\u2197', cooling: '\u2198', steady: '\u2192' };
const SECTOR = PALETTE.sector;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function $(id) { return document.getElementById(id); }
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function sv(tag, attrs, title) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (title) { const t = document.createElementNS(NS, 'title'); t.textContent = title; e.appendChild(t); }
  return e;
}
function signed(v, d) { return v === null || v === undefined || Number.isNaN(v) ? 'n/a' : (v >= 0 ? '+' : '') + v.toFixed(d); }
function fracYear(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const start = Date.UTC(y, 0, 1), end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, (m || 1) - 1, d || 1) - start) / (end - start);
}
function periodLength(by) { return by === 'month' ? 1 / 12 : by === 'quarter' ? 0.25 : 1; }
function safeLink(url) { return /^https?:\/\/[^\s"<>]+$/.test(url || ''); }

async function getJson(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({ error: { message: 'bad response from the server' } }));
  if (!res.ok) throw new Error((body.error && body.error.message) || ('HTTP ' + res.status));
  return body;
}

// A time frame shared by the charts of one dyad: fractional years -> px.
function frame(points, by, width, left, right) {
  const x0 = fracYear(points[0].start), x1 = fracYear(points[points.length - 1].start) + periodLength(by);
  return { width, left, right, x0, x1, by, x: (t) => left + (t - x0) / (x1 - x0) * (width - left - right) };
}
function yearTicks(f, target) {
  const span = f.x1 - f.x0;
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= target) || 50;
  const out = [];
  for (let y = Math.ceil(f.x0 / step) * step; y <= f.x1; y += step) out.push(y);
  return out;
}
function axes(svg, f, top, bottom, yscale, yticks, fmt, target) {
  for (const t of yticks) {
    svg.appendChild(sv('line', { x1: f.left, x2: f.width - f.right, y1: yscale(t), y2: yscale(t),
      stroke: t === 0 ? '#9aa3ab' : '#e6e9ec' }));
    svg.appendChild(sv('text', { x: f.left - 6, y: yscale(t) + 4, 'text-anchor': 'end' })).textContent = fmt(t);
  }
  for (const y of yearTicks(f, target)) {
    svg.appendChild(sv('line', { x1: f.x(y), x2: f.x(y), y1: bottom, y2: bottom + 4, stroke: '#9aa3ab' }));
    svg.appendChild(sv('text', { x: f.x(y), y: bottom + 16, 'text-anchor': 'middle' })).textContent = String(y);
  }
}
function linePath(points, f, yscale, value) {
  let d = '', down = false;
  points.forEach((p, i) => {
    const v = value(p);
    if (v === null || v === undefined) { down = false; return; }
    const x = f.x(fracYear(p.start) + periodLength(f.by) / 2).toFixed(1), y = yscale(v).toFixed(1);
    const next = points[i + 1] && value(points[i + 1]) !== null && value(points[i + 1]) !== undefined;
    if (!down && !next) { d += `M${x} ${y}h0`; return; }
    d += `${down ? 'L' : 'M'}${x} ${y}`;
    down = true;
  });
  return d;
}

// A filled band between lo(p) and hi(p), broken where a period has no value; a lone period is a
// bar 4 units wide.
function bandPath(points, f, yscale, lo, hi) {
  let d = '';
  const has = (p) => p && lo(p) !== null && lo(p) !== undefined && hi(p) !== null && hi(p) !== undefined;
  const xOf = (p) => f.x(fracYear(p.start) + periodLength(f.by) / 2);
  for (let i = 0; i < points.length;) {
    if (!has(points[i])) { i++; continue; }
    let end = i;
    while (end < points.length && has(points[end])) end++;
    const run = points.slice(i, end);
    if (run.length === 1) {
      const x = xOf(run[0]);
      d += `M${(x - 2).toFixed(1)} ${yscale(hi(run[0])).toFixed(1)}H${(x + 2).toFixed(1)}V${yscale(lo(run[0])).toFixed(1)}H${(x - 2).toFixed(1)}Z`;
    } else {
      run.forEach((p, j) => { d += `${j ? 'L' : 'M'}${xOf(p).toFixed(1)} ${yscale(hi(p)).toFixed(1)}`; });
      for (let j = run.length - 1; j >= 0; j--) d += `L${xOf(run[j]).toFixed(1)} ${yscale(lo(run[j])).toFixed(1)}`;
      d += 'Z';
    }
    i = end;
  }
  return d;
}

function drawSeries(report) {
  const pts = report.series.points, by = report.series.by;
  const W = 1000, H = 380, top = 48, bottom = H - 28;
  const f = frame(pts, by, W, 52, 48);
  const y = (v) => bottom - (v + 1) / 2 * (bottom - top);
  const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Net cooperation and Goldstein over time' });
  report.phases.phases.forEach((p, i) => {
    const xa = f.x(fracYear(p.start)), xb = f.x(fracYear(p.end) + 1 / 365.25);
    svg.appendChild(sv('rect', { x: xa, y: 22, width: Math.max(0, xb - xa), height: bottom - 22,
      fill: LEVEL[p.label] || '#8C8C8C', opacity: 0.17, class: 'band' },
      `${p.start_label}–${p.end_label}: ${p.label}, ${p.trend} (net cooperation ${signed(p.net_coop, 2)})`));
    const label = `${p.label} ${ARROW[p.trend] || ''}`;
    if (label.length * 6.4 + 6 <= xb - xa) {
      svg.appendChild(sv('text', { x: (xa + xb) / 2, y: 38, 'text-anchor': 'middle', class: 'band-label' })).textContent = label;
    }
    if (i > 0) {
      svg.appendChild(sv('line', { x1: xa, x2: xa, y1: 20, y2: bottom, stroke: '#333', 'stroke-dasharray': '3 3' }));
      const te = p.turning_events[0];
      svg.appendChild(sv('circle', { cx: xa, cy: 12, r: 8, fill: '#1d2329' },
        `Turning point ${i}: ${p.start_label}` + (te ? ` — ${te.date_text}: ${te.what}` : '')));
      const n = sv('text', { x: xa, y: 16, 'text-anchor': 'middle', style: 'fill:#fff;font-weight:700;font-size:10px;pointer-events:none' });
      n.textContent = String(i);
      svg.appendChild(n);
    }
  });
  // Weaker turns: hinted at by the data, not established (METHODS.md "How sure a turn is").
  for (const w of report.phases.weaker_turns || []) {
    const at = pts.find((p) => p.period === w.at);
    if (!at) continue;
    const x = f.x(fracYear(at.start));
    svg.appendChild(sv('line', { x1: x, x2: x, y1: 17, y2: bottom, stroke: '#8a939b', 'stroke-dasharray': '1 3' }));
    svg.appendChild(sv('circle', { cx: x, cy: 12, r: 4.5, fill: '#fff', stroke: '#5c656d', 'stroke-width': 1.5 },
      `Weaker turn: ${w.at} (net cooperation ${signed(w.net_coop_before, 2)} → ${signed(w.net_coop_after, 2)}, support ${w.support.toFixed(2)}; not a phase)`));
  }
  axes(svg, f, top, bottom, y, [-1, -0.5, 0, 0.5, 1], (t) => (t === 0 ? '0' : signed(t, 1)), 12);
  for (const g of [-10, -5, 0, 5, 10]) {
    svg.appendChild(sv('text', { x: W - 42, y: y(g / 10) + 4 })).textContent = g === 0 ? '0' : signed(g, 0);
  }
  svg.appendChild(sv('path', { d: bandPath(pts, f, y, (p) => p.net_coop_lo, (p) => p.net_coop_hi),
    fill: PALETTE.interval, 'fill-opacity': 0.12, class: 'interval' }, '90% interval of net cooperation'));
  svg.appendChild(sv('path', { d: linePath(pts, f, y, (p) => (p.goldstein_mean === null ? null : p.goldstein_mean / 10)),
    fill: 'none', stroke: PALETTE.goldstein, 'stroke-width': 1.8, 'stroke-dasharray': '5 3', 'stroke-linecap': 'round', class: 'line-goldstein' }, 'mean Goldstein (right axis)'));
  svg.appendChild(sv('path', { d: linePath(pts, f, y, (p) => p.net_coop), fill: 'none', stroke: PALETTE.netCoop,
    'stroke-width': 2.2, 'stroke-linecap': 'round', class: 'line-net' }, 'net cooperation (left axis)'));
  for (const p of pts) {
    if (p.net_coop === null) continue;
    svg.appendChild(sv('circle', { cx: f.x(fracYear(p.start) + periodLength(by) / 2), cy: y(p.net_coop), r: 2.6 },
      `${p.period}: ${p.events} events, net cooperation ${signed(p.net_coop, 2)} (90% ${signed(p.net_coop_lo, 2)} to ${signed(p.net_coop_hi, 2)}), Goldstein ${signed(p.goldstein_mean, 1)}`));
  }
  $('series-chart').replaceChildren(svg);

  // Volume by QuadClass.
  const VH = 150, vtop = 10, vbottom = VH - 26;
  const max = Math.max(1, ...pts.map((p) => p.weight));
  const vy = (v) => vbottom - v / max * (vbottom - vtop);
  const vol = sv('svg', { viewBox: `0 0 ${W} ${VH}`, role: 'img', 'aria-label': 'Events per period' });
  axes(vol, f, vtop, vbottom, vy, [0, Math.round(max / 2), max], (t) => String(t), 12);
  for (const p of pts) {
    let base = 0;
    const xa = f.x(fracYear(p.start)), w = Math.max(1, (f.x(fracYear(p.start) + periodLength(by)) - xa) * 0.8);
    for (const [key, colour, name] of QUAD) {
      const v = p[key] || 0;
      if (v <= 0) continue;
      vol.appendChild(sv('rect', { x: xa + w * 0.125, y: vy(base + v), width: w, height: vy(base) - vy(base + v), fill: colour },
        `${p.period}: ${v} ${name}`));
      base += v;
    }
  }
  $('volume-chart').replaceChildren(vol);
  const legend = $('series-legend');
  legend.replaceChildren();
  const item = (html) => { const s = el('span'); s.append(...html); legend.appendChild(s); };
  item([el('b', { style: 'border-color:#000' }), 'net cooperation (left)']);
  item([el('b', { class: 'dash', style: `border-color:${PALETTE.goldstein}` }), 'mean Goldstein (right)']);
  for (const [lvl, c] of Object.entries(LEVEL)) item([el('i', { style: `background:${c};opacity:.45` }), lvl]);
  for (const [, c, name] of QUAD) item([el('i', { style: `background:${c}` }), name]);
}

// Events per period stacked by sector, on the series' time axis (as the report's sector chart).
function drawSectors(report) {
  const pts = report.series.points, by = report.series.by, rows = report.sectors || [];
  const W = 1000, H = 190, top = 10, bottom = H - 26;
  const f = frame(pts, by, W, 52, 48);
  const totals = new Map();
  for (const r of rows) totals.set(r.start, (totals.get(r.start) || 0) + r.weight);
  const max = Math.max(1, ...totals.values());
  const y = (v) => bottom - v / max * (bottom - top);
  const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Events per period by sector', class: 'sector-chart' });
  axes(svg, f, top, bottom, y, [0, Math.round(max / 2), max], (t) => String(t), 12);
  const base = new Map();
  for (const r of rows) {
    if (r.weight <= 0) continue;
    const xa = f.x(fracYear(r.start)), w = Math.max(1, (f.x(fracYear(r.start) + periodLength(by)) - xa) * 0.8);
    const b = base.get(r.start) || 0;
    svg.appendChild(sv('rect', { x: xa + w * 0.125, y: y(b + r.weight), width: w, height: y(b) - y(b + r.weight),
      fill: SECTOR[r.sector] || '#8C8C8C', class: `sector-${r.sector}` },
      `${r.period} · ${r.sector}: ${r.events} events, net cooperation ${signed(r.net_coop, 2)}`));
    base.set(r.start, b + r.weight);
  }
  $('sector-chart').replaceChildren(svg);
  const legend = $('sector-legend');
  legend.replaceChildren();
  for (const [name, c] of Object.entries(SECTOR)) {
    const s = el('span');
    s.append(el('i', { style: `background:${c}` }), name);
    legend.appendChild(s);
  }
}

function sourceCell(e) {
  const td = el('td');
  const label = e.citation || (safeLink(e.url) ? new URL(e.url).host : '');
  if (safeLink(e.url)) td.appendChild(el('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, label));
  else td.textContent = label || '—';
  return td;
}

function drawTables(report) {
  const phases = $('phases').tBodies[0];
  phases.replaceChildren();
  for (const p of report.phases.phases) {
    const tr = el('tr');
    tr.append(el('td', {}, p.start_label === p.end_label ? p.start_label : `${p.start_label}–${p.end_label}`),
      el('td', {}, p.label), el('td', {}, `${p.trend} ${ARROW[p.trend] || ''}`),
      el('td', { class: 'num' }, p.events), el('td', { class: 'num' }, signed(p.net_coop, 2)),
      el('td', { class: 'num' }, p.support === null ? '' : `${p.support.toFixed(2)}×`),
      el('td', { class: 'why' }, p.turning_events.map((t) => `${t.date_text}: ${t.what}`).join(' · ')));
    phases.appendChild(tr);
  }
  const ke = $('key-events').tBodies[0];
  ke.replaceChildren();
  for (const k of report.key_events) {
    const tr = el('tr');
    const what = el('td', {}, k.what);
    what.append(el('br'), el('span', { class: 'code' }, `${k.code} ${k.code_label}`));
    const weight = el('td', { class: 'weight' }, k.salience.toFixed(1));
    weight.append(el('br'), el('span', { class: 'why' }, k.why));
    tr.append(el('td', { class: 'num' }, k.date_text),
      el('td', {}, `${k.source.name} (${k.source.code}) → ${k.target.name} (${k.target.code})`),
      what, el('td', {}, k.sector), weight, sourceCell(k));
    ke.appendChild(tr);
  }
  const tri = $('triangle').tBodies[0];
  tri.replaceChildren();
  const minis = $('minis');
  minis.replaceChildren();
  const main = `${report.dyad.a}-${report.dyad.b}`;
  for (const t of report.triangle) {
    const s = t.vs_main, tr = el('tr');
    let lag = 'too little overlap';
    if (s.r_at_lag !== null) lag = s.best_lag === 0 ? 'move together' : `${s.best_lag > 0 ? main : t.dyad} leads by ${Math.abs(s.best_lag)} ${report.series.by}(s)`;
    tr.append(el('td', {}, `${t.dyad} (${t.a_name}–${t.b_name})`), el('td', { class: 'num' }, t.events),
      el('td', { class: 'num' }, signed(s.r, 2)), el('td', {}, lag));
    tri.appendChild(tr);
    if (!t.series) continue;
    const W = 320, H = 120, top = 6, bottom = H - 22;
    const f = frame(t.series.points, t.series.by, W, 30, 8);
    const y = (v) => bottom - (v + 1) / 2 * (bottom - top);
    const svg = sv('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t.dyad });
    axes(svg, f, top, bottom, y, [-1, 0, 1], (v) => (v === 0 ? '0' : signed(v, 0)), 4);
    const ref = report.series.points.filter((p) => fracYear(p.start) >= f.x0 && fracYear(p.start) < f.x1);
    svg.appendChild(sv('path', { d: linePath(ref, f, y, (p) => p.net_coop), fill: 'none', stroke: '#B0B0B0', 'stroke-width': 1.5, 'stroke-linecap': 'round' }, main));
    svg.appendChild(sv('path', { d: linePath(t.series.points, f, y, (p) => p.net_coop), fill: 'none', stroke: '#0072B2', 'stroke-width': 2, 'stroke-linecap': 'round' }, t.dyad));
    // Dots for every period with events: a sparse dyad is a scatter of points, not a blank box.
    for (const p of t.series.points) {
      if (p.net_coop === null || p.net_coop === undefined) continue;
      svg.appendChild(sv('circle', { cx: f.x(fracYear(p.start) + periodLength(f.by) / 2), cy: y(p.net_coop), r: 2.4, fill: '#0072B2' },
        `${p.period}: ${p.events} events, net cooperation ${signed(p.net_coop, 2)}`));
    }
    const box = el('div');
    box.append(el('h3', {}, `${t.dyad} · ${t.events} events · r ${signed(s.r, 2)}`), svg);
    minis.appendChild(box);
  }
}

// What moved at a track turn, worded as the report words it (report/headline.cc TrackChangeText).
function trackChange(t, by) {
  const pct = (v) => `${(100 * v).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`;
  if (t.track === 'density') {
    return t.measure === 'intensity' ? `${pct(t.before)} → ${pct(t.after)} of the actors' events`
      : `${t.before.toFixed(1)} → ${t.after.toFixed(1)} events a ${by}`;
  }
  if (t.track === 'kind') return `${t.sector} ${pct(t.before)} → ${pct(t.after)} of events`;
  return `net cooperation ${signed(t.before, 2)} → ${signed(t.after, 2)}`;
}

function drawTracks(report) {
  const sp = report.phases.sparsity, note = $('sparsity');
  note.hidden = !sp.sparse;
  if (sp.sparse) {
    const by = report.series.by;
    const need = sp.events_needed === null ? 'no number of events establishes it'
      : `about ${Math.ceil(sp.events_needed)} are needed`;
    note.textContent = `Too sparse to establish a turn of ${sp.turn_size} in net cooperation: a median of ` +
      `${sp.median_events} events per ${by} with events, and ${need} over ${sp.periods_each_side} ${by}s either side. ` +
      'A steady phase here may be a turn the data cannot show.';
  }
  const d = report.tracks.density;
  $('tracks-note').textContent = 'Each track is segmented on its own signal: tone (net cooperation), density (' +
    (d.by_count ? 'events per period: the record is a curated chronicle' : "the dyad's share of its actors' events") +
    ') and kind (the sector mix).';
  const body = $('tracks').tBodies[0];
  body.replaceChildren();
  for (const t of report.tracks.turns) {
    const tr = el('tr');
    tr.append(el('td', {}, t.at), el('td', {}, t.track), el('td', {}, trackChange(t, report.series.by)),
      el('td', { class: 'num' }, t.support === null ? '' : `${t.support.toFixed(2)}×`),
      el('td', { class: 'why' }, t.turning_events.slice(0, 2).map((e) => `${e.date_text}: ${e.what}`).join(' · ')));
    body.appendChild(tr);
  }
}

function drawHeadline(report) {
  const h = report.headline, box = $('headline');
  box.replaceChildren(el('h1', {}, `${report.dyad.a_name}–${report.dyad.b_name}: ${h.current_phase} since ${h.since}, ${h.current_trend}`));
  for (const s of h.sentences) box.appendChild(el('p', {}, s));
  if (h.signals.length) {
    const ul = el('ul');
    for (const k of h.signals) ul.appendChild(el('li', {}, `${k.date_text}: ${k.what} (${k.why})`));
    box.append(el('p', {}, 'Strongest recent signals:'), ul);
  }
  $('source-note').textContent = `Data: ${report.data.source}; ${report.data.events} events from ${report.data.first_date} to ${report.data.last_date}.`;
}

// The view is the URL's query (?a=GEO&b=RUS&by=month&from=2011&to=2013), so it can be bookmarked,
// shared and reloaded, and back/forward walk through the views shown.
function viewQuery(v) {
  const q = new URLSearchParams({ a: v.a, b: v.b, by: v.by });
  if (v.from) q.set('from', v.from);
  if (v.to) q.set('to', v.to);
  return q.toString();
}
function viewFromUrl() {
  const q = new URLSearchParams(location.search);
  if (!q.get('a') || !q.get('b')) return null;
  const by = ['year', 'quarter', 'month'].includes(q.get('by')) ? q.get('by') : 'year';
  return { a: q.get('a').toUpperCase(), b: q.get('b').toUpperCase(), by,
           from: q.get('from') || '', to: q.get('to') || '' };
}
function viewFromControls() {
  return { a: $('a').value, b: $('b').value, by: $('by').value, from: $('from').value.trim(), to: $('to').value.trim() };
}
function setControls(v) {
  for (const id of ['a', 'b']) {
    const sel = $(id);
    if (![...sel.options].some((o) => o.value === v[id])) sel.appendChild(el('option', { value: v[id] }, v[id]));
    sel.value = v[id];
  }
  $('by').value = v.by;
  $('from').value = v.from || '';
  $('to').value = v.to || '';
}
function remember(v) {
  try { localStorage.setItem('entente.view', JSON.stringify(v)); } catch (e) { /* storage off: no memory */ }
}
function lastViewed() {
  try { const v = JSON.parse(localStorage.getItem('entente.view') || 'null'); return v && v.a && v.b ? v : null; } catch (e) { return null; }
}

let shown = 0;  // so that a slow answer for an older view never replaces a newer one
async function show(v) {
  const status = $('status'), content = $('content'), ticket = ++shown;
  status.className = 'status';
  status.textContent = `Loading ${v.a}–${v.b}…`;
  $('printable').href = `report.html?${viewQuery(v)}`;
  try {
    for (const d of [v.from, v.to]) {
      if (d && !DATE.test(d)) throw new Error(`'${d}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    const report = await getJson(`/api/report?${viewQuery(v)}`);
    if (ticket !== shown) return;
    drawHeadline(report);
    drawSeries(report);
    drawSectors(report);
    drawTables(report);
    drawTracks(report);
    content.hidden = false;
    status.textContent = '';
    remember(v);
  } catch (err) {
    if (ticket !== shown) return;
    // The previous dyad's content would read as this one's: clear it and show why instead.
    for (const id of ['headline', 'series-chart', 'volume-chart', 'sector-chart', 'minis']) $(id).replaceChildren();
    for (const id of ['phases', 'tracks', 'key-events', 'triangle']) $(id).tBodies[0].replaceChildren();
    $('sparsity').hidden = true;
    $('source-note').textContent = '';
    content.hidden = true;
    status.className = 'status error';
    status.textContent = `${v.a}–${v.b}: ${err.message}`;
  }
}
function go(v) {
  setControls(v);
  if (location.search.slice(1) !== viewQuery(v)) history.pushState(v, '', `?${viewQuery(v)}`);
  return show(v);
}

async function loadScan() {
  try {
    const scan = await getJson('/api/scan?by=year&window=1&top=15&min_events=3');
    const body = $('scan').tBodies[0];
    body.replaceChildren();
    for (const r of scan.rows) {
      const tr = el('tr', { title: `Show ${r.dyad}` });
      tr.append(el('td', {}, r.dyad), el('td', { class: 'num' }, r.events_before), el('td', { class: 'num' }, r.events_after),
        el('td', { class: 'num' }, signed(r.net_coop_before, 2)), el('td', { class: 'num' }, signed(r.net_coop_after, 2)),
        el('td', { class: 'num' }, signed(r.change, 2)));
      tr.addEventListener('click', () => go({ ...viewFromControls(), a: r.a, b: r.b }));
      body.appendChild(tr);
    }
  } catch (err) {
    $('scan').tBodies[0].replaceChildren(el('tr', {}, null));
    $('scan').tBodies[0].firstChild.appendChild(el('td', { colspan: 6, class: 'why' }, err.message));
  }
}

async function init() {
  try {
    const info = await getJson('/api/info');
    const countries = info.countries.slice().sort((x, y) => y.events - x.events || x.code.localeCompare(y.code));
    for (const id of ['a', 'b']) {
      const sel = $(id);
      for (const c of countries) sel.appendChild(el('option', { value: c.code }, `${c.name} (${c.code})`));
    }
    // The view in the URL, else the last one viewed here, else the dyad the store holds most of.
    const top = info.dyads[0] ? { a: info.dyads[0].a, b: info.dyads[0].b, by: 'year', from: '', to: '' }
                              : { a: 'PAK', b: 'RUS', by: 'year', from: '', to: '' };
    const v = viewFromUrl() || lastViewed() || top;
    setControls(v);
    history.replaceState(v, '', `?${viewQuery(v)}`);
    $('pick').addEventListener('submit', (ev) => { ev.preventDefault(); go(viewFromControls()); });
    window.addEventListener('popstate', () => { const u = viewFromUrl(); if (u) { setControls(u); show(u); } });
    await show(v);
    await loadScan();
  } catch (err) {
    $('status').className = 'status error';
    $('status').textContent = err.message;
  }
}

init();
