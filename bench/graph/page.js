/* global window, document, requestAnimationFrame, OffscreenCanvas, FileReader */
/*
 * The page half of bench/cases/graph.ts, bundled by vite for Chromium. Plain JavaScript because
 * the bench's TypeScript project is Node-only (no DOM lib); the graph itself is built by the
 * renderer's own `buildGraph`, and sigma gets GraphView's settings and reducers.
 */
import ForceGraph from 'force-graph';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { buildGraph, noFilter, passes } from '../../src/renderer/src/features/graph/graphModel';
import { layoutSettings } from '../../src/renderer/src/features/graph/layoutSettings';
import {
  loadPhotoProgram,
  PHOTO_NODE_TYPE,
  withPhotos,
} from '../../src/renderer/src/features/graph/photoProgram';
import { sigmaSettings as viewSettings } from '../../src/renderer/src/features/graph/sigmaSettings';

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) * q)];
};
const median = (xs) => quantile(xs, 0.5);

/** Calls `move(i)` and waits for the next frame, `count` times or for `budgetMs`: rAF-to-rAF intervals. */
async function drive(count, budgetMs, move) {
  const intervals = [];
  let last = performance.now();
  const began = last;
  for (let i = 0; i < count && last - began < budgetMs; i++) {
    move(i);
    await nextFrame();
    const now = performance.now();
    intervals.push(now - last);
    last = now;
  }
  return { median: median(intervals), p95: quantile(intervals, 0.95) };
}

/** Zooming in then out by 2% a frame: every frame is a new scale, so nothing drawn before can be reused. */
const zoomFactor = (i) => (Math.floor(i / 15) % 2 ? 1 / 1.02 : 1.02);

/** One library's figures, in the same shape for both. */
function report(firstFrameMs, { pan, panDraws, zoom, zoomDraws }, nodes, edges) {
  return {
    firstFrameMs,
    frameMs: median(panDraws),
    frames: panDraws.length,
    intervalMs: pan.median,
    intervalP95Ms: pan.p95,
    zoomFrameMs: median(zoomDraws),
    zoomFrames: zoomDraws.length,
    zoomIntervalMs: zoom.median,
    zoomIntervalP95Ms: zoom.p95,
    nodes,
    edges,
  };
}

function freshContainer() {
  document.body.replaceChildren();
  const el = document.createElement('div');
  el.style.cssText = 'position:absolute;inset:0;width:100vw;height:100vh';
  document.body.append(el);
  return el;
}

/**
 * GraphView's SigmaContainer settings and its reducers with no filter and nothing hovered; with
 * `faces` (a photo program and photos by contact id), the contacts with a photo drawn with it.
 */
function sigmaSettings(graph, faces) {
  return {
    ...(faces ? withPhotos(faces.program) : viewSettings),
    nodeReducer: (_key, attrs) => {
      const photo = faces?.photos.get(attrs.contactId);
      return photo ? { ...attrs, type: PHOTO_NODE_TYPE, image: photo } : { ...attrs };
    },
    edgeReducer: (edge, attrs) => {
      const [source, target] = graph.extremities(edge);
      if (
        !passes(graph.getNodeAttributes(source), noFilter) ||
        !passes(graph.getNodeAttributes(target), noFilter)
      )
        return { ...attrs, hidden: true };
      return attrs;
    },
  };
}

/** `count` photos as contacts have them: 256 px JPEGs, each its own, by contact id from 1. */
async function photos(count) {
  const canvas = new OffscreenCanvas(256, 256);
  const g = canvas.getContext('2d');
  const out = new Map();
  for (let id = 1; id <= count; id++) {
    g.fillStyle = `hsl(${(id * 47) % 360} 60% 70%)`;
    g.fillRect(0, 0, 256, 256);
    g.fillStyle = `hsl(${(id * 91) % 360} 50% 35%)`;
    g.beginPath();
    g.arc(128, 100, 56, 0, Math.PI * 2);
    g.ellipse(128, 256, 100, 90, 0, 0, Math.PI * 2);
    g.fill();
    // Each its own: the atlas keeps one copy of photos alike.
    g.font = '32px sans-serif';
    g.fillText(String(id), 8, 40);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const url = await new Promise((done) => {
      const reader = new FileReader();
      reader.onload = () => done(reader.result);
      reader.readAsDataURL(blob);
    });
    out.set(id, url);
  }
  return out;
}

/** Waits until every photo is in the program's texture atlas: each is drawn, not its plain disc. */
async function facesLoaded(sigma, count) {
  const program = sigma.nodePrograms[PHOTO_NODE_TYPE];
  const image = program?.programs?.[1];
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (image && Object.keys(image.atlas ?? {}).length >= count) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`The ${count} photos did not all reach the texture atlas in 30 s`);
}

