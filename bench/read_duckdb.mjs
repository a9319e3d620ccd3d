// DuckDB baseline for bench/read_bench.cc: the same GDELT 2.0 file through read_csv with all 61
// columns typed, one thread, best of N timed runs after one warm-up. Prints the same answer
// (count and sums) so the two can be checked against each other.
//
// Usage: node bench/read_duckdb.mjs FILE [RUNS]   (npm install in bench/ first)
import { DuckDBInstance } from '@duckdb/node-api';

import { columnsSql, GDELT2_COLUMNS } from './gdelt_columns.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
if (!file) {
  console.error('usage: node read_duckdb.mjs FILE [RUNS]');
  process.exit(2);
}

const spec = columnsSql({ ...GDELT2_COLUMNS, SQLDATE: 'DATE' });
const sql = `SELECT count(*), sum(GoldsteinScale), sum(NumMentions), sum(AvgTone), max(SQLDATE)
  FROM read_csv('${file.replaceAll("'", "''")}', delim='\\t', header=false, quote='', escape='',
                dateformat='%Y%m%d', auto_detect=false, columns=${spec})`;

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run('SET threads=1');
let answer;
const seconds = [];
const cpu = [];
for (let run = 0; run <= runs; ++run) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const reader = await con.runAndReadAll(sql);
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  answer = reader.getRows()[0];
  if (run > 0) {
    seconds.push(Number(t1 - t0) / 1e9);
    cpu.push((c.user + c.system) / 1e6);
  }
}
seconds.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const bestCpu = cpu[0];
const best = seconds[0];
const median = seconds[Math.floor(seconds.length / 2)];
const { statSync } = await import('node:fs');
const bytes = statSync(file).size;
const rows = Number(answer[0]);
console.log(`duckdb   rows=${rows} bytes=${bytes} best=${best.toFixed(3)}s median=${median.toFixed(3)}s ` +
            `cpu=${bestCpu.toFixed(3)}s  ${(bytes / 1e6 / best).toFixed(1)} MB/s  ` +
            `${(rows / best / 1e6).toFixed(2)} M rows/s  cpu: ${(bytes / 1e6 / bestCpu).toFixed(1)} MB/s  ` +
            `${(rows / bestCpu / 1e6).toFixed(2)} M rows/s`);
console.log(`duckdb   answer: count=${rows} sum_goldstein=${Number(answer[1]).toFixed(1)} ` +
            `sum_mentions=${answer[2]} sum_tone=${Number(answer[3]).toFixed(1)} max_date=${answer[4]}`);
