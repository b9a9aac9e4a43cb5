// Reads an `mttx export --parquet DIR` with DuckDB, an independent Parquet
// reader, and checks it: every table read, column types (times are
// TIMESTAMP WITH TIME ZONE, durations BIGINT, lists VARCHAR[]), NULL
// counts and NULL rules (a duration is NULL exactly when one of its two
// times is; no time before 1990, which is what a zero time written by
// mistake becomes), Zstd, created_by and metadata, the Hive partitions,
// and the median and p90 TTR per quarter recomputed in SQL from the
// incidents table, next to the numbers mttx computed.
//
// usage: TZ=UTC node duckdb-warehouse.mjs DIR [--expect FILE]...
//
// mttx's numbers come from sources (see `sources` below): the metrics
// table of the export itself, and each --expect FILE, a JSON object
// {"source": NAME, "groups": {"2024Q1": {"incidents": n, "known": k,
// "median": s|null, "p90": s|null}, ..., "all": {...}}} (the Go test
// writes one from metrics.GroupBy). Prints what it checked; exits 1 on
// any mismatch. MTTX_DUCKDB_MODULES names the npm project whose
// node_modules holds @duckdb/node-api (npm install @duckdb/node-api@1.5.6-r.1).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

if (!process.env.MTTX_DUCKDB_MODULES) {
  console.error('MTTX_DUCKDB_MODULES must name the npm project that holds @duckdb/node-api (see .ci/run)');
  process.exit(2);
}
const require = createRequire(process.env.MTTX_DUCKDB_MODULES.replace(/\/?$/, '/'));
const { DuckDBInstance } = require('@duckdb/node-api');

const args = process.argv.slice(2);
const dir = args[0];
const expectFiles = [];
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--expect' && i + 1 < args.length) expectFiles.push(args[++i]);
  else throw new Error(`unknown argument ${args[i]}`);
}
if (!dir) throw new Error('usage: node duckdb-warehouse.mjs DIR [--expect FILE]...');

const tables = ['incidents', 'updates', 'timeline', 'factors', 'metrics'];
const partitioned = !existsSync(join(dir, 'incidents.parquet'));
const q = (s) => "'" + s.replaceAll("'", "''") + "'";
const files = (t) => (partitioned && t !== 'metrics' ? join(dir, t, '*', '*.parquet') : join(dir, t + '.parquet'));
const source = (t) => partitioned && t !== 'metrics'
  ? `read_parquet(${q(files(t))}, hive_partitioning = true, hive_types = {'quarter': VARCHAR})`
  : `read_parquet(${q(files(t))})`;

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const all = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
const one = async (sql) => (await all(sql))[0];

let failures = 0;
const fail = (msg) => { failures++; console.log('  FAIL ' + msg); };

await conn.run("SET TimeZone = 'UTC'");
console.log(`DuckDB ${(await one('SELECT version() AS v')).v} reads ${dir} (${partitioned ? 'partitioned by quarter' : 'one file per table'})`);

for (const t of tables) {
  await conn.run(`CREATE VIEW ${t} AS SELECT * FROM ${source(t)}`);
  const cols = await all(`DESCRIBE ${t}`);
  const n = Number((await one(`SELECT count(*) AS n FROM ${t}`)).n);
  const nullsSQL = cols.map((c) => `count(*) - count("${c.column_name}") AS "${c.column_name}"`).join(', ');
  const nulls = await one(`SELECT ${nullsSQL} FROM ${t}`);
  console.log(`\n${t}: ${n} rows, ${cols.length} columns`);
  for (const c of cols) {
    console.log(`  ${c.column_name.padEnd(28)} ${c.column_type.padEnd(26)} NULL ${nulls[c.column_name]}`);
    const want = expectedType(t, c.column_name);
    if (want && c.column_type !== want) fail(`${t}.${c.column_name} is ${c.column_type}; want ${want}`);
    if (c.column_type === 'TIMESTAMP WITH TIME ZONE') {
      const bad = await one(`SELECT count(*) AS n FROM ${t} WHERE "${c.column_name}" < TIMESTAMPTZ '1990-01-01 00:00:00+00'`);
      if (Number(bad.n) > 0) fail(`${t}.${c.column_name}: ${bad.n} times before 1990 (a zero time written as a value?)`);
    }
  }
  if (n === 0 && t !== 'factors' && t !== 'timeline') fail(`${t} is empty`);
  const meta = await one(`SELECT count(*) AS files, count(*) FILTER (WHERE created_by NOT LIKE 'mttx version %') AS foreign FROM parquet_file_metadata(${q(files(t))})`);
  const codecs = await all(`SELECT DISTINCT compression FROM parquet_metadata(${q(files(t))})`);
  const kv = await all(`SELECT DISTINCT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${q(files(t))}) ORDER BY 1, 2`);
  console.log(`  ${meta.files} file(s); codecs ${codecs.map((c) => c.compression).join(',')}; ${kv.map((x) => x.k + '=' + x.v).join(', ')}`);
  if (Number(meta.foreign) > 0) fail(`${t}: created_by is not "mttx version ..."`);
  if (codecs.length !== 1 || codecs[0].compression !== 'ZSTD') fail(`${t}: compression ${JSON.stringify(codecs)}; want ZSTD`);
  for (const k of ['mttx.schema_version', 'mttx.metrics_version', 'mttx.table']) {
    if (!kv.some((x) => x.k === k)) fail(`${t}: no ${k} in the key-value metadata`);
  }
}

