import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  createMetrics,
  DURATION_BUCKETS,
  OVERFLOW_LABEL,
} from "../../lib/observability/metrics.ts";

const fixedMemory = () => ({ rss: 123456789, heapUsed: 4567890 });

/** Sample lines of the output as a map from `name{labels}` to value. */
function samples(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    map.set(line.slice(0, cut), line.slice(cut + 1));
  }
  return map;
}

/** Runs Debian's promtool on the text; fails (never skips) when it is not installed. */
function promtoolCheck(text: string): { status: number | null; output: string } {
  const result = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (result.error) {
    assert.fail(`promtool cannot run (${result.error.message}): apt-get install -y prometheus`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test("counters, histogram and gauges hold the values of a sequence of calls", () => {
  const m = createMetrics({ memoryUsage: fixedMemory, startTimeSeconds: 1700000000.5 });
  m.toolCall("query_drilling_data", "USER");
  m.toolCall("query_drilling_data", "USER");
  m.toolCall("export_all_data", "ADMIN");
  m.denial("export_all_data", "USER");
  m.observe("rest", "ok", 0.0005);
  m.observe("rest", "ok", 0.003);
  m.observe("rest", "ok", 0.3);
  m.observe("rest", "ok", 20);
  m.observe("sse", "denied", 0.01);
  m.error("rate_limited");
  m.error("rate_limited");
  m.error("custom_kind");

  const s = samples(m.render());
  assert.equal(s.get('mcp_tool_calls_total{tool_name="query_drilling_data",role="USER"}'), "2");
  assert.equal(s.get('mcp_tool_calls_total{tool_name="export_all_data",role="ADMIN"}'), "1");
  assert.equal(s.get('mcp_permission_denials_total{tool_name="export_all_data",role="USER"}'), "1");
  assert.equal(
    s.get('mcp_permission_denials_total{tool_name="query_drilling_data",role="USER"}'),
    undefined,
  );

  const bucket = (le: string) =>
    s.get(`mcp_request_duration_seconds_bucket{transport="rest",outcome="ok",le="${le}"}`);
  assert.equal(bucket("0.001"), "1");
  assert.equal(bucket("0.0025"), "1");
  assert.equal(bucket("0.005"), "2");
  assert.equal(bucket("0.25"), "2");
  assert.equal(bucket("0.5"), "3");
  assert.equal(bucket("10"), "3");
  assert.equal(bucket("+Inf"), "4");
  assert.equal(s.get('mcp_request_duration_seconds_count{transport="rest",outcome="ok"}'), "4");
  assert.equal(
    Number(s.get('mcp_request_duration_seconds_sum{transport="rest",outcome="ok"}')),
    0.0005 + 0.003 + 0.3 + 20,
  );
  assert.equal(
    s.get('mcp_request_duration_seconds_bucket{transport="sse",outcome="denied",le="0.01"}'),
    "1",
  );
  assert.equal(
    s.get('mcp_request_duration_seconds_bucket{transport="sse",outcome="denied",le="0.005"}'),
    "0",
  );

  assert.equal(s.get('mcp_errors_total{kind="rate_limited"}'), "2");
  assert.equal(s.get('mcp_errors_total{kind="custom_kind"}'), "1");
  for (const kind of ["invalid", "error", "denied", "unauthorized"]) {
    assert.equal(s.get(`mcp_errors_total{kind="${kind}"}`), "0", `kind ${kind} starts at 0`);
  }
  assert.equal(s.get("process_resident_memory_bytes"), "123456789");
  assert.equal(s.get("nodejs_heap_size_used_bytes"), "4567890");
  assert.equal(s.get("process_start_time_seconds"), "1700000000.5");
});

test("every family has HELP and TYPE lines and the buckets run from 1 ms to 10 s", () => {
  const text = createMetrics().render();
  for (
    const [name, type] of [
      ["mcp_tool_calls_total", "counter"],
      ["mcp_permission_denials_total", "counter"],
      ["mcp_request_duration_seconds", "histogram"],
      ["mcp_errors_total", "counter"],
      ["process_resident_memory_bytes", "gauge"],
      ["nodejs_heap_size_used_bytes", "gauge"],
      ["process_start_time_seconds", "gauge"],
    ]
  ) {
    assert.match(text, new RegExp(`^# HELP ${name} \\S`, "m"));
    assert.match(text, new RegExp(`^# TYPE ${name} ${type}$`, "m"));
  }
  assert.equal(DURATION_BUCKETS[0], 0.001);
  assert.equal(DURATION_BUCKETS.at(-1), 10);
  assert.ok(text.endsWith("\n"));
  const rss = Number(samples(text).get("process_resident_memory_bytes"));
  assert.ok(rss > 1_000_000, `real resident memory "${rss}" looks like bytes`);
  const start = Number(samples(text).get("process_start_time_seconds"));
  assert.ok(Math.abs(start - Date.now() / 1000) < 24 * 3600, `start time "${start}" is near now`);
});

test("a hostile label value is escaped and still parses", () => {
  const m = createMetrics({ memoryUsage: fixedMemory, startTimeSeconds: 1 });
  const tool = 'evil"} mcp_tool_calls_total{tool_name="x\nrole\\';
  m.toolCall(tool, '角色\\"');
  const text = m.render();
  const line =
    'mcp_tool_calls_total{tool_name="evil\\"} mcp_tool_calls_total{tool_name=\\"x\\nrole\\\\",role="角色\\\\\\""} 1';
  assert.ok(text.split("\n").includes(line), `expected line ${line} in:\n${text}`);
  const { status, output } = promtoolCheck(text);
  assert.equal(status, 0, `promtool check metrics rejected the output:\n${output}\n${text}`);
});

test("promtool check metrics accepts the full output and rejects a broken one", () => {
  const m = createMetrics();
  m.toolCall("query_drilling_data", "USER");
  m.denial("delete_drilling_record", "USER");
  m.observe("streamable_http", "ok", 0.042);
  m.observe("sse", "error", 1.5);
  m.error("invalid");
  const text = m.render();
  const good = promtoolCheck(text);
  assert.equal(
    good.status,
    0,
    `promtool check metrics rejected the output:\n${good.output}\n${text}`,
  );
  assert.equal(good.output.trim(), "", `promtool lint found problems:\n${good.output}`);

  // Proves the check can fail: an unescaped quote inside a label value.
  const broken = `${text}mcp_errors_total{kind="a"b"} 1\n`;
  assert.notEqual(promtoolCheck(broken).status, 0);
});

test("label combinations beyond maxSeries fold into one overflow series", () => {
  const m = createMetrics({ maxSeries: 2, memoryUsage: fixedMemory, startTimeSeconds: 1 });
  for (let i = 0; i < 5; i++) m.toolCall(`tool_${i}`, "USER");
  const s = samples(m.render());
  assert.equal(s.get('mcp_tool_calls_total{tool_name="tool_0",role="USER"}'), "1");
  assert.equal(s.get('mcp_tool_calls_total{tool_name="tool_1",role="USER"}'), "1");
  assert.equal(s.get('mcp_tool_calls_total{tool_name="tool_2",role="USER"}'), undefined);
  assert.equal(
    s.get(`mcp_tool_calls_total{tool_name="${OVERFLOW_LABEL}",role="${OVERFLOW_LABEL}"}`),
    "3",
  );
});

test("observe refuses an unknown transport and a duration that is not a finite number >= 0", () => {
  const m = createMetrics();
  assert.throws(() => m.observe("websocket" as never, "ok", 1), /unknown transport "websocket"/);
  assert.throws(() => m.observe("rest", "ok", -1), /cannot record duration "-1"/);
  assert.throws(() => m.observe("rest", "ok", Number.NaN), /cannot record duration "NaN"/);
});

test("registries are independent", () => {
  const a = createMetrics();
  const b = createMetrics();
  a.toolCall("t", "r");
  assert.equal(samples(b.render()).get('mcp_tool_calls_total{tool_name="t",role="r"}'), undefined);
});
