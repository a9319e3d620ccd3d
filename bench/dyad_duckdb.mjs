// DuckDB baseline for bench/run_dyad_process.sh: a dyad's monthly series with its intensity
// denominator, as an analyst would ask DuckDB in one process: the file loaded once into a
// database, then both queries timed warm (median of RUNS). The series is what `entente dyad A B
// --by month` prints: per month, events per QuadClass and the Goldstein sum of the dyad, and the
// events involving A or B.
//   node bench/dyad_duckdb.mjs FILE DBFILE RUNS A B [A2 B2 ...]
// Prints per dyad: dyad<TAB>A-B<TAB>median_ms<TAB>months, events.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

import { columnsSql, GDELT2_COLUMNS } from './gdelt_columns.mjs';

const [file, dbFile, runsArg, ...pairs] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

const inst = await DuckDBInstance.create(dbFile, { threads: '2' });
const conn = await inst.connect();
const tables = (await conn.runAndReadAll(
  "SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'")).getRows();
if (Number(tables[0][0]) === 0) {
  // GDELT 2.0 export: 61 tab-separated columns, no header, no quoting; only what the queries read
  // is typed, the rest kept as text.
  const typed = { SQLDATE: 'INTEGER', QuadClass: 'INTEGER', GoldsteinScale: 'DOUBLE' };
  const cols = columnsSql(Object.fromEntries(
    Object.keys(GDELT2_COLUMNS).map((n) => [n, typed[n] || 'VARCHAR'])));
  await conn.run(`CREATE TABLE events AS SELECT * FROM read_csv('${file}', delim='\t', ` +
    `header=false, quote='', escape='', columns=${cols})`);
  await conn.run('CHECKPOINT');
}

// An actor pattern P matches an actor as entente's filter does (core/filter.cc ActorMatches).
const is = (side, p) => `(starts_with(${side}Code, '${p}') OR ${side}CountryCode = '${p}')`;
for (let i = 0; i + 1 < pairs.length; i += 2) {
  const [a, b] = [pairs[i], pairs[i + 1]];
  const series = `SELECT SQLDATE // 100 AS month, ` +
    `count(*) FILTER (WHERE QuadClass = 1), count(*) FILTER (WHERE QuadClass = 2), ` +
    `count(*) FILTER (WHERE QuadClass = 3), count(*) FILTER (WHERE QuadClass = 4), ` +
    `count(*) AS n, sum(GoldsteinScale) FROM events ` +
    `WHERE (${is('Actor1', a)} AND ${is('Actor2', b)}) OR (${is('Actor1', b)} AND ${is('Actor2', a)}) ` +
    `GROUP BY 1 ORDER BY 1`;
  const volume = `SELECT SQLDATE // 100 AS month, count(*) FROM events WHERE ` +
    `${is('Actor1', a)} OR ${is('Actor2', a)} OR ${is('Actor1', b)} OR ${is('Actor2', b)} ` +
    `GROUP BY 1 ORDER BY 1`;
  let months = 0, events = 0;
  const ms = [];
  for (let r = 0; r <= runs; ++r) {  // run 0 warms up
    const t0 = performance.now();
    const rows = (await conn.runAndReadAll(series)).getRows();
    await conn.runAndReadAll(volume);
    if (r > 0) ms.push(performance.now() - t0);
    months = rows.length;
    events = rows.reduce((s, row) => s + Number(row[5]), 0);
  }
  console.log(`dyad\t${a}-${b}\t${median(ms).toFixed(1)}\t${months} months, ${events} events`);
}
conn.closeSync();
inst.closeSync();
fs.rmSync(dbFile + '.wal', { force: true });
