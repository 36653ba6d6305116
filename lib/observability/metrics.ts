import process from "node:process";
import { familyHeader, formatLabels, formatValue } from "./prometheus-text.ts";

/** How a request arrived: REST API, MCP Streamable HTTP, or legacy MCP HTTP+SSE. */
export type Transport = "rest" | "streamable_http" | "sse";

/** The transports `observe()` accepts. */
export const TRANSPORTS: readonly Transport[] = ["rest", "streamable_http", "sse"];

/** Error kinds of `mcp_errors_total`; each starts at 0 so `rate()` works from the first scrape. */
export const ERROR_KINDS = ["invalid", "error", "denied", "unauthorized", "rate_limited"] as const;

/** Bucket bounds (seconds) of `mcp_request_duration_seconds`, 1 ms to 10 s; `+Inf` is implied. */
export const DURATION_BUCKETS: readonly number[] = [
  0.001,
  0.0025,
  0.005,
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
];

/** Label value standing in for every new label combination once a metric holds `maxSeries`. */
export const OVERFLOW_LABEL = "_other";

/** Options for `createMetrics`; the defaults read the running process. */
export interface MetricsOptions {
  /** Current memory use; defaults to `process.memoryUsage()`. */
  memoryUsage?: () => { rss: number; heapUsed: number };
  /** Process start time in Unix seconds; defaults to now minus `process.uptime()`. */
  startTimeSeconds?: number;
  /** Most label combinations kept per metric (role and tool come from clients); default 1000. */
  maxSeries?: number;
}

/** A small Prometheus registry for one server instance. */
export interface Metrics {
  /** Counts one tool call (`mcp_tool_calls_total{tool_name,role}`). */
  toolCall(tool: string, role: string): void;
  /** Counts one refused tool call (`mcp_permission_denials_total{tool_name,role}`). */
  denial(tool: string, role: string): void;
  /** Records one request's duration (`mcp_request_duration_seconds{transport,outcome}`). */
  observe(transport: Transport, outcome: string, seconds: number): void;
  /** Counts one error (`mcp_errors_total{kind}`), e.g. kind `invalid` or `rate_limited`. */
  error(kind: string): void;
  /** Everything in the Prometheus text format 0.0.4 (serve as `text/plain; version=0.0.4`). */
  render(): string;
}

interface Series<T> {
  values: string[];
  data: T;
}

/** Label combinations of one metric, capped so hostile label values cannot grow memory. */
function createSeriesMap<T>(maxSeries: number, labelCount: number, init: () => T) {
  const series = new Map<string, Series<T>>();
  return {
    get(values: string[]): T {
      let key = JSON.stringify(values);
      let entry = series.get(key);
      if (!entry && series.size >= maxSeries) {
        values = Array<string>(labelCount).fill(OVERFLOW_LABEL);
        key = JSON.stringify(values);
        entry = series.get(key);
      }
      if (!entry) {
        entry = { values, data: init() };
        series.set(key, entry);
      }
      return entry.data;
    },
    entries: () => [...series.values()],
  };
}

interface CounterSpec {
  name: string;
  help: string;
  labels: string[];
}

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/** Creates an empty registry with the server's metrics; no global state, one per server. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const maxSeries = options.maxSeries ?? 1000;
  const memoryUsage = options.memoryUsage ?? (() => process.memoryUsage());
  const startTime = options.startTimeSeconds ?? Date.now() / 1000 - process.uptime();

  const counter = (spec: CounterSpec) => ({
    spec,
    map: createSeriesMap(maxSeries, spec.labels.length, () => ({ value: 0 })),
  });
  const toolCalls = counter({
    name: "mcp_tool_calls_total",
    help: "Tool calls, by tool and caller role.",
    labels: ["tool_name", "role"],
  });
  const denials = counter({
    name: "mcp_permission_denials_total",
    help: "Tool calls refused by the permission check, by tool and caller role.",
    labels: ["tool_name", "role"],
  });
  const errors = counter({
    name: "mcp_errors_total",
    help: "Requests that ended in an error, by kind.",
    labels: ["kind"],
  });
  for (const kind of ERROR_KINDS) errors.map.get([kind]);

  const durationLabels = ["transport", "outcome"];
  const durations = createSeriesMap<Histogram>(maxSeries, durationLabels.length, () => ({
    counts: DURATION_BUCKETS.map(() => 0),
    sum: 0,
    count: 0,
  }));

  function renderCounter({ spec, map }: ReturnType<typeof counter>): string[] {
    return [
      ...familyHeader(spec.name, "counter", spec.help),
      ...map.entries().map((s) =>
        `${spec.name}${formatLabels(spec.labels, s.values)} ${formatValue(s.data.value)}`
      ),
    ];
  }

  function renderHistogram(): string[] {
    const name = "mcp_request_duration_seconds";
    const lines = familyHeader(
      name,
      "histogram",
      "Request duration in seconds, by transport and outcome.",
    );
    for (const { values, data } of durations.entries()) {
      DURATION_BUCKETS.forEach((le, i) => {
        lines.push(
          `${name}_bucket${formatLabels([...durationLabels, "le"], [...values, formatValue(le)])} ${
            data.counts[i]
          }`,
        );
      });
      lines.push(
        `${name}_bucket${
          formatLabels([...durationLabels, "le"], [...values, "+Inf"])
        } ${data.count}`,
      );
      lines.push(`${name}_sum${formatLabels(durationLabels, values)} ${formatValue(data.sum)}`);
      lines.push(`${name}_count${formatLabels(durationLabels, values)} ${data.count}`);
    }
    return lines;
  }

  function gauge(name: string, help: string, value: number): string[] {
    return [...familyHeader(name, "gauge", help), `${name} ${formatValue(value)}`];
  }

  return {
    toolCall(tool, role) {
      toolCalls.map.get([tool, role]).value += 1;
    },
    denial(tool, role) {
      denials.map.get([tool, role]).value += 1;
    },
    observe(transport, outcome, seconds) {
      if (!TRANSPORTS.includes(transport)) {
        throw new Error(`unknown transport "${transport}": use one of ${TRANSPORTS.join(", ")}`);
      }
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new Error(
          `cannot record duration "${seconds}": give seconds as a finite number >= 0`,
        );
      }
      const h = durations.get([transport, outcome]);
      // Buckets are stored cumulatively, as they are exposed.
      DURATION_BUCKETS.forEach((le, i) => {
        if (seconds <= le) h.counts[i] += 1;
      });
      h.sum += seconds;
      h.count += 1;
    },
    error(kind) {
      errors.map.get([kind]).value += 1;
    },
    render() {
      const memory = memoryUsage();
      const lines = [
        ...renderCounter(toolCalls),
        ...renderCounter(denials),
        ...renderHistogram(),
        ...renderCounter(errors),
        ...gauge("process_resident_memory_bytes", "Resident memory size in bytes.", memory.rss),
        ...gauge(
          "nodejs_heap_size_used_bytes",
          "JavaScript heap in use, in bytes.",
          memory.heapUsed,
        ),
        ...gauge(
          "process_start_time_seconds",
          "Start time of the process since the Unix epoch, in seconds.",
          startTime,
        ),
      ];
      return `${lines.join("\n")}\n`;
    },
  };
}