/** Sigma as GraphView draws it; with `faceCount`, that many contacts have a photo. */
async function benchSigma(data, panFrames, zoomFrames, budgetMs, faceCount = 0) {
  const faces = faceCount > 0 ? { program: await loadPhotoProgram(), photos: await photos(faceCount) } : null;
  if (faces && !faces.program) throw new Error('The photo program could not be made');
  const container = freshContainer();
  await nextFrame();
  const t0 = performance.now();
  const graph = buildGraph(data, { edgeMode: 'all', minTie: 0 });
  // Sigma processes and draws the whole graph synchronously in its constructor.
  const sigma = new Sigma(graph, container, sigmaSettings(graph, faces));
  // The frame after the one that shows the drawing: WebGL and canvas work is done by then.
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - t0;
  if (faces) await facesLoaded(sigma, faceCount);
  const edges = graph.size;
  const nodes = graph.order;

  let start = 0;
  const frames = [];
  sigma.on('beforeRender', () => {
    start = performance.now();
  });
  sigma.on('afterRender', () => {
    frames.push(performance.now() - start);
  });
  const camera = sigma.getCamera();
  // A drag of 4 px a frame, back and forth, as force-graph's pan below.
  const step = sigma.viewportToFramedGraph({ x: 4, y: 0 }).x - sigma.viewportToFramedGraph({ x: 0, y: 0 }).x;
  const pan = await drive(panFrames, budgetMs, (i) => {
    camera.setState({ x: camera.getState().x + (Math.floor(i / 60) % 2 ? -step : step) });
  });
  const panDraws = frames.splice(0);
  // Sigma's ratio shrinks to zoom in, force-graph's zoom grows.
  const zoom = await drive(zoomFrames, budgetMs, (i) => {
    camera.setState({ ratio: camera.getState().ratio / zoomFactor(i) });
  });
  const zoomDraws = frames.splice(0);
  sigma.kill();
  return report(firstFrameMs, { pan, panDraws, zoom, zoomDraws }, nodes, edges);
}

async function benchForceGraph(data, panFrames, zoomFrames, budgetMs) {
  const container = freshContainer();
  await nextFrame();
  const t0 = performance.now();
  // The same nodes, positions, sizes and colours as sigma's graph, pinned where they were saved.
  const graph = buildGraph(data, { edgeMode: 'all', minTie: 0 });
  const nodes = graph.mapNodes((key, a) => ({
    id: key,
    x: a.x,
    y: a.y,
    fx: a.x,
    fy: a.y,
    val: a.size * a.size,
    color: a.color,
  }));
  const links = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    color: a.color,
    width: a.size,
  }));
  let start = 0;
  let firstDrawn = null;
  const frames = [];
  const fg = new ForceGraph(container)
    .width(window.innerWidth)
    .height(window.innerHeight)
    .nodeRelSize(1)
    .nodeVal('val')
    .nodeColor('color')
    .linkColor('color')
    .linkWidth('width')
    .warmupTicks(0)
    .cooldownTicks(0)
    .autoPauseRedraw(false)
    .onRenderFramePre(() => {
      start = performance.now();
    })
    .onRenderFramePost(() => {
      const end = performance.now();
      if (firstDrawn === null) firstDrawn = end;
      else frames.push(end - start);
    })
    .graphData({ nodes, links });
  // Framed as sigma frames it: the graph's extent fitted to the viewport's smaller side, less
  // sigma's 30 px stage padding. (force-graph's own default zoom, 4 / cbrt(nodes), would draw
  // these 5,000 nodes a quarter of that size.)
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale =
    (Math.min(window.innerWidth, window.innerHeight) - 60) / Math.max(maxX - minX, maxY - minY, 1e-9);
  fg.centerAt((minX + maxX) / 2, (minY + maxY) / 2).zoom(scale);
  while (firstDrawn === null) await nextFrame();
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - t0;

  frames.length = 0;
  let { x, y } = fg.centerAt();
  // 4 px a frame, in graph units at this zoom.
  const step = 4 / fg.zoom();
  const pan = await drive(panFrames, budgetMs, (i) => {
    x += Math.floor(i / 60) % 2 ? -step : step;
    fg.centerAt(x, y);
  });
  const panDraws = frames.splice(0);
  const zoom = await drive(zoomFrames, budgetMs, (i) => {
    fg.zoom(fg.zoom() * zoomFactor(i));
  });
  const zoomDraws = frames.splice(0);
  fg.pauseAnimation();
  fg._destructor?.();
  return report(firstFrameMs, { pan, panDraws, zoom, zoomDraws }, nodes.length, links.length);
}

/** ForceAtlas2 exactly as useLayout runs it, counting the iterations its worker hands back. */
async function benchLayout(data, warmupMs, measureMs) {
  const graph = buildGraph(data, { edgeMode: 'all', minTie: 0 });
  let iterations = 0;
  const ask = FA2LayoutSupervisor.prototype.askForIterations;
  FA2LayoutSupervisor.prototype.askForIterations = function (withEdges) {
    iterations++;
    return ask.call(this, withEdges);
  };
  try {
    const layout = new FA2LayoutSupervisor(graph, {
      settings: layoutSettings(graph),
      getEdgeWeight: 'weight',
    });
    layout.start();
    await new Promise((done) => setTimeout(done, warmupMs));
    const from = iterations;
    const t0 = performance.now();
    await new Promise((done) => setTimeout(done, measureMs));
    const counted = iterations - from;
    const elapsed = performance.now() - t0;
    layout.kill();
    return { iterationsPerSecond: (counted / elapsed) * 1000, iterations: counted };
  } finally {
    FA2LayoutSupervisor.prototype.askForIterations = ask;
  }
}

window.graphBench = { benchSigma, benchForceGraph, benchLayout };
