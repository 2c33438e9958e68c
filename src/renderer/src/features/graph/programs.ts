import { EdgeProgram, NodeProgram, type ProgramInfo } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import type { EdgeAttrs, NodeAttrs } from './graphModel';
import { PanCache } from './panCache';

/*
 * Sigma 3's default circle and edge programs draw one instance per node and per edge. On a
 * machine without a GPU, Chromium runs WebGL in SwiftShader, which pays a fixed cost for every
 * instance: at 5,000 contacts and 55,000 edges that alone made a frame take seconds. These two
 * programs draw the same shapes with the same shaders (sigma's circle and rectangle edge), but
 * as plain triangle lists, so a frame is one draw call over a vertex buffer of any size.
 */

const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;

// Sigma's circle shaders, with the corner angle a per-vertex attribute instead of an instanced constant.
const NODE_VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_angle;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

const float bias = 255.0 / 254.0;

void main() {
  float size = a_size * u_correctionRatio / u_sizeRatio * 4.0;
  vec2 diffVector = size * vec2(cos(a_angle), sin(a_angle));
  vec2 position = a_position + diffVector;
  gl_Position = vec4((u_matrix * vec3(position, 1)).xy, 0, 1);

  v_diffVector = diffVector;
  v_radius = size / 2.0;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`;

const NODE_FRAGMENT_SHADER = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float border = u_correctionRatio * 2.0;
  float dist = length(v_diffVector) - v_radius + border;

  #ifdef PICKING_MODE
  if (dist > border)
    gl_FragColor = transparent;
  else
    gl_FragColor = v_color;
  #else
  float t = 0.0;
  if (dist > border)
    t = 1.0;
  else if (dist > 0.0)
    t = dist / border;

  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

/** The corners of the triangle around each disc, as sigma's circle program places them. */
const CORNERS = [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3];

const NODE_UNIFORMS = ['u_sizeRatio', 'u_correctionRatio', 'u_matrix'] as const;
type NodeUniform = (typeof NODE_UNIFORMS)[number];

/** Discs, drawn like sigma's NodeCircleProgram: a triangle per node, the disc cut out in the fragment shader. */
export class NodeDiscProgram extends NodeProgram<NodeUniform, NodeAttrs, EdgeAttrs> {
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: NODE_VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: NODE_FRAGMENT_SHADER,
      METHOD: TRIANGLES,
      UNIFORMS: NODE_UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_angle', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const array = this.array;
    const color = floatColor(data.color);
    let i = startIndex;
    for (const angle of CORNERS) {
      array[i++] = data.x;
      array[i++] = data.y;
      array[i++] = data.size;
      array[i++] = angle;
      array[i++] = color;
      array[i++] = nodeIndex;
    }
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<NodeUniform>): void {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}

// Sigma's rectangle edge shaders, each vertex carrying its own end and signed normal.
const EDGE_VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute vec2 a_normal;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  float normalLength = length(a_normal);
  vec2 unitNormal = a_normal / normalLength;

  // At least u_minEdgeThickness pixels thick on screen, whatever the zoom.
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;

  gl_Position = vec4((u_matrix * vec3(a_position + unitNormal * webGLThickness, 1)).xy, 0, 1);

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif

  v_color.a *= bias;
}
`;

const EDGE_FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

/** The rectangle's six corners: which end (0 source, 1 target) and which side of the line. */
const EDGE_CORNERS = [
  [0, 1],
  [0, -1],
  [1, 1],
  [1, 1],
  [0, -1],
  [1, -1],
] as const;

const EDGE_UNIFORMS = [
  'u_matrix',
  'u_zoomRatio',
  'u_sizeRatio',
  'u_correctionRatio',
  'u_pixelRatio',
  'u_feather',
  'u_minEdgeThickness',
] as const;
type EdgeUniform = (typeof EDGE_UNIFORMS)[number];

/**
 * Straight edges as thick antialiased rectangles, like sigma's EdgeRectangleProgram, kept in a
 * PanCache so a pan moves the last drawing rather than drawing every edge again.
 */
export class EdgeQuadProgram extends EdgeProgram<EdgeUniform, NodeAttrs, EdgeAttrs> {
  private cache: PanCache | null = null;

  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: EDGE_VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: EDGE_FRAGMENT_SHADER,
      METHOD: TRIANGLES,
      UNIFORMS: EDGE_UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_normal', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    const thickness = data.size || 1;
    const { x: x1, y: y1 } = sourceData;
    const { x: x2, y: y2 } = targetData;
    const color = floatColor(data.color);
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len = dx * dx + dy * dy;
    const scale = len ? thickness / Math.sqrt(len) : 0;
    const n1 = -dy * scale;
    const n2 = dx * scale;
    const array = this.array;
    let i = startIndex;
    for (const [end, side] of EDGE_CORNERS) {
      array[i++] = end ? x2 : x1;
      array[i++] = end ? y2 : y1;
      array[i++] = n1 * side;
      array[i++] = n2 * side;
      array[i++] = color;
      array[i++] = edgeIndex;
    }
  }

  override process(
    edgeIndex: number,
    offset: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    if (this.cache) this.cache.dirty = true;
    super.process(edgeIndex, offset, sourceData, targetData, data);
  }

  override reallocate(capacity: number): void {
    if (this.cache) this.cache.dirty = true;
    super.reallocate(capacity);
  }

  override render(params: RenderParams): void {
    // Edge events draw a picking layer the cache does not keep: draw everything each time then.
    if (this.pickProgram || this.hasNothingToRender()) {
      super.render(params);
      return;
    }
    const program = this.normalProgram;
    this.cache ??= new PanCache(program.gl);
    this.cache.render(params, (p, framebuffer) => {
      if (!framebuffer) program.gl.viewport(0, 0, p.width * p.pixelRatio, p.height * p.pixelRatio);
      program.frameBuffer = framebuffer;
      this.bindProgram(program);
      this.renderProgram(p, program);
      this.unbindProgram(program);
      program.frameBuffer = null;
    });
  }

  override kill(): void {
    this.cache?.kill();
    this.cache = null;
    super.kill();
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<EdgeUniform>): void {
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    gl.uniform1f(uniformLocations.u_zoomRatio, params.zoomRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_pixelRatio, params.pixelRatio);
    gl.uniform1f(uniformLocations.u_feather, params.antiAliasingFeather);
    gl.uniform1f(uniformLocations.u_minEdgeThickness, params.minEdgeThickness);
  }
}