// expectedType is the DuckDB type a column must have, by its name.
function expectedType(table, col) {
  if (col === 'at' || col.endsWith('_at')) return 'TIMESTAMP WITH TIME ZONE';
  if (col.endsWith('_seconds') || col === 'seq' || col.endsWith('_count') || col === 'incidents' || col === 'known') return 'BIGINT';
  if (['components', 'sources', 'factors'].includes(col) && table === 'incidents') return 'VARCHAR[]';
  if (col === 'quarter' || col === 'id' || col === 'incident_id') return 'VARCHAR';
  return null;
}

console.log('\nNULL rules');
// A duration is NULL exactly when either of its times is; otherwise it is
// the difference of the two, rounded to the second.
const pairs = [['ttd', 'start', 'detected'], ['tti', 'start', 'identified'], ['ttm', 'start', 'mitigated'],
  ['ttr', 'start', 'resolved'], ['impact', 'start', 'impact_end'], ['postmortem_delay', 'resolved', 'postmortem']];
for (const [m, from, to] of pairs) {
  const r = await one(`SELECT count(*) FILTER (WHERE ${m}_seconds IS NULL) AS nulls,
      count(*) FILTER (WHERE (${m}_seconds IS NULL) <> (${from}_at IS NULL OR ${to}_at IS NULL)
        OR abs(${m}_seconds - (epoch(${to}_at) - epoch(${from}_at))) > 0.5) AS bad FROM incidents`);
  console.log(`  ${(m + '_seconds').padEnd(26)} NULL in ${r.nulls} rows, exactly where ${from}_at or ${to}_at is: ${Number(r.bad) === 0 ? 'yes' : 'NO'}`);
  if (Number(r.bad) > 0) fail(`${m}_seconds disagrees with ${from}_at and ${to}_at in ${r.bad} rows`);
}
for (const m of ['start', 'detected', 'identified', 'mitigated', 'resolved', 'postmortem']) {
  const r = await one(`SELECT count(*) AS n FROM incidents WHERE (${m}_at IS NULL) <> (${m}_provenance IS NULL)`);
  if (Number(r.n) > 0) fail(`${m}_provenance is NULL where ${m}_at is not, or the other way, in ${r.n} rows`);
}
const keys = await one(`SELECT (SELECT count(*) - count(DISTINCT id) FROM incidents) AS dup_ids,
    (SELECT count(*) FROM updates u ANTI JOIN incidents i ON u.incident_id = i.id) AS orphan_updates,
    (SELECT count(*) FROM incidents i WHERE update_count <> (SELECT count(*) FROM updates u WHERE u.incident_id = i.id)) AS bad_counts`);
console.log(`  ids unique: ${keys.dup_ids === '0' ? 'yes' : 'NO'}; updates without an incident: ${keys.orphan_updates}; update_count <> rows in updates: ${keys.bad_counts}`);
if (keys.dup_ids !== '0' || keys.orphan_updates !== '0' || keys.bad_counts !== '0') fail('keys do not hold');
if (partitioned) {
  const r = await one(`SELECT count(*) AS n FROM incidents WHERE quarter IS DISTINCT FROM
      (CASE WHEN dated_at IS NOT NULL THEN strftime(dated_at, '%Y') || 'Q' || quarter(dated_at) END)`);
  console.log(`  every incident in the partition of its dated_at: ${r.n === '0' ? 'yes' : 'NO'}`);
  if (r.n !== '0') fail(`${r.n} incidents in another quarter's partition`);
}

