/** Section 5: latency the try-it proxy adds and its throughput, against calling the test server directly (autocannon). */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import type { SectionResult } from './types.ts';
import { percentile, round } from './util.ts';

export const DURATION_SECONDS = 10;
export const CONCURRENCY = 50;
export const MIN_LATENCY_SAMPLES = 500;
const PATH = '/api/system/version';

export interface LoadRun {
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  non2xx: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface ProxyData {
  latency: { direct: LoadRun; proxy: LoadRun; addedP50Ms: number; addedP95Ms: number };
  throughput: { direct: LoadRun; proxy: LoadRun };
}

/** Run autocannon against a URL, keeping every response time (autocannon's own histogram rounds to whole ms). */
async function load(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<LoadRun> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers }, (error, output) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(output),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  return {
    url,
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    requestsPerSecond: round(result.requests.total / result.duration, 0),
    p50Ms: round(percentile(times, 50), 3),
    p95Ms: round(percentile(times, 95), 3),
    p99Ms: round(percentile(times, 99), 3),
  };
}

/** Headers of a same-origin request to the proxy: Host 127.0.0.1:<port>, and what a browser sends from the site's own pages. */
function sameOriginHeaders(siteUrl: string): Record<string, string> {
  const host = new URL(siteUrl).host;
  return { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin', accept: 'application/json' };
}

/** Check that a URL answers 200 with these headers before loading it. */
async function expectOk(url: string, headers: Record<string, string>): Promise<void> {
  // fetch sets Host itself from the URL (the same value).
  const response = await fetch(url, { headers: Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'host')) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
}

/** Measure latency (1 connection) and throughput (CONCURRENCY connections), direct and through the proxy, DURATION_SECONDS each. */
export async function benchProxy(siteUrl: string, meshplayUrl: string, ready: () => Promise<void>): Promise<SectionResult<ProxyData>> {
  const started = performance.now();
  await ready();
  const directUrl = `${meshplayUrl}${PATH}`;
  const proxyUrl = `${siteUrl}/api-proxy${PATH}`;
  const directHeaders = { host: new URL(meshplayUrl).host, accept: 'application/json' };
  const proxyHeaders = sameOriginHeaders(siteUrl);
  await expectOk(directUrl, directHeaders);
  await expectOk(proxyUrl, proxyHeaders);
  // Warm up both paths (JIT, sockets) without recording.
  await load(directUrl, 10, 2, directHeaders);
  await load(proxyUrl, 10, 2, proxyHeaders);

  const directLatency = await load(directUrl, 1, DURATION_SECONDS, directHeaders);
  const proxyLatency = await load(proxyUrl, 1, DURATION_SECONDS, proxyHeaders);
  const directThroughput = await load(directUrl, CONCURRENCY, DURATION_SECONDS, directHeaders);
  const proxyThroughput = await load(proxyUrl, CONCURRENCY, DURATION_SECONDS, proxyHeaders);
  const data: ProxyData = {
    latency: {
      direct: directLatency,
      proxy: proxyLatency,
      addedP50Ms: round(proxyLatency.p50Ms - directLatency.p50Ms, 3),
      addedP95Ms: round(proxyLatency.p95Ms - directLatency.p95Ms, 3),
    },
    throughput: { direct: directThroughput, proxy: proxyThroughput },
  };
  const row = (label: string, run: LoadRun) => [
    label,
    String(run.connections),
    String(run.requests),
    `${run.requestsPerSecond}/s`,
    `${run.p50Ms.toFixed(2)} ms`,
    `${run.p95Ms.toFixed(2)} ms`,
    `${run.p99Ms.toFixed(2)} ms`,
    String(run.non2xx + run.errors),
  ];
  const notes = [
    `GET ${PATH}, ${DURATION_SECONDS} s per row, after a 2 s warm-up. Latency percentiles from every 2xx response time autocannon reported.`,
    `Added by the proxy (1 connection): p50 +${data.latency.addedP50Ms.toFixed(2)} ms, p95 +${data.latency.addedP95Ms.toFixed(2)} ms. Throughput through the proxy: ${ratioText(proxyThroughput.requestsPerSecond, directThroughput.requestsPerSecond)} of direct.`,
    "autocannon, the proxy (scripts/serve.ts) and the test server are three processes sharing the machine's 2 cores.",
  ];
  if (directLatency.requests < MIN_LATENCY_SAMPLES || proxyLatency.requests < MIN_LATENCY_SAMPLES)
    notes.push(`Fewer than ${MIN_LATENCY_SAMPLES} requests in a latency row: the percentiles are rough.`);
  return {
    name: 'proxy',
    data,
    tables: [
      {
        title: 'Try-it proxy (autocannon)',
        headers: ['Run', 'Connections', 'Requests', 'Throughput', 'p50', 'p95', 'p99', 'Errors + non-2xx'],
        rows: [
          row('Latency: direct', directLatency),
          row('Latency: through the proxy', proxyLatency),
          row('Throughput: direct', directThroughput),
          row('Throughput: through the proxy', proxyThroughput),
        ],
        notes,
      },
    ],
    budgets: [],
    seconds: (performance.now() - started) / 1000,
  };
}

/** "42%" of a baseline. */
function ratioText(value: number, baseline: number): string {
  return baseline === 0 ? '–' : `${Math.round((value / baseline) * 100)}%`;
}
