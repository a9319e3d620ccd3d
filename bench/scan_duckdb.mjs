// DuckDB baseline for bench/run_analysis.sh: the same scan as analysis::ScanDyads in SQL, on the
// same generated GDELT 2.0 file loaded into a DuckDB database (warm, median of N runs after one
// warm-up), plus the dyad's monthly aggregate that FindPhases starts from (SQL cannot do PELT).
//   node bench/scan_duckdb.mjs FILE DBFILE RUNS A B
// Prints name<TAB>median_ms<TAB>result.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

import { columnsSql, GDELT2_COLUMNS } from './gdelt_columns.mjs';

const [file, dbFile, runsArg, a, b] = process.argv.slice(2);
const runs = Number(runsArg || 5);

const colSql = columnsSql(GDELT2_COLUMNS);

const median = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

if (!fs.existsSync(dbFile)) {  // untimed setup: load once
  const inst = await DuckDBInstance.create(dbFile, { threads: '2' });
  const conn = await inst.connect();
  await conn.run(`CREATE TABLE events AS SELECT * FROM read_csv('${file}', delim='\t', ` +
    `header=false, quote='', escape='', columns=${colSql})`);
  await conn.run('CHECKPOINT');
  conn.closeSync?.();
}
const inst = await DuckDBInstance.create(dbFile, { threads: '2' });
const conn = await inst.connect();
await conn.run('SET threads=2');

// The dyad side as DyadCountry does it: the country code, else the actor code (the generator
// always sets a country when the code starts with one).
const side = (p) => `CASE WHEN ${p}CountryCode <> '' THEN ${p}CountryCode ELSE ${p}Code END`;
const scanSql = `
WITH e AS (
  SELECT least(${side('Actor1')}, ${side('Actor2')}) AS a,
         greatest(${side('Actor1')}, ${side('Actor2')}) AS b,
         SQLDATE // 10000 AS p, QuadClass AS q
  FROM events),
per AS (
  SELECT a, b, p, count(*) AS n,
         sum(CASE WHEN q IN (1, 2) THEN 1 ELSE 0 END) AS coop,
         sum(CASE WHEN q IN (3, 4) THEN 1 ELSE 0 END) AS conf
  FROM e WHERE a <> '' AND b <> '' AND a <> b AND a IS NOT NULL AND b IS NOT NULL
  GROUP BY a, b, p),
lp AS (SELECT max(p) AS last FROM per),
win AS (
  SELECT a, b,
         sum(n) FILTER (WHERE p = last - 1) AS nb, sum(n) FILTER (WHERE p = last) AS na,
         sum(coop) FILTER (WHERE p = last - 1) AS cb, sum(conf) FILTER (WHERE p = last - 1) AS fb,
         sum(coop) FILTER (WHERE p = last) AS ca, sum(conf) FILTER (WHERE p = last) AS fa
  FROM per, lp GROUP BY a, b),
hist AS (
  SELECT a, b, stddev_samp(d) AS sd FROM (
    SELECT a, b, nc - lag(nc) OVER (PARTITION BY a, b ORDER BY p) AS d FROM (
      SELECT a, b, p, CASE WHEN coop + conf > 0 THEN (coop - conf) / (coop + conf) ELSE 0 END AS nc
      FROM per, lp WHERE p < last))
  GROUP BY a, b)
SELECT w.a || '-' || w.b AS dyad, nb, na,
       CASE WHEN cb + fb > 0 THEN (cb - fb) / (cb + fb) ELSE 0 END AS before,
       CASE WHEN ca + fa > 0 THEN (ca - fa) / (ca + fa) ELSE 0 END AS after,
       after - before AS change, change / nullif(h.sd, 0) AS z
FROM win w LEFT JOIN hist h ON w.a = h.a AND w.b = h.b
WHERE nb >= 10 AND na >= 10
ORDER BY change DESC, dyad LIMIT 20`;

const dyadSql = `SELECT SQLDATE // 100 AS month, count(*) AS n,
  sum(CASE WHEN QuadClass IN (1, 2) THEN 1 ELSE 0 END) AS coop, sum(GoldsteinScale) AS g
  FROM events WHERE (${side('Actor1')} = '${a}' AND ${side('Actor2')} = '${b}')
     OR (${side('Actor1')} = '${b}' AND ${side('Actor2')} = '${a}')
  GROUP BY 1 ORDER BY 1`;

async function timed(name, sql, describe) {
  let rows = (await conn.runAndReadAll(sql)).getRows();  // warm-up
  const ms = [];
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    rows = (await conn.runAndReadAll(sql)).getRows();
    ms.push(performance.now() - t0);
  }
  console.log(`${name}\t${median(ms).toFixed(2)}\t${describe(rows)}`);
}

await timed('scan', scanSql,
  (rows) => `${rows.length} rows, top ${rows.length ? rows[0][0] + ' ' + Number(rows[0][5]).toFixed(6) : '-'}`);
await timed('phases_input', dyadSql, (rows) => `${rows.length} months`);
