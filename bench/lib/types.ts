/**
 * One benchmark: `run` is timed `iterations` times after `warmup` untimed runs; `peer`, when
 * present, is the same work done another way (a hand-written statement, another library),
 * timed interleaved with `run` on the same input so the ratio holds on a noisy machine.
 */
export interface BenchCase<S = unknown> {
  name: string;
  /** The input size the case runs on (contacts, events, ...). */
  n: number;
  iterations?: number;
  warmup?: number;
  setup(): Promise<S> | S;
  /** `iteration` lets a case walk through inputs, e.g. one keystroke of a typed word per run. */
  run(state: S, iteration: number): Promise<unknown> | unknown;
  peerName?: string;
  peer?(state: S, iteration: number): Promise<unknown> | unknown;
  teardown?(state: S): Promise<void> | void;
}

/**
 * What a case module under bench/cases exports: `cases`, or (for a module that times
 * itself) `run`, which returns finished results.
 */
export interface BenchModule {
  // Each case keeps its own state type; the runner only passes it back to the same case.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  cases?: Array<BenchCase<any>>;
  run?(): Promise<BenchResult[]>;
  /** Frees what the module's cases shared (a generated database), after all of them ran. */
  dispose?(): Promise<void> | void;
}

export interface BenchResult {
  case: string;
  n: number;
  median_ms: number;
  p95_ms: number;
  peer?: string;
  peer_median_ms?: number;
  peer_p95_ms?: number;
  /** median_ms / peer_median_ms: the cost of our path over the peer's. */
  ratio?: number;
}
