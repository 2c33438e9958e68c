import { createNodeCompoundProgram, type NodeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs } from './graphModel';
import { NodeDiscProgram } from './programs';
import { sigmaSettings } from './sigmaSettings';

/** The node type of a contact drawn with their photo. */
export const PHOTO_NODE_TYPE = 'photo';

/**
 * How much of the disc the photo covers: the rest is a ring in the contact's colour (their circle's
 * or their community's).
 */
const PHOTO_SCALE = 0.78;

/** Each photo's side in the texture atlas: sharp at the largest node on a high-density screen. */
const PHOTO_TEXTURE_PX = 128;

/** The part of node-image's program this file builds on: its constructor and how it lays out one node. */
type ImageProgram = new (...args: ConstructorParameters<NodeProgramType<NodeAttrs, EdgeAttrs>>) => {
  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void;
};

let loading: Promise<NodeProgramType<NodeAttrs, EdgeAttrs> | null> | null = null;

/**
 * The program that draws a contact's photo in their disc, or null where it cannot be made.
 * `@sigma/node-image` asks for a WebGL context as soon as it is imported, so it is loaded only
 * when the graph is shown, and a machine without WebGL still gets every other view.
 */
export function loadPhotoProgram(): Promise<NodeProgramType<NodeAttrs, EdgeAttrs> | null> {
  loading ??= import('@sigma/node-image').then(
    ({ createNodeImageProgram }) => {
      const Image = createNodeImageProgram<NodeAttrs, EdgeAttrs>({
        size: { mode: 'force', value: PHOTO_TEXTURE_PX },
        // The photos are `data:` URLs: there is no other origin to ask.
        crossOrigin: null,
      }) as unknown as ImageProgram;
      class InsetPhoto extends Image {
        override processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
          super.processVisibleItem(nodeIndex, startIndex, { ...data, size: data.size * PHOTO_SCALE });
        }
      }
      return createNodeCompoundProgram<NodeAttrs, EdgeAttrs>([
        NodeDiscProgram,
        InsetPhoto as unknown as NodeProgramType<NodeAttrs, EdgeAttrs>,
      ]);
    },
    () => null,
  );
  return loading;
}

/** GraphView's settings, with contacts' photos drawn in their discs where the photo program could be made. */
export function withPhotos(
  photoProgram: NodeProgramType<NodeAttrs, EdgeAttrs> | null,
): Partial<Settings<NodeAttrs, EdgeAttrs>> {
  if (!photoProgram) return sigmaSettings;
  return {
    ...sigmaSettings,
    nodeProgramClasses: { ...sigmaSettings.nodeProgramClasses, [PHOTO_NODE_TYPE]: photoProgram },
  };
}
