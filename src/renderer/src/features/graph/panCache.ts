import type { RenderParams } from 'sigma/types';

/*
 * Panning moves the picture without changing it. With tens of thousands of edges, redrawing them
 * is what a frame costs (over half a second at 55,000 edges in software WebGL), so the edge layer keeps its
 * last drawing in a texture a quarter of the view larger on every side and, while only the
 * camera's position changes, draws that texture shifted instead. Any other change (zoom, rotation,
 * resize, new data or reducers) draws the edges afresh; while the zoom keeps changing from frame
 * to frame they are drawn straight to the screen, so a zoom frame costs one full draw, as before.
 */

/**
 * How far past each side of the view the cached drawing reaches, as a share of the view: a pan
 * that goes further draws every edge again (one frame in about every quarter-view of travel).
 * The texture is 2.25 times the view's pixels, a fraction of what sigma's own layers hold.
 */
const MARGIN = 0.25;

const BLIT_VERTEX_SHADER = /* glsl */ `
attribute vec2 a_corner;
uniform vec2 u_offset;
uniform vec2 u_scale;
varying vec2 v_uv;

void main() {
  v_uv = a_corner;
  gl_Position = vec4((a_corner * 2.0 - 1.0) * u_scale + u_offset, 0, 1);
}
`;

const BLIT_FRAGMENT_SHADER = /* glsl */ `
precision highp float;
uniform sampler2D u_texture;
varying vec2 v_uv;

void main() {
  gl_FragColor = texture2D(u_texture, v_uv);
}
`;

interface Target {
  framebuffer: WebGLFramebuffer;
  texture: WebGLTexture;
  width: number;
  height: number;
}

interface Blit {
  program: WebGLProgram;
  buffer: WebGLBuffer;
  corner: number;
  offset: WebGLUniformLocation | null;
  scale: WebGLUniformLocation | null;
  texture: WebGLUniformLocation | null;
}

/** Everything but the camera's translation that decides how the layer looks. */
function shapeKey(p: RenderParams): string {
  const m = p.matrix;
  return [
    p.width,
    p.height,
    p.pixelRatio,
    m[0],
    m[1],
    m[3],
    m[4],
    p.sizeRatio,
    p.zoomRatio,
    p.correctionRatio,
    p.minEdgeThickness,
    p.antiAliasingFeather,
  ].join();
}

function compile(gl: WebGLRenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('Graph pan cache: cannot create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`Graph pan cache: shader does not compile: ${gl.getShaderInfoLog(shader)}`);
  }
  return shader;
}

export class PanCache {
  /** Set when the layer's data changed, so the cached drawing is stale. */
  dirty = true;
  private target: Target | null = null;
  private blit: Blit | null = null;
  /** shapeKey and translation of the cached drawing; null when there is none. */
  private cachedKey: string | null = null;
  private cachedX = 0;
  private cachedY = 0;
  private lastKey: string | null = null;

  constructor(private readonly gl: WebGLRenderingContext) {}

