import { Box, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isCalendarFile, noCalendarIn } from '../../../../shared/calendar/calendarFiles';
import { droppedFiles, unreadableDrop, type DroppedFiles } from './folderFiles';

/** Which import a dropped file is for. */
export type DropKind = 'calendar' | 'contacts';

const importPaths: Record<DropKind, string> = { calendar: '/import', contacts: '/import/contacts' };

/** LinkedIn's export and Google's contacts come as a .zip or a .csv; vCards as .vcf. */
function isContactsFile(name: string): boolean {
  return /\.(csv|vcf|vcard|zip)$/i.test(name);
}

/**
 * Which import the files dropped are for, and the ones it takes. A .zip is a calendar export
 * (Google's) unless the user is on the contacts import, where it is LinkedIn's.
 */
export function importFor(files: File[], pathname: string): { kind: DropKind; files: File[] } | null {
  const calendar = files.filter((f) => isCalendarFile(f.name));
  const contacts = files.filter((f) => isContactsFile(f.name));
  if (pathname === importPaths.contacts && contacts.length > 0) return { kind: 'contacts', files: contacts };
  if (calendar.length > 0) return { kind: 'calendar', files: calendar };
  if (contacts.length > 0) return { kind: 'contacts', files: contacts };
  return null;
}

interface Dropped {
  /** Changes with every drop, so the import view it is for looks again. */
  version: number;
  /** The files dropped for this import, once: whoever takes them first has them. */
  take(kind: DropKind): File[] | null;
}

const DroppedContext = createContext<Dropped>({ version: 0, take: () => null });

/**
 * Takes files dropped anywhere on the window (a drop zone of a view takes its own first) to the
 * import they are for: the browser would otherwise try to open them as a page.
 */
export function WindowDrop({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pending = useRef<{ kind: DropKind; files: File[] } | null>(null);
  const [version, setVersion] = useState(0);
  const [dragging, setDragging] = useState(false);

  const route = useEffectEvent(({ files, folders }: DroppedFiles) => {
    const target = importFor(files, pathname);
    if (!target) {
      notifications.show({
        color: 'red',
        message:
          files.length === 0
            ? noCalendarIn(folders)
            : `Rapport imports calendars (.ics, or Google's .zip) and contacts (.csv, .vcf); not ${files[0].name}.`,
      });
      return;
    }
    pending.current = target;
    setVersion((v) => v + 1);
    void navigate(importPaths[target.kind]);
  });

  const onDrop = useEffectEvent((event: DragEvent) => {
    if (event.defaultPrevented || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    void droppedFiles(event.dataTransfer).then(route, (error: Error) =>
      notifications.show({ color: 'red', message: unreadableDrop(error) }),
    );
  });

  useEffect(() => {
    let hide: ReturnType<typeof setTimeout> | undefined;
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      // Without this a drop is never offered: the window would not take it.
      event.preventDefault();
      setDragging(true);
      // The browser repeats dragover while files are held over the window; once it stops, they left.
      clearTimeout(hide);
      hide = setTimeout(() => setDragging(false), 400);
    };
    const drop = (event: DragEvent) => {
      clearTimeout(hide);
      setDragging(false);
      onDrop(event);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      clearTimeout(hide);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const take = useCallback((kind: DropKind) => {
    const dropped = pending.current;
    if (dropped?.kind !== kind) return null;
    pending.current = null;
    return dropped.files;
  }, []);

  return (
    <DroppedContext value={{ version, take }}>
      {children}
      {dragging && <DropHint />}
    </DroppedContext>
  );
}

/** Over the whole window while files are held over it; the drop goes through it to the page. */
function DropHint() {
  return (
    <Box
      role="status"
      pos="fixed"
      inset={0}
      style={{
        zIndex: 400,
        pointerEvents: 'none',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'rgba(0, 0, 0, 0.3)',
      }}
    >
      <Paper p="xl" radius="md" shadow="md" withBorder>
        <Text fw={600} ta="center">
          Drop to import
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          Calendars (.ics, or Google's .zip) or contacts (.csv, .vcf)
        </Text>
      </Paper>
    </Box>
  );
}

/** Hands the files dropped on the window for this import to `use`, when the view shows and at each drop. */
export function useDroppedFiles(kind: DropKind, use: (files: File[]) => void): void {
  const { version, take } = useContext(DroppedContext);
  const onFiles = useEffectEvent(use);
  useEffect(() => {
    const files = take(kind);
    if (files) onFiles(files);
  }, [version, kind, take]);
}
