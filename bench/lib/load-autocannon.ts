/**
 * autocannon 8 with types for the parts the load benchmark uses (the package ships none).
 * See node_modules/autocannon/README.md for the options and the result's fields.
 */
import { createRequire } from "node:module";

export interface AutocannonRequest {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  // Method syntax on purpose: callers narrow the per-connection context to their own fields.
  /** Per request; returning null skips to the first request of the sequence with a fresh context. */
  setupRequest?(request: AutocannonRequest & { host: string }, context: Record<string, unknown>): (AutocannonRequest & { host: string }) | null;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

/** One connection; `setRequests` gives it its own sequence (e.g. its own signed-in reviewer). */
export interface AutocannonClient {
  setRequests(requests: AutocannonRequest[]): void;
}

export interface AutocannonOptions {
  /** Several URLs: connection i goes to url[i % url.length]. */
  url: string | string[];
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds before a request counts as a timeout (autocannon's default is 10). */
  timeout?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
  setupClient?: (client: AutocannonClient) => void;
}

interface Histogram {
  average: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

export interface AutocannonResult {
  requests: Histogram & { sent: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  "4xx": number;
  "5xx": number;
  statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => unknown;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
