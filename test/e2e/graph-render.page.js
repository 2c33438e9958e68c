/* global window, document, requestAnimationFrame, Image */
/*
 * The page half of graph-render.e2e.test.ts, bundled by vite for Chromium: a seeded network drawn
 * by sigma with GraphView's settings (the non-instanced programs and the edge pan cache), or
 * with sigma's stock programs as the reference the test compares it to.
 */
import Sigma from 'sigma';
import { buildGraph } from '../../src/renderer/src/features/graph/graphModel';
import { sigmaSettings } from '../../src/renderer/src/features/graph/sigmaSettings';

const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
let sigma = null;

function network() {
  let state = 11;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const nodes = [];
  for (let id = 1; id <= 400; id++) {
    const t = random() * 6;
    nodes.push({
      contactId: id,
      label: `Contact ${id}`,
      organisation: null,
      circles: [['mentor', 'peer', 'friend', 'colleague'][id % 4]],
      tags: [],
      t,
      layer: t >= 1 ? 'active' : 'known',
      x: (random() - 0.5) * 400,
      y: (random() - 0.5) * 300,
    });
  }
  const ties = [];
  const seen = new Set();
  while (ties.length < 2000) {
    const a = 1 + Math.floor(random() * 400);
    const b = 1 + Math.floor(random() * 400);
    if (a === b || seen.has(a * 1000 + b) || seen.has(b * 1000 + a)) continue;
    seen.add(a * 1000 + b);
    ties.push({ a, b, w: 0.05 + random() * 3, backbone: false });
  }
  return { nodes, ties, recorded: [], backboneK: 4, windowDays: null };
}

/** Draws the network; `stock` uses sigma's own instanced circle and rectangle programs instead. */
async function draw(stock) {
  sigma?.kill();
  document.body.replaceChildren();
  const container = document.createElement('div');
  container.style.cssText = 'position:absolute;inset:0;width:100vw;height:100vh;background:#fff';
  document.body.append(container);
  const graph = buildGraph(network(), { edgeMode: 'all', minTie: 0 });
  const settings = stock
    ? { ...sigmaSettings, nodeProgramClasses: {}, edgeProgramClasses: {} }
    : sigmaSettings;
  sigma = new Sigma(graph, container, settings);
  await nextFrame();
  await nextFrame();
  return graph.size;
}

/** Moves the camera by whole viewport pixels, `steps` frames of (dx, dy) each. */
async function pan(dx, dy, steps) {
  const camera = sigma.getCamera();
  const origin = sigma.viewportToFramedGraph({ x: 0, y: 0 });
  const moved = sigma.viewportToFramedGraph({ x: dx, y: dy });
  for (let i = 0; i < steps; i++) {
    const state = camera.getState();
    camera.setState({ x: state.x + moved.x - origin.x, y: state.y + moved.y - origin.y });
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
}

/** Zooms the camera in by `factor` over `steps` frames, each frame a different zoom. */
async function zoom(factor, steps) {
  const camera = sigma.getCamera();
  for (let i = 0; i < steps; i++) {
    camera.setState({ ratio: camera.getState().ratio / factor ** (1 / steps) });
    await nextFrame();
  }
  await nextFrame();
  await nextFrame();
}

/** How many pixels of two PNGs (base64) differ by more than `tolerance` summed over RGB. */
async function diff(a, b, tolerance) {
  const pixels = async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0);
    return g.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const [x, y] = await Promise.all([pixels(a), pixels(b)]);
  let count = 0;
  for (let i = 0; i < x.length; i += 4) {
    const d = Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]);
    if (d > tolerance) count++;
  }
  return { count, total: x.length / 4 };
}

window.graphRender = { draw, pan, zoom, diff };
