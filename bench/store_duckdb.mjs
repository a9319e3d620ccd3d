// DuckDB baseline for the store benchmarks (bench/run_store.sh): the same work as store_bench.cc
// on the same generated GDELT 2.0 file, timed inside this process, warm, median of N runs.
//   node bench/store_duckdb.mjs FILE DBFILE RUNS INGEST_RUNS A B
// Prints one line per measurement: name<TAB>median_ms<TAB>result (rows or a checksum).
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

import { columnsSql, GDELT2_COLUMNS } from './gdelt_columns.mjs';

const [file, dbFile, runsArg, ingestRunsArg, a, b] = process.argv.slice(2);
const runs = Number(runsArg || 5), ingestRuns = Number(ingestRunsArg || 3);

// GDELT 2.0 export: 61 tab-separated columns, no header, no quoting.
const colSql = columnsSql(GDELT2_COLUMNS);
const load = `CREATE TABLE events AS SELECT * FROM read_csv('${file}', delim='\t', header=false, ` +
  `quote='', escape='', columns=${colSql})`;

// CPU time of this process in ms (DuckDB's threads included): fair when the cores are shared.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const rm = (p) => { for (const f of [p, p + '.wal']) { try { fs.unlinkSync(f); } catch {} } };

async function open(path) {
  const inst = await DuckDBInstance.create(path, { threads: '2' });
  const conn = await inst.connect();
  await conn.run('SET threads=2');
  return { inst, conn };
}

// Ingest: a fresh database file each run; timed from CREATE TABLE to a finished CHECKPOINT.
const ingestMs = [], ingestCpu = [];
for (let i = 0; i < ingestRuns; ++i) {
  rm(dbFile);
  const { inst, conn } = await open(dbFile);
  const c0 = cpuMs(), t0 = performance.now();
  await conn.run(load);
  await conn.run('CHECKPOINT');
  ingestMs.push(performance.now() - t0);
  ingestCpu.push(cpuMs() - c0);
  conn.closeSync();
  inst.closeSync();  // releases the file and its buffer pool before the next fresh run
}
const { conn } = await open(dbFile);
const count = (await conn.runAndReadAll('SELECT count(*) FROM events')).getRows()[0][0];
console.log(`ingest\t${median(ingestMs).toFixed(1)}\t${count} rows`);
console.log(`ingest_cpu\t${median(ingestCpu).toFixed(1)}\tCPU ms, all threads`);
console.log(`bytes\t${fs.statSync(dbFile).size}\tdatabase file after CHECKPOINT`);

// Each query returns (group..., n, g): events and Goldstein sum last, so the answer can be checked
// against store_bench's (same groups, events, Goldstein sum to 0.1).
async function timed(name, sql) {
  let rows = [];
  (await conn.runAndReadAll(sql)).getRows();  // warm-up
  const ms = [], cpu = [];
  for (let i = 0; i < runs; ++i) {
    const c0 = cpuMs(), t0 = performance.now();
    rows = (await conn.runAndReadAll(sql)).getRows();
    ms.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  let events = 0, gold = 0;
  for (const r of rows) {
    events += Number(r[r.length - 2]);
    gold += Number(r[r.length - 1] ?? 0);
  }
  console.log(`${name}\t${median(ms).toFixed(2)}\t${rows.length} groups, ${events} events, ` +
    `goldstein ${gold.toFixed(1)}`);
  console.log(`${name}_cpu\t${median(cpu).toFixed(2)}\tCPU ms, all threads`);
}

// An actor pattern P (3 letters) matches an actor as entente's filter does (core/filter.cc
// ActorMatches): its code starts with P or its country is P. Per month: events per QuadClass and
// the Goldstein sum, which is what one AggregateRow of store_bench holds.
const is = (side, p) => `(starts_with(${side}Code, '${p}') OR ${side}CountryCode = '${p}')`;
await timed('dyad_series', `SELECT SQLDATE // 100 AS month, ` +
  `count(*) FILTER (WHERE QuadClass = 1) AS q1, count(*) FILTER (WHERE QuadClass = 2) AS q2, ` +
  `count(*) FILTER (WHERE QuadClass = 3) AS q3, count(*) FILTER (WHERE QuadClass = 4) AS q4, ` +
  `count(*) AS n, sum(GoldsteinScale) AS g FROM events ` +
  `WHERE (${is('Actor1', a)} AND ${is('Actor2', b)}) OR (${is('Actor1', b)} AND ${is('Actor2', a)}) ` +
  `GROUP BY 1 ORDER BY 1`);
await timed('full_scan', `SELECT EventRootCode, SQLDATE // 10000 AS year, count(*) AS n, ` +
  `sum(GoldsteinScale) AS g FROM events GROUP BY 1, 2 ORDER BY 1, 2`);