  /**
   * Renders the layer for `params`: from the cache when only the camera's position moved, else
   * through `draw(params, framebuffer)`, which draws the layer with the given matrix into the bound
   * framebuffer (null: the screen) and viewport.
   */
  render(params: RenderParams, draw: (params: RenderParams, framebuffer: WebGLFramebuffer | null) => void) {
    const gl = this.gl;
    const key = shapeKey(params);
    const steady = key === this.lastKey;
    this.lastKey = key;
    const screenWidth = params.width * params.pixelRatio;
    const screenHeight = params.height * params.pixelRatio;
    const m = params.matrix;

    if (!this.dirty && this.target && this.cachedKey === key) {
      const kx = this.target.width / screenWidth;
      const ky = this.target.height / screenHeight;
      const dx = m[6] - this.cachedX;
      const dy = m[7] - this.cachedY;
      if (Math.abs(dx) <= kx - 1 && Math.abs(dy) <= ky - 1) {
        this.drawCached(dx, dy, screenWidth, screenHeight);
        return;
      }
    }

    const target = steady ? this.ensureTarget(screenWidth, screenHeight) : null;
    if (!target) {
      // The zoom is changing (or no texture fits): draw straight to the screen.
      this.cachedKey = null;
      draw(params, null);
      return;
    }
    const kx = target.width / screenWidth;
    const ky = target.height / screenHeight;
    // Shrink clip space so the larger texture holds the view plus its margin at the same pixel scale.
    const matrix = new Float32Array(m);
    matrix[0] /= kx;
    matrix[3] /= kx;
    matrix[6] /= kx;
    matrix[1] /= ky;
    matrix[4] /= ky;
    matrix[7] /= ky;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
    gl.viewport(0, 0, target.width, target.height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    draw({ ...params, matrix }, target.framebuffer);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.cachedKey = key;
    this.cachedX = m[6];
    this.cachedY = m[7];
    this.dirty = false;
    this.drawCached(0, 0, screenWidth, screenHeight);
  }

  kill(): void {
    const gl = this.gl;
    this.dropTarget();
    if (this.blit) {
      gl.deleteProgram(this.blit.program);
      gl.deleteBuffer(this.blit.buffer);
      this.blit = null;
    }
  }

  private dropTarget(): void {
    if (!this.target) return;
    this.gl.deleteFramebuffer(this.target.framebuffer);
    this.gl.deleteTexture(this.target.texture);
    this.target = null;
    this.cachedKey = null;
  }

  /** The texture for the view plus its margin, made again when the view's size changes. */
  private ensureTarget(screenWidth: number, screenHeight: number): Target | null {
    const gl = this.gl;
    const width = Math.round(screenWidth + 2 * Math.round(screenWidth * MARGIN));
    const height = Math.round(screenHeight + 2 * Math.round(screenHeight * MARGIN));
    if (this.target && this.target.width === width && this.target.height === height) return this.target;
    this.dropTarget();
    const max = Math.min(
      gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    );
    if (width > max || height > max || width < 1 || height < 1) return null;
    const texture = gl.createTexture();
    const framebuffer = gl.createFramebuffer();
    if (!texture || !framebuffer) return null;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    const complete = gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    this.target = { framebuffer, texture, width, height };
    if (!complete) {
      this.dropTarget();
      return null;
    }
    return this.target;
  }

  /** Copies the cached drawing to the screen, moved by (dx, dy) in clip space, whole pixels at a time. */
  private drawCached(dx: number, dy: number, screenWidth: number, screenHeight: number): void {
    const gl = this.gl;
    const target = this.target!;
    const blit = this.ensureBlit();
    const px = Math.round((dx * screenWidth) / 2) * (2 / screenWidth);
    const py = Math.round((dy * screenHeight) / 2) * (2 / screenHeight);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, screenWidth, screenHeight);
    gl.useProgram(blit.program);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, target.texture);
    gl.uniform1i(blit.texture, 0);
    gl.uniform2f(blit.offset, px, py);
    gl.uniform2f(blit.scale, target.width / screenWidth, target.height / screenHeight);
    gl.bindBuffer(gl.ARRAY_BUFFER, blit.buffer);
    gl.enableVertexAttribArray(blit.corner);
    gl.vertexAttribPointer(blit.corner, 2, gl.FLOAT, false, 0, 0);
    // The screen was cleared to transparent, so blending leaves an exact copy.
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    gl.disableVertexAttribArray(blit.corner);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    gl.bindTexture(gl.TEXTURE_2D, null);
  }

  private ensureBlit(): Blit {
    if (this.blit) return this.blit;
    const gl = this.gl;
    const program = gl.createProgram();
    const buffer = gl.createBuffer();
    if (!program || !buffer) throw new Error('Graph pan cache: cannot create its WebGL program');
    const vertex = compile(gl, gl.VERTEX_SHADER, BLIT_VERTEX_SHADER);
    const fragment = compile(gl, gl.FRAGMENT_SHADER, BLIT_FRAGMENT_SHADER);
    gl.attachShader(program, vertex);
    gl.attachShader(program, fragment);
    gl.linkProgram(program);
    gl.deleteShader(vertex);
    gl.deleteShader(fragment);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
      throw new Error(`Graph pan cache: program does not link: ${gl.getProgramInfoLog(program)}`);
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.blit = {
      program,
      buffer,
      corner: gl.getAttribLocation(program, 'a_corner'),
      offset: gl.getUniformLocation(program, 'u_offset'),
      scale: gl.getUniformLocation(program, 'u_scale'),
      texture: gl.getUniformLocation(program, 'u_texture'),
    };
    return this.blit;
  }
}
