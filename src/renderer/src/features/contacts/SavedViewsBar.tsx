import { ActionIcon, Box, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { useWrite } from '../../api/useWrite';
import { showUndoNotice } from '../../app/undoNotice';
import { movedTo, VIEW_DRAG_TYPE } from './viewOrder';

const failed = (e: RapportError) => notifications.show({ message: e.message, color: 'red' });

/**
 * A popover asking for a view's name, opened by `target`; a refused name is said under the
 * input and the popover stays open.
 */
function ViewNamePopover({
  formLabel,
  inputLabel,
  initial = '',
  submitLabel,
  target,
  onSubmit,
}: {
  formLabel: string;
  inputLabel: string;
  initial?: string;
  submitLabel: string;
  target(toggle: () => void): ReactNode;
  onSubmit(name: string): Promise<unknown>;
}) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const toggle = () => {
    setName(initial);
    setError(null);
    setOpened((o) => !o);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit(name).then(
      () => setOpened(false),
      (e: RapportError) => setError(e.message),
    );
  };
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>{target(toggle)}</Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit} aria-label={formLabel}>
          <Stack gap="xs" w={260}>
            <TextInput
              label={inputLabel}
              placeholder="Mentors in London"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" disabled={name.trim() === ''}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * Saved views of the list: each opens its filters and order with one click and says how many
 * contacts it shows now; the list's current filters can be saved as a new one. The user puts
 * them in their own order: a view is dragged onto another's place, or moved with Alt+← / Alt+→.
 */
export function SavedViewsBar({
  params,
  canSave,
  onOpen,
}: {
  /** The list's filters as its address writes them. */
  params: string;
  /** Whether there is anything to save: a filter, a search or an order. */
  canSave: boolean;
  onOpen(params: string): void;
}) {
  const views = useRapportQuery('views:list', {});
  const write = useWrite('views');
  const saved = views.data ?? [];
  const current = saved.find((v) => v.params === params);
  const order = saved.map((v) => v.id);
  // A view moved with the keyboard keeps the focus once the bar shows the new order.
  const focusAfterMove = useRef<number | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    bar.current?.querySelector<HTMLElement>(`[data-view-id="${id}"]`)?.focus();
    focusAfterMove.current = null;
  }, [views.data]);
  if (saved.length === 0 && !canSave) return null;

  /** `keepFocus`: moved with the keyboard, the view keeps the focus in its new place. */
  const move = (id: number, to: number, keepFocus = false) => {
    const next = movedTo(order, id, to);
    if (next === order) return;
    if (keepFocus) focusAfterMove.current = id;
    void write('views:reorder', { ids: [...next] }).catch((e: RapportError) => {
      focusAfterMove.current = null;
      failed(e);
    });
  };
  const dropOn = (to: number) => (event: DragEvent) => {
    const id = Number(event.dataTransfer.getData(VIEW_DRAG_TYPE));
    if (!Number.isInteger(id) || id <= 0) return;
    event.preventDefault();
    move(id, to);
  };

  const save = (name: string) =>
    write('views:save', { name, params }).then((view) =>
      notifications.show({ message: `Saved the view “${view.name}”.`, color: 'green' }),
    );
  const rename = (id: number, before: string) => (name: string) =>
    write('views:rename', { id, name }).then((view) =>
      showUndoNotice({
        id: `view-renamed-${view.id}`,
        message: `Renamed the view “${before}” to “${view.name}”.`,
        autoClose: 8000,
        undoLabel: 'Undo',
        undo: () => write('views:rename', { id, name: before }),
        undone: `The view is “${before}” again.`,
      }),
    );
  const remove = (id: number) =>
    void write('views:delete', { id }).then(
      (view) =>
        showUndoNotice({
          id: `view-deleted-${view.id}`,
          message: `Deleted the view “${view.name}”.`,
          autoClose: 8000,
          undoLabel: 'Undo',
          // Saved again it would go last: put back where it was.
          undo: () =>
            write('views:save', { name: view.name, params: view.params }).then((back) =>
              write('views:reorder', { ids: order.map((other) => (other === id ? back.id : other)) }),
            ),
          undone: `The view “${view.name}” is back.`,
        }),
      failed,
    );

  return (
    <Group gap={6} aria-label="Saved views" role="group" ref={bar}>
      {saved.length > 0 && (
        <Text size="sm" c="dimmed">
          Views
        </Text>
      )}
      {saved.map((view, index) => (
        <Box
          key={view.id}
          draggable
          onDragStart={(event) => {
            event.dataTransfer.setData(VIEW_DRAG_TYPE, String(view.id));
            event.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes(VIEW_DRAG_TYPE)) event.preventDefault();
          }}
          onDrop={dropOn(index)}
        >
          <Button.Group>
            <Button
              size="compact-sm"
              variant={view === current ? 'filled' : 'light'}
              aria-pressed={view === current}
              data-view-id={view.id}
              title="Drag to put it elsewhere, or Alt+← / Alt+→"
              onClick={() => onOpen(view.params)}
              onKeyDown={(event) => {
                if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
                event.preventDefault();
                move(view.id, index + (event.key === 'ArrowLeft' ? -1 : 1), true);
              }}
            >
              {view.name}
              <Text span size="xs" ml={6} opacity={0.75} data-testid="view-count">
                {view.count}
              </Text>
            </Button>
            <ViewNamePopover
              formLabel={`Rename the view ${view.name}`}
              inputLabel="New name"
              initial={view.name}
              submitLabel="Rename"
              onSubmit={rename(view.id, view.name)}
              target={(toggle) => (
                <ActionIcon
                  size={26}
                  variant={view === current ? 'filled' : 'light'}
                  aria-label={`Rename the view ${view.name}`}
                  title="Rename this view"
                  onClick={toggle}
                >
                  ✎
                </ActionIcon>
              )}
            />
            <ActionIcon
              size={26}
              variant={view === current ? 'filled' : 'light'}
              aria-label={`Delete the view ${view.name}`}
              title="Delete this view"
              onClick={() => remove(view.id)}
            >
              ×
            </ActionIcon>
          </Button.Group>
        </Box>
      ))}
      {canSave && !current && (
        <ViewNamePopover
          formLabel="Save view"
          inputLabel="View name"
          submitLabel="Save"
          onSubmit={save}
          target={(toggle) => (
            <Button size="compact-sm" variant="subtle" onClick={toggle}>
              Save view…
            </Button>
          )}
        />
      )}
    </Group>
  );
}
