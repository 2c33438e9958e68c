/* global window, document, requestAnimationFrame */
/*
 * The page half of bench/cases/graph.ts, bundled by vite for Chromium. Plain JavaScript because
 * the bench's TypeScript project is Node-only (no DOM lib); the graph itself is built by the
 * renderer's own `buildGraph`, and sigma gets GraphView's settings and reducers.
 */
import ForceGraph from 'force-graph';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import {
  buildGraph,
  noFilter,
  passes,
  USER_EDGE_COLOR,
} from '../../src/renderer/src/features/graph/graphModel';

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
};

function freshContainer() {
  document.body.replaceChildren();
  const el = document.createElement('div');
  el.style.cssText = 'position:absolute;inset:0;width:100vw;height:100vh';
  document.body.append(el);
  return el;
}

/** GraphView's SigmaContainer settings and its reducers with no filter and nothing hovered. */
function sigmaSettings(graph) {
  return {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 9,
    zIndex: true,
    defaultEdgeColor: USER_EDGE_COLOR,
    labelDensity: 0.5,
    nodeReducer: (_key, attrs) => ({ ...attrs }),
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

async function benchSigma(data, panFrames, budgetMs) {
  const container = freshContainer();
  await nextFrame();
  const t0 = performance.now();
  const graph = buildGraph(data, { edgeMode: 'all', minTie: 0 });
  // Sigma processes and draws the whole graph synchronously in its constructor.
  const sigma = new Sigma(graph, container, sigmaSettings(graph));
  // The frame after the one that shows the drawing: WebGL and canvas work is done by then.
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - t0;
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
  const intervals = [];
  let last = performance.now();
  const began = last;
  for (let i = 0; i < panFrames && last - began < budgetMs; i++) {
    const state = camera.getState();
    // A drag of about 4 px a frame, back and forth.
    camera.setState({ x: state.x + (Math.floor(i / 60) % 2 ? -0.003 : 0.003) });
    await nextFrame();
    const now = performance.now();
    intervals.push(now - last);
    last = now;
  }
  sigma.kill();
  return {
    firstFrameMs,
    frameMs: median(frames),
    frames: frames.length,
    intervalMs: median(intervals),
    nodes,
    edges,
  };
}

async function benchForceGraph(data, panFrames, budgetMs) {
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
  while (firstDrawn === null) await nextFrame();
  await nextFrame();
  await nextFrame();
  const firstFrameMs = performance.now() - t0;

  frames.length = 0;
  const intervals = [];
  let last = performance.now();
  const began = last;
  let x = 0;
  for (let i = 0; i < panFrames && last - began < budgetMs; i++) {
    x += Math.floor(i / 60) % 2 ? -4 : 4;
    fg.centerAt(x, 0);
    await nextFrame();
    const now = performance.now();
    intervals.push(now - last);
    last = now;
  }
  fg.pauseAnimation();
  fg._destructor?.();
  return {
    firstFrameMs,
    frameMs: median(frames),
    frames: frames.length,
    intervalMs: median(intervals),
    nodes: nodes.length,
    edges: links.length,
  };
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
      settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 },
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
