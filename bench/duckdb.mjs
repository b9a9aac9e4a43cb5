// The DuckDB side of bench/run, and the check that both sides did the same
// job.
//
//   node duckdb.mjs job CORPUS OUT      read the Statuspage JSON pages under
//       CORPUS, derive each incident's TTD/TTI/TTM/TTR by mttx's rules
//       (docs/metrics.md), write the median and p90 of each per quarter to
//       OUT/quarters.json and the incidents and updates to OUT/*.parquet
//   node duckdb.mjs compare OUT/quarters.json MTTX_REPORT.json
//       compare those medians and p90s with mttx report --format json
//       --group-by quarter; exit 1 on any difference over a second (mttx
//       rounds statistics to the second)
//
// Needs NODE_PATH or MTTX_DUCKDB_MODULES pointing at an install of
// @duckdb/node-api (bench/run makes one).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [mode, a, b] = process.argv.slice(2);

// groupsOf reads the "groups" member of an mttx JSON review without
// parsing the rest: a review of a million incidents is larger than the
// longest string Node.js makes. Its top-level keys are the only ones at
// an indent of two spaces, and a raw newline cannot occur inside a JSON
// string.
function groupsOf(file) {
  const buf = readFileSync(file);
  const key = '\n  "groups": ';
  const start = buf.indexOf(key);
  const end = buf.indexOf('\n  "', start + key.length);
  if (start < 0 || end < 0) throw new Error(`${file}: no top-level "groups" in the review`);
  return JSON.parse(buf.subarray(start + key.length, end).toString('utf8').replace(/,\s*$/, ''));
}

if (mode === 'compare') {
  const duck = JSON.parse(readFileSync(a, 'utf8'));
  const mttx = { groups: groupsOf(b) };
  const want = new Map();
  for (const g of mttx.groups.groups) {
    for (const d of g.distributions) want.set(`${g.values[0]} ${d.metric}`, d);
  }
  let same = 0, diff = 0;
  for (const r of duck) {
    for (const m of ['ttd', 'tti', 'ttm', 'ttr']) {
      const d = want.get(`${r.quarter} ${m}`);
      for (const [stat, v] of [['median', r[`${m}_median`]], ['p90', r[`${m}_p90`]]]) {
        const w = d ? d[stat] : undefined;
        const ok = (v === null && (w === null || w === undefined)) || (v !== null && w !== null && w !== undefined && Math.abs(v - w) <= 1);
        if (ok) same++; else { diff++; if (diff <= 10) console.error(`${r.quarter} ${m} ${stat}: DuckDB ${v}, mttx ${w}`); }
      }
    }
  }
  console.log(`DuckDB and mttx agree on ${same} of ${same + diff} per-quarter medians and p90s (${duck.length} quarters)`);
  process.exit(diff === 0 ? 0 : 1);
}

if (mode !== 'job') {
  console.error('usage: node duckdb.mjs job CORPUS OUT | compare QUARTERS.json MTTX.json');
  process.exit(2);
}
const modules = process.env.MTTX_DUCKDB_MODULES;
const require = createRequire(modules ? path.join(modules, 'node_modules', 'x.js') : import.meta.url);
const { DuckDBInstance } = require('@duckdb/node-api');
mkdirSync(b, { recursive: true });
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const run = (sql) => conn.run(sql);
const q = (s) => `'${s.replaceAll("'", "''")}'`;
await run(`SET TimeZone = 'UTC'`);
// One row per incident: the page's organisation and the API incident.
await run(`CREATE TABLE raw AS SELECT page.name AS org, unnest(incidents) AS i
  FROM read_json(${q(path.join(a, '**', '*.json'))}, maximum_object_size = 1073741824)`);
// mttx's rules: the start is started_at when it is a minute or more from
// created_at (else unknown); detected is the first update that is not a
// maintenance notice; identified and mitigated the first identified and
// monitoring updates; resolved the last resolved or completed one.
// Planned maintenance is left out, as mttx report leaves it out.
const first = (cond) => `list_min(list_transform(list_filter(i.incident_updates, lambda u: ${cond}), lambda u: u.display_at::TIMESTAMPTZ))`;
const last = (cond) => `list_max(list_transform(list_filter(i.incident_updates, lambda u: ${cond}), lambda u: u.display_at::TIMESTAMPTZ))`;
await run(`CREATE TABLE incidents AS
  WITH m AS (
    SELECT i.id AS id, org, i.name AS title, i.impact AS impact,
      (i.impact = 'maintenance' OR i.scheduled_for IS NOT NULL) AS maintenance,
      CASE WHEN abs(epoch(i.created_at::TIMESTAMPTZ) - epoch(i.started_at::TIMESTAMPTZ)) >= 60 THEN i.started_at::TIMESTAMPTZ END AS start,
      ${first(`u.status <> 'scheduled'`)} AS detected,
      ${first(`u.status = 'identified'`)} AS identified,
      ${first(`u.status = 'monitoring'`)} AS mitigated,
      ${last(`u.status IN ('resolved', 'completed')`)} AS resolved,
      len(i.incident_updates) AS updates
    FROM raw)
  SELECT *, coalesce(start, detected) AS day,
    epoch(detected) - epoch(start) AS ttd, epoch(identified) - epoch(start) AS tti,
    epoch(mitigated) - epoch(start) AS ttm, epoch(resolved) - epoch(start) AS ttr
  FROM m`);
const stats = ['ttd', 'tti', 'ttm', 'ttr'].map((m) => `quantile_cont(${m}, 0.5) AS ${m}_median, quantile_cont(${m}, 0.9) AS ${m}_p90`).join(', ');
const reader = await conn.runAndReadAll(`SELECT strftime(day, '%Y') || 'Q' || quarter(day) AS quarter, count(*) AS incidents, ${stats}
  FROM incidents WHERE NOT maintenance AND day IS NOT NULL GROUP BY ALL ORDER BY quarter`);
const rows = reader.getRowObjectsJson().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'quarter' || v === null ? v : Number(v)])));
writeFileSync(path.join(b, 'quarters.json'), JSON.stringify(rows, null, 1));
await run(`COPY incidents TO ${q(path.join(b, 'incidents.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
await run(`COPY (SELECT i.id AS incident_id, u.status, u.display_at::TIMESTAMPTZ AS at, u.body
  FROM raw, unnest(i.incident_updates) AS t(u)) TO ${q(path.join(b, 'updates.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
conn.closeSync();
db.closeSync();
console.log(`${rows.length} quarters`);