// The SQL recomputation: median and p90 (quantile_cont, the method mttx
// uses) of TTR per quarter, maintenance left out as mttx report does.
const quarterExpr = partitioned
  ? 'quarter'
  : `CASE WHEN dated_at IS NOT NULL THEN strftime(dated_at, '%Y') || 'Q' || quarter(dated_at) END`;
const sqlRows = await all(`
  SELECT * FROM (
    SELECT coalesce(${quarterExpr}, '(undated)') AS grp, count(*) AS incidents, count(ttr_seconds) AS known,
      median(ttr_seconds)::DOUBLE AS median, quantile_cont(ttr_seconds, 0.9)::DOUBLE AS p90
    FROM incidents WHERE NOT maintenance GROUP BY ALL
    UNION ALL
    SELECT 'all', count(*), count(ttr_seconds), median(ttr_seconds)::DOUBLE, quantile_cont(ttr_seconds, 0.9)::DOUBLE
    FROM incidents WHERE NOT maintenance)
  ORDER BY grp = 'all', grp`);
const sql = new Map(sqlRows.map((r) => [r.grp, norm(r)]));

function norm(r) {
  const num = (x) => (x === null || x === undefined ? null : Number(x));
  return { incidents: num(r.incidents), known: num(r.known), median: num(r.median), p90: num(r.p90) };
}

// sources are mttx's own numbers, each a function returning a Map from
// group ("2024Q1", "(undated)", "all") to {incidents, known, median, p90}.
// Another source (mttx report --format json) is one more function here.
const sources = [['metrics table', fromMetricsTable]];
for (const f of expectFiles) {
  const data = JSON.parse(readFileSync(f, 'utf8'));
  sources.push([data.source, async () => new Map(Object.entries(data.groups).map(([k, v]) => [k, norm(v)]))]);
}

async function fromMetricsTable() {
  const rows = await all(`SELECT coalesce(group_value_1, 'all') AS grp, incidents, known,
      median_seconds AS median, p90_seconds AS p90
    FROM metrics WHERE metric = 'ttr' AND (group_by = 'all' OR group_by = 'quarter')`);
  return new Map(rows.map((r) => [r.grp, norm(r)]));
}

// Same: equal counts, and statistics equal to within a second (or both
// NULL): mttx rounds its statistics to the second, computed from exact
// durations, while SQL computes from the table's durations, themselves
// rounded to the second (times from JSON carry fractions of a second).
const same = (a, b) => a.incidents === b.incidents && a.known === b.known &&
  ['median', 'p90'].every((k) => (a[k] === null) === (b[k] === null) && (a[k] === null || Math.abs(a[k] - b[k]) <= 1));
const num = (x) => (x === null ? 'NULL' : String(Number(x.toFixed(3))));
const fmt = (s) => (s ? `${s.incidents}/${s.known} ${num(s.median)} ${num(s.p90)}` : 'missing');

console.log('\nTTR per quarter, seconds: incidents/known median p90 (maintenance left out)');
const theirs = [];
for (const [name, get] of sources) theirs.push([name, await get()]);
console.log('  ' + ['group'.padEnd(10), 'DuckDB SQL'.padEnd(26), ...theirs.map(([n]) => n.padEnd(26))].join(' ') + ' verdict');
const groups = new Set([...sql.keys(), ...theirs.flatMap(([, m]) => [...m.keys()])]);
for (const g of groups) {
  const s = sql.get(g);
  const ok = theirs.every(([, m]) => s && m.get(g) && same(s, m.get(g)));
  console.log('  ' + [g.padEnd(10), fmt(s).padEnd(26), ...theirs.map(([, m]) => fmt(m.get(g)).padEnd(26))].join(' ') + (ok ? ' equal' : ' MISMATCH'));
  if (!ok) fail(`TTR of ${g} differs`);
}

conn.closeSync();
instance.closeSync();
console.log(failures === 0 ? '\nok: DuckDB agrees with mttx' : `\n${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
