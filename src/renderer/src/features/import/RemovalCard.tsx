import { Alert, Checkbox, List, Text } from '@mantine/core';
import { count } from '../../../../shared/text/count';

/**
 * Why some meetings an import could remove stay: "2 meetings stay: you changed or tagged them in
 * Rapport", with what they are (`of`) after "meetings".
 */
export function keptAsYours(keep: number, of = ''): string {
  const one = keep === 1;
  return `${count(keep, 'meeting')}${of ? ` ${of}` : ''} ${one ? 'stays' : 'stay'}: you changed or tagged ${one ? 'it' : 'them'} in Rapport.`;
}

/**
 * Meetings imported before that this import can remove, as the calendar shows they did not take
 * place (cancelled, declined) or no longer holds them. A box says whether they go; those the user
 * changed or tagged stay in any case.
 */
export function RemovalCard({
  title,
  color,
  removal,
  label,
  description = 'Undoing this import puts them back.',
  remove,
  setRemove,
}: {
  title: string;
  color: string;
  /** `first`: the earliest of those to remove, for the user to recognise. */
  removal: { remove: number; keep: number; first?: Array<{ title: string; startsAt: string }> };
  /** The box's label, for this many meetings to remove. */
  label(meetings: string): string;
  description?: string;
  remove: boolean;
  setRemove(value: boolean): void;
}) {
  const first = removal.first ?? [];
  return (
    <Alert color={color} title={title}>
      {removal.remove > 0 && (
        <Checkbox
          checked={remove}
          onChange={(e) => setRemove(e.currentTarget.checked)}
          label={label(count(removal.remove, 'meeting'))}
          description={description}
        />
      )}
      {first.length > 0 && (
        <List size="sm" mt="xs" aria-label={`${title}: the first ones`}>
          {first.map((m) => (
            <List.Item key={`${m.startsAt} ${m.title}`}>
              {m.title || '(no title)'} · {m.startsAt.slice(0, 10)}
            </List.Item>
          ))}
          {removal.remove > first.length && <List.Item>and {removal.remove - first.length} more</List.Item>}
        </List>
      )}
      {removal.keep > 0 && (
        <Text size="sm" mt={removal.remove > 0 ? 'xs' : 0}>
          {keptAsYours(removal.keep)}
        </Text>
      )}
    </Alert>
  );
}
