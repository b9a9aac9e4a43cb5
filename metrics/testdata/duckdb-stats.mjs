// Computes, with DuckDB, the statistics mttx computes in Go, for the
// cross-check in metrics/duckdb_test.go. Reads {"sets": [[x, ...], ...]}
// on stdin; prints one JSON object of DuckDB's answers per set.
// MTTX_DUCKDB_MODULES names the npm project directory whose node_modules
// holds @duckdb/node-api (npm install @duckdb/node-api@1.5.6-r.1).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(process.env.MTTX_DUCKDB_MODULES.replace(/\/?$/, '/'));
const { DuckDBInstance } = require('@duckdb/node-api');

const { sets } = JSON.parse(readFileSync(0, 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const out = [];
for (const xs of sets) {
  const list = '[' + xs.map((x) => Number(x).toString()).join(', ') + ']::DOUBLE[]';
  const sql = `SELECT quantile_cont(x, 0.5) AS q50, quantile_cont(x, 0.9) AS q90,
      quantile_cont(x, 0.95) AS q95, median(x) AS median, avg(x) AS mean,
      geomean(CASE WHEN x > 0 THEN x END) AS geomean, min(x) AS min, max(x) AS max
    FROM (SELECT unnest(${list}) AS x)`;
  const reader = await conn.runAndReadAll(sql);
  out.push(reader.getRowObjectsJson()[0]);
}
console.log(JSON.stringify(out));
conn.closeSync();
instance.closeSync();
