import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Layer } from '../../src/shared/strength/model';
import type { GraphData } from '../../src/shared/strength/schemas';
import type { BenchResult } from '../lib/types';

/*
 * The network graph at 5,000 contacts and 50,000 ties in Debian's Chromium: Rapport's sigma 3
 * drawing (the renderer's buildGraph, GraphView's settings and reducers) against force-graph on
 * the same positions, sizes and colours in the same browser, the same drawing again with one
 * contact in ten drawn with a photo (GraphView's photo program) against it without, then
 * ForceAtlas2 in its worker as useLayout runs it. Chromium runs with --disable-gpu, so WebGL is
 * SwiftShader on the CPU.
 */

const ORIGIN = 'http://graph-bench.test';
const chromiumPath = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
const pageEntry = fileURLToPath(new URL('../graph/page.js', import.meta.url));
const circles = ['sponsor', 'mentor', 'mentee', 'colleague', 'peer', 'friend', 'other'];
const layerOf = (t: number): Layer =>
  t >= 15 ? 'inner' : t >= 6 ? 'close' : t >= 1 ? 'active' : t >= 0.3 ? 'known' : 'dormant';

/** A seeded clustered network with saved positions: teams of about 100 that mostly meet each other. */
export function syntheticGraph(contacts: number, ties: number, seed = 7): GraphData {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const teams = Math.max(1, Math.round(contacts / 100));
  const centres = Array.from({ length: teams }, (_, i) => {
    const angle = (i / teams) * Math.PI * 2;
    const r = 120 + 220 * random();
    return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
  });
  const team = (id: number) => id % teams;
  const nodes: GraphData['nodes'] = [];
  for (let id = 1; id <= contacts; id++) {
    const c = centres[team(id)];
    const t = random() < 0.05 ? 2 + random() * 20 : random() * 2;
    nodes.push({
      contactId: id,
      label: `Contact ${id}`,
      organisation: `Org ${team(id)}`,
      city: `City ${team(id) % 12}`,
      circles: [circles[Math.floor(random() * circles.length)]],
      tags: [],
      t,
      layer: layerOf(t),
      x: c.x + (random() - 0.5) * 60,
      y: c.y + (random() - 0.5) * 60,
      photo: null,
    });
  }
  const seen = new Set<number>();
  const out: GraphData['ties'] = [];
  while (out.length < ties) {
    const a = 1 + Math.floor(random() * contacts);
    // Nine ties in ten stay inside the team.
    let b = 1 + Math.floor(random() * contacts);
    if (random() < 0.9) b = team(a) + 1 + teams * Math.floor(random() * Math.floor(contacts / teams));
    if (b > contacts || a === b) continue;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * (contacts + 1) + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ a: lo, b: hi, w: 0.05 + random() * 2, backbone: false });
  }
  // One in ten reports to the first person of their team, recorded by hand, as the app draws it.
  const recorded: GraphData['recorded'] = [];
  for (let id = teams + 1; id <= contacts; id += 10) {
    const lead = team(id) + 1;
    recorded.push({ a: lead, b: id, sentence: `Contact ${id} reports to Contact ${lead}` });
  }
  return { nodes, ties: out, recorded, backboneK: 4, windowDays: null };
}

/** page.js with sigma, graphology, force-graph and the renderer's graph model, as one script. */
async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: pageEntry, formats: ['iife'], name: 'RapportGraphBench' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    const chunk = o.output.find((c) => c.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no script for bench/graph/page.js');
}

