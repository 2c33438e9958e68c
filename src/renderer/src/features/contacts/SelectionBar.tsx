import { Alert, Autocomplete, Button, Group, Menu, Modal, Paper, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { circles, type ContactBulkAction } from '../../../../shared/contacts/schemas';
import { count } from '../../../../shared/text/count';
import type { RapportError } from '../../api/client';
import { MergePanel } from '../duplicates/MergePanel';
import { useMerge } from '../duplicates/useMerge';
import { circleLabels } from './labels';
import { useContactWrite } from './useContactMutations';

export interface SelectionBarProps {
  ids: number[];
  /** The list shows archived contacts, so the action offered is to restore them. */
  archivedView: boolean;
  tags: string[];
  onDone(): void;
}

/** What a finished change says: "Tagged 3 contacts “Q4 outreach”." and the like. */
function doneMessage(action: ContactBulkAction, changed: number): string {
  const who = count(changed, 'contact');
  switch (action.kind) {
    case 'addTag':
      return `Tagged ${who} “${action.tag}”.`;
    case 'removeTag':
      return `Removed “${action.tag}” from ${who}.`;
    case 'addCircle':
      return `Added ${who} to ${circleLabels[action.circle]}.`;
    case 'removeCircle':
      return `Removed ${who} from ${circleLabels[action.circle]}.`;
    case 'setArchived':
      return `${action.archived ? 'Archived' : 'Restored'} ${who}.`;
  }
}

interface TagActionProps {
  label: string;
  /** The tag box's label, apart from the list's own tag filter. */
  field: string;
  tags: string[];
  run(tag: string): Promise<void>;
}

/** A tag to add or remove: typed, or picked from the tags in use. */
function TagAction({ label, field, tags, run }: TagActionProps) {
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const submit = async () => {
    if (tag.trim() === '') return;
    await run(tag.trim());
    setOpened(false);
    setTag('');
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((o) => !o)}>
          {label}…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group gap="xs" align="flex-end">
          <Autocomplete
            label={field}
            data={tags}
            value={tag}
            onChange={setTag}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void submit();
            }}
            w={200}
          />
          <Button size="sm" onClick={() => void submit()} disabled={tag.trim() === ''}>
            {label}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Changes for the ticked contacts: tag, circle, archive (each one transaction in main), or merge two. */
export function SelectionBar({ ids, archivedView, tags, onDone }: SelectionBarProps) {
  const write = useContactWrite();
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const merge = useMerge(() => {
    setMerging(false);
    onDone();
  });
  const run = async (action: ContactBulkAction) => {
    setError(null);
    try {
      const { changed } = await write('contacts:bulk', { ids, action });
      notifications.show({ message: doneMessage(action, changed), color: 'green' });
      onDone();
    } catch (e) {
      setError((e as RapportError).message);
    }
  };
  return (
    <Paper withBorder p="xs" aria-label="Selected contacts">
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600} data-testid="selection-count">
            {count(ids.length, 'contact')} selected
          </Text>
          <TagAction
            label="Add tag"
            field="Tag to add"
            tags={tags}
            run={(tag) => run({ kind: 'addTag', tag })}
          />
          <TagAction
            label="Remove tag"
            field="Tag to remove"
            tags={tags}
            run={(tag) => run({ kind: 'removeTag', tag })}
          />
          <Menu>
            <Menu.Target>
              <Button size="xs" variant="default">
                Circle…
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Add to</Menu.Label>
              {circles.map((c) => (
                <Menu.Item key={`add-${c}`} onClick={() => void run({ kind: 'addCircle', circle: c })}>
                  {circleLabels[c]}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Label>Remove from</Menu.Label>
              {circles.map((c) => (
                <Menu.Item key={`remove-${c}`} onClick={() => void run({ kind: 'removeCircle', circle: c })}>
                  {circleLabels[c]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            size="xs"
            variant="default"
            onClick={() => void run({ kind: 'setArchived', archived: !archivedView })}
          >
            {archivedView ? 'Restore' : 'Archive'}
          </Button>
          {ids.length === 2 && (
            <Button size="xs" variant="default" onClick={() => setMerging(true)}>
              Merge…
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={onDone}>
            Clear selection
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      <Modal opened={merging} onClose={() => setMerging(false)} title="Merge contacts" size="xl">
        {merging && ids.length === 2 && (
          <MergePanel aId={ids[0]} bId={ids[1]} merge={merge} onCancel={() => setMerging(false)} />
        )}
      </Modal>
    </Paper>
  );
}
