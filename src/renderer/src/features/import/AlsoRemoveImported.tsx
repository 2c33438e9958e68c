import { Box, Checkbox, Text } from '@mantine/core';
import { count } from '../../../../shared/text/count';
import { keptAsYours } from './RemovalCard';

/**
 * For meetings left out of this import (a series, the invitations never answered) that earlier
 * imports brought in: a box to remove them too, and how many stay as the user's own. `of` says
 * what they are after "meetings": "of these series imported before".
 */
export function AlsoRemoveImported({
  imported,
  of,
  busy,
  remove,
  setRemove,
  ml,
}: {
  imported: { remove: number; keep: number };
  of: string;
  busy: boolean;
  remove: boolean;
  setRemove(value: boolean): void;
  /** Indented under the choice it belongs to. */
  ml?: string;
}) {
  return (
    <Box ml={ml}>
      {imported.remove > 0 && (
        <Checkbox
          mt="sm"
          disabled={busy}
          checked={remove}
          onChange={(e) => setRemove(e.currentTarget.checked)}
          label={`Also remove the ${count(imported.remove, 'meeting')} ${of}`}
          description="Undo the import to bring them back."
        />
      )}
      {imported.keep > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {keptAsYours(imported.keep, of)}
        </Text>
      )}
    </Box>
  );
}