interface DrawResult {
  firstFrameMs: number;
  frameMs: number;
  frames: number;
  intervalMs: number;
  intervalP95Ms: number;
  zoomFrameMs: number;
  zoomFrames: number;
  zoomIntervalMs: number;
  zoomIntervalP95Ms: number;
  nodes: number;
  edges: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function run(
  options: {
    contacts?: number;
    ties?: number;
    panFrames?: number;
    zoomFrames?: number;
    budgetMs?: number;
  } = {},
): Promise<Array<BenchResult & Record<string, unknown>>> {
  const contacts = options.contacts ?? 5_000;
  const ties = options.ties ?? 50_000;
  const panFrames = options.panFrames ?? 120;
  const zoomFrames = options.zoomFrames ?? 30;
  const budgetMs = options.budgetMs ?? 30_000;
  const data = syntheticGraph(contacts, ties);
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/bench.js') {
        return route.fulfill({ status: 200, body: script, headers: { 'content-type': 'text/javascript' } });
      }
      return route.fulfill({
        status: 200,
        body: '<!doctype html><html><body style="margin:0"></body><script src="/bench.js"></script></html>',
        headers: { 'content-type': 'text/html' },
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction('window.graphBench !== undefined');
    const call = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(
        ([name, rest]) =>
          (
            globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>
          ).graphBench[name as string](...(rest as unknown[])),
        [fn, args] as const,
      ) as Promise<T>;

    const sigma = await call<DrawResult>('benchSigma', data, panFrames, zoomFrames, budgetMs);
    const faceCount = Math.round(contacts / 10);
    const faces = await call<DrawResult>('benchSigma', data, panFrames, zoomFrames, budgetMs, faceCount);
    const forceGraph = await call<DrawResult>('benchForceGraph', data, panFrames, zoomFrames, budgetMs);
    const layout = await call<{ iterationsPerSecond: number; iterations: number }>(
      'benchLayout',
      data,
      1000,
      5000,
    );
    if (errors.length > 0) throw new Error(`The bench page failed: ${errors.join('; ')}`);

    const n = contacts;
    const drawRatio = forceGraph.frameMs / sigma.frameMs;
    const wallRatio = forceGraph.intervalMs / sigma.intervalMs;
    const zoomRatio = forceGraph.zoomIntervalMs / sigma.zoomIntervalMs;
    process.stderr.write(
      `graph: ${sigma.nodes} nodes / ${sigma.edges} edges drawn (${ties} ties, the user's, and recorded relationships where no tie is); Chromium --disable-gpu, so WebGL runs in SwiftShader\n` +
        `  first frame from saved positions: sigma ${round(sigma.firstFrameMs)} ms, force-graph ${round(forceGraph.firstFrameMs)} ms\n` +
        `  pan, main-thread draw per frame: sigma ${round(sigma.frameMs)} ms (${sigma.frames} frames), force-graph ${round(forceGraph.frameMs)} ms (${forceGraph.frames}): sigma ${round(drawRatio)}x faster\n` +
        `  pan, frame interval (rAF to rAF, includes raster/GPU work): sigma ${round(sigma.intervalMs)} ms (p95 ${round(sigma.intervalP95Ms)}), force-graph ${round(forceGraph.intervalMs)} ms (p95 ${round(forceGraph.intervalP95Ms)}): sigma ${round(wallRatio)}x\n` +
        `    (sigma moves its cached edge layer while the pan stays within a quarter view of where it was drawn; beyond that, a frame draws every edge, as a zoom frame does)\n` +
        `  zoom (every frame drawn afresh), frame interval: sigma ${round(sigma.zoomIntervalMs)} ms (${sigma.zoomFrames} frames, ${round(sigma.zoomFrameMs)} ms main thread), force-graph ${round(forceGraph.zoomIntervalMs)} ms (${forceGraph.zoomFrames}, ${round(forceGraph.zoomFrameMs)} ms): sigma ${round(zoomRatio)}x\n` +
        `  with ${faceCount} faces (one contact in ten with a photo): pan draw ${round(faces.frameMs)} ms, pan interval ${round(faces.intervalMs)} ms, zoom interval ${round(faces.zoomIntervalMs)} ms, against ${round(sigma.frameMs)}, ${round(sigma.intervalMs)} and ${round(sigma.zoomIntervalMs)} without\n` +
        `  ForceAtlas2 in its worker: ${round(layout.iterationsPerSecond)} iterations/s (${layout.iterations} in 5 s)\n`,
    );
    const peer = { peer: 'force-graph 1.52', webgl: 'SwiftShader (--disable-gpu)' };
    return [
      {
        case: 'graph: first frame from saved positions',
        n,
        median_ms: round(sigma.firstFrameMs),
        p95_ms: round(sigma.firstFrameMs),
        ...peer,
        peer_median_ms: round(forceGraph.firstFrameMs),
        peer_p95_ms: round(forceGraph.firstFrameMs),
        ratio: round(sigma.firstFrameMs / forceGraph.firstFrameMs),
      },
      {
        case: 'graph: pan, main-thread draw per frame',
        n,
        median_ms: round(sigma.frameMs),
        p95_ms: round(sigma.frameMs),
        ...peer,
        peer_median_ms: round(forceGraph.frameMs),
        peer_p95_ms: round(forceGraph.frameMs),
        ratio: round(sigma.frameMs / forceGraph.frameMs),
        frames: sigma.frames,
        peer_frames: forceGraph.frames,
      },
      {
        case: 'graph: pan, frame interval (rAF to rAF)',
        n,
        median_ms: round(sigma.intervalMs),
        p95_ms: round(sigma.intervalP95Ms),
        ...peer,
        peer_median_ms: round(forceGraph.intervalMs),
        peer_p95_ms: round(forceGraph.intervalP95Ms),
        ratio: round(sigma.intervalMs / forceGraph.intervalMs),
      },
      {
        case: 'graph: zoom, frame interval (rAF to rAF)',
        n,
        median_ms: round(sigma.zoomIntervalMs),
        p95_ms: round(sigma.zoomIntervalP95Ms),
        ...peer,
        peer_median_ms: round(forceGraph.zoomIntervalMs),
        peer_p95_ms: round(forceGraph.zoomIntervalP95Ms),
        ratio: round(sigma.zoomIntervalMs / forceGraph.zoomIntervalMs),
        frames: sigma.zoomFrames,
        peer_frames: forceGraph.zoomFrames,
      },
      {
        case: `graph: zoom with ${faceCount} faces, frame interval (rAF to rAF)`,
        n,
        median_ms: round(faces.zoomIntervalMs),
        p95_ms: round(faces.zoomIntervalP95Ms),
        peer: 'the same graph without faces',
        peer_median_ms: round(sigma.zoomIntervalMs),
        peer_p95_ms: round(sigma.zoomIntervalP95Ms),
        ratio: round(faces.zoomIntervalMs / sigma.zoomIntervalMs),
        frames: faces.zoomFrames,
        main_thread_ms: round(faces.zoomFrameMs),
        peer_main_thread_ms: round(sigma.zoomFrameMs),
      },
      {
        case: `graph: pan with ${faceCount} faces, frame interval (rAF to rAF)`,
        n,
        median_ms: round(faces.intervalMs),
        p95_ms: round(faces.intervalP95Ms),
        peer: 'the same graph without faces',
        peer_median_ms: round(sigma.intervalMs),
        peer_p95_ms: round(sigma.intervalP95Ms),
        ratio: round(faces.intervalMs / sigma.intervalMs),
      },
      {
        case: 'graph: ForceAtlas2 iteration in the worker',
        n,
        median_ms: round(1000 / layout.iterationsPerSecond),
        p95_ms: round(1000 / layout.iterationsPerSecond),
        iterations_per_s: round(layout.iterationsPerSecond),
      },
    ];
  } finally {
    await browser.close();
  }
}
