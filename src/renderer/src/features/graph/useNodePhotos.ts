import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NodeProgramType } from 'sigma/rendering';
import type { GraphNodeDto } from '../../../../shared/strength/schemas';
import { photoThumbnailQuery } from '../contacts/photoThumbnail';
import type { EdgeAttrs, NodeAttrs } from './graphModel';
import { loadPhotoProgram } from './photoProgram';

/**
 * The photos of the contacts in the graph that have one, by contact id, as `data:` URLs of their
 * thumbnails. They are the same queries as the avatars' (one per photo version, kept for good),
 * so a face seen in the list is not asked for again.
 */
export function useNodePhotos(nodes: readonly GraphNodeDto[]): ReadonlyMap<number, string> {
  const withPhoto = useMemo(() => nodes.filter((n) => n.photo !== null), [nodes]);
  const combine = useCallback(
    (results: UseQueryResult<string | null>[]) => {
      const photos = new Map<number, string>();
      results.forEach((r, i) => {
        if (r.data) photos.set(withPhoto[i].contactId, r.data);
      });
      return photos;
    },
    [withPhoto],
  );
  return useQueries({
    queries: withPhoto.map((n) => photoThumbnailQuery({ id: n.contactId, version: n.photo! })),
    combine,
  });
}

/** The photo node program once loaded (undefined until then, null where WebGL cannot make it). */
export function usePhotoProgram(): NodeProgramType<NodeAttrs, EdgeAttrs> | null | undefined {
  const [program, setProgram] = useState<NodeProgramType<NodeAttrs, EdgeAttrs> | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadPhotoProgram().then((p) => live && setProgram(() => p));
    return () => {
      live = false;
    };
  }, []);
  return program;
}
