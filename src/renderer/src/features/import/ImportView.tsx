import {
  Alert,
  Avatar,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Loader,
  Progress,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { call, type RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import type { CalendarCommitResult, CalendarPreview } from '../../../../shared/calendar/schemas';
import type { SkipReason } from '../../../../shared/calendar/types';
import { baseName, CalendarsCard } from './CalendarsCard';
import { ExportHelp } from './ExportHelp';
import { NewPeopleCard } from './NewPeopleCard';
import { carriedChoices, firstChoices, peopleChoices, toggled, type PeopleChoices } from './peopleChoices';
import { ImportHistory } from './ImportHistory';
import { MonthBars } from './MonthBars';
import { SeriesCard } from './SeriesCard';
import { RemovalCard } from './RemovalCard';
import { UnansweredChoice } from './UnansweredChoice';
import { UnaddressedPeople } from './UnaddressedPeople';
import { readAsBase64 } from './readFiles';
import { useDroppedFiles } from './windowDrop';
import { count } from '../../../../shared/text/count';
import { addressesIn, notAddressesIn, sameAddresses } from '../../../../shared/text/email';
import { importOutcome } from '../../../../shared/calendar/outcome';
import { isCalendarFile, MAX_CALENDAR_FILES, noCalendarIn } from '../../../../shared/calendar/calendarFiles';
import {
  calendarsOfPickedFolder,
  droppedFiles,
  folderInput,
  unreadableDrop,
  type DroppedFiles,
} from './folderFiles';
import { interactionKindLabels } from '../../../../shared/journal/kinds';
import { workDomains, type NewPeopleCircle } from '../../../../shared/calendar/newPeopleCircle';
import { peoplelessAdvice } from '../../../../shared/calendar/peopleless';
import { ContactAvatarById } from '../contacts/ContactAvatarById';
import { updateParts } from '../../../../shared/calendar/updates';

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const skipLabels: Record<SkipReason, string> = {
  cancelled: 'cancelled',
  absence: 'out of office',
  declined: 'declined by you',
  copied: 'only copied to you',
  broken: 'unreadable',
  duplicate: 'older copies',
  future: 'after the window',
  earlier: 'before the window',
  other_calendar: 'also in another calendar',
  unbounded: 'rules that never end',
  excluded: 'every instance excluded',
  no_people: 'no one but you',
  series_left_out: 'in series you left out',
  unanswered: 'never answered by you',
  deleted_by_you: 'deleted by you in Rapport',
};

interface Picked {
  files: Array<{ name: string; data: string }>;
}

function Stat({
  label,
  value,
  size = 'lg',
  detail,
}: {
  label: string;
  value: string | number;
  size?: 'lg' | 'sm';
  /** A line under the value that says what part of it is. */
  detail?: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size={size}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

function PreviewPanel({
  preview,
  leftOut,
  choices,
  setChoices,
  selfEmail,
  setSelfEmail,
  toggleCalendar,
  leftOutSeries,
  toggleSeries,
  leaveOutSeries,
  removeLeftOut,
  setRemoveLeftOut,
  busy,
  removeWithdrawn,
  setRemoveWithdrawn,
  removeDeleted,
  setRemoveDeleted,
  toggleUnanswered,
  removeUnanswered,
  setRemoveUnanswered,
  toggleBringBack,
  claimAddress,
  newCircle,
  setNewCircle,
  domains,
}: {
  preview: CalendarPreview;
  /** Calendars left out, as asked (the preview shows them left out once it has landed). */
  leftOut: ReadonlySet<string>;
  choices: PeopleChoices;
  setChoices(next: PeopleChoices): void;
  selfEmail: string;
  setSelfEmail(value: string): void;
  /** Previews again with the calendar left out, or back in. */
  toggleCalendar(name: string): void;
  /** Recurring series left out, as asked. */
  leftOutSeries: ReadonlySet<string>;
  /** Previews again with the series left out, or back in. */
  toggleSeries(uid: string): void;
  /** Previews again with these series left out as well. */
  leaveOutSeries(uids: string[]): void;
  removeLeftOut: boolean;
  setRemoveLeftOut(value: boolean): void;
  busy: boolean;
  removeWithdrawn: boolean;
  setRemoveWithdrawn(value: boolean): void;
  removeDeleted: boolean;
  setRemoveDeleted(value: boolean): void;
  /** Previews again with the invitations never answered left out, or back in. */
  toggleUnanswered(): void;
  removeUnanswered: boolean;
  setRemoveUnanswered(value: boolean): void;
  /** Previews again with the meetings the user deleted in Rapport imported again, or left out. */
  toggleBringBack(): void;
  /** Adds an address to the user's own and previews again. */
  claimAddress(email: string): void;
  newCircle: NewPeopleCircle;
  setNewCircle(next: NewPeopleCircle): void;
  /** The user's work domains, from the addresses in the field. */
  domains: readonly string[];
}) {
  const skipped = Object.entries(preview.skippedByReason) as Array<[SkipReason, number]>;
  const notAddresses = notAddressesIn(selfEmail);
  return (
    <Stack gap="md" aria-label="Import preview">
      {(preview.files.length > 1 || preview.files.some((f) => f.skipped || f.importedAs !== null)) && (
        <CalendarsCard files={preview.files} leftOut={leftOut} busy={busy} onToggle={toggleCalendar} />
      )}
      {preview.files.map(
        (f) =>
          f.peopleless && (
            <Alert key={f.name} color="yellow" title={`“${f.calendar || baseName(f.name)}” has no one in it`}>
              {peoplelessAdvice(f.peopleless)}
            </Alert>
          ),
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Events in the files" value={preview.events} />
        <Stat label="Meetings up to the window end" value={preview.occurrences} />
        <Stat label="To create" value={preview.toCreate} />
        <Stat
          label="To update"
          value={preview.toUpdate}
          detail={updateParts(preview).join(' · ') || undefined}
        />
        <Stat label="Already imported" value={preview.unchanged} />
        <Stat label="People matched" value={preview.matchedPeople.length} />
        <Stat label="New people" value={preview.newPeople.length} />
        {/* Two dates do not fit a quarter of the row at the size of a count. */}
        <Stat label="Dates" size="sm" value={`${day(preview.range.from)} – ${day(preview.range.to)}`} />
      </SimpleGrid>
      {preview.perMonth.length > 1 && (
        <Card withBorder padding="sm">
          <MonthBars perMonth={preview.perMonth} />
        </Card>
      )}
      {preview.perKind.length > 0 && (
        <Group gap="xs" aria-label="Meetings by kind">
          <Text size="sm" c="dimmed">
            They become:
          </Text>
          {preview.perKind.map((k) => (
            <Badge key={k.kind} variant="light" color="gray">
              {interactionKindLabels[k.kind]} · {k.meetings.toLocaleString('en')}
            </Badge>
          ))}
        </Group>
      )}
      {preview.series.length > 0 && (
        <SeriesCard
          series={preview.series}
          leftOut={leftOutSeries}
          maxMeetingSize={preview.maxMeetingSize}
          busy={busy}
          onToggle={toggleSeries}
          onLeaveOut={leaveOutSeries}
          imported={preview.seriesImported}
          removeImported={removeLeftOut}
          setRemoveImported={setRemoveLeftOut}
        />
      )}
      {preview.withdrawn.remove + preview.withdrawn.keep > 0 && (
        <RemovalCard
          title="Cancelled or not attended since they were imported"
          color="orange"
          removal={preview.withdrawn}
          label={(meetings) => `Remove them: ${meetings} that did not take place`}
          remove={removeWithdrawn}
          setRemove={setRemoveWithdrawn}
        />
      )}
      {preview.deleted.remove + preview.deleted.keep > 0 && (
        <RemovalCard
          title="No longer in the calendar"
          color="yellow"
          removal={preview.deleted}
          label={(meetings) => `Remove them: ${meetings} imported before that these files no longer hold`}
          description="Deleted in the calendar since, most likely. Only meetings from the calendar's first one in these files on are looked for. Undoing this import puts them back."
          remove={removeDeleted}
          setRemove={setRemoveDeleted}
        />
      )}
      <TextInput
        label="My email addresses"
        description={`${
          preview.selfEmailsSuggested
            ? 'Suggested: the address in the most meetings of these files. You are left out of participants.'
            : 'You are left out of participants, and meetings you declined are skipped.'
        } Separate several with commas.`}
        value={selfEmail}
        onChange={(e) => setSelfEmail(e.currentTarget.value)}
        error={notAddresses.length > 0 ? `Not an email address: ${notAddresses.join(', ')}` : undefined}
      />
      {skipped.length > 0 && (
        <Alert color="gray" title="Skipped">
          {skipped.map(([reason, n]) => `${n} ${skipLabels[reason] ?? reason}`).join(' · ')}
          <ScrollArea.Autosize mah={120} mt="xs">
            {preview.skipped.slice(0, 50).map((s, i) => (
              <Text key={i} size="xs">
                {s.message}
              </Text>
            ))}
          </ScrollArea.Autosize>
        </Alert>
      )}
      {preview.deletedByYou.meetings > 0 && (
        <Checkbox
          checked={preview.deletedByYou.broughtBack}
          disabled={busy}
          onChange={toggleBringBack}
          label={`Import again ${count(preview.deletedByYou.meetings, 'meeting')} you deleted in Rapport`}
          description="You deleted them after an earlier import of these meetings; left unticked, they stay deleted."
        />
      )}
      {(preview.unanswered.meetings > 0 || preview.unanswered.leftOut) && (
        <UnansweredChoice
          unanswered={preview.unanswered}
          busy={busy}
          onToggle={toggleUnanswered}
          removeImported={removeUnanswered}
          setRemoveImported={setRemoveUnanswered}
        />
      )}
      {preview.capped.map((c) => (
        <Alert key={c.uid} color="yellow">
          “{c.title}” repeats more than {c.limit} times; only the first {c.limit} are imported.
        </Alert>
      ))}
      {preview.warnings.length > 0 && (
        <Alert color="gray" title="Notes on reading the files">
          <ScrollArea.Autosize mah={120}>
            {preview.warnings.slice(0, 50).map((w, i) => (
              <Text key={i} size="xs">
                {w.message}
              </Text>
            ))}
          </ScrollArea.Autosize>
        </Alert>
      )}
      {preview.approximate.occurrences > 0 && (
        <Alert color="yellow" title="Approximate times">
          {count(preview.approximate.occurrences, 'meeting')} use time zones Rapport does not know (
          {preview.approximate.zones.join(', ')}); their times may be off by the zone difference.
        </Alert>
      )}
      {preview.newPeople.length > 0 && (
        <NewPeopleCard
          preview={preview}
          choices={choices}
          setChoices={setChoices}
          claimAddress={claimAddress}
          circle={newCircle}
          setCircle={setNewCircle}
          domains={domains}
        />
      )}
      <UnaddressedPeople people={preview.unaddressed} />
      {preview.topPeople.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            Top people by meetings
          </Text>
          <Table striped>
            <Table.Tbody>
              {preview.topPeople.map((p) => (
                <Table.Tr key={p.email} data-email={p.email}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {p.contactId ? (
                        <ContactAvatarById contactId={p.contactId} name={p.name} size={26} aria-hidden />
                      ) : (
                        <Avatar name={p.name} color="initials" size={26} aria-hidden />
                      )}
                      {p.name}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>{p.meetings}</Table.Td>
                  <Table.Td>
                    {p.contactId ? <Badge variant="light">matched</Badge> : <Badge color="gray">new</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}

function History() {
  const history = useRapportQuery('calendar:history', {});
  if (history.isPending) return <Loader size="sm" />;
  if (history.isError) return <Alert color="red">{history.error.message}</Alert>;
  if (history.data.length === 0) return null;
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        Import history
      </Text>
      <ImportHistory
        label="Calendar import history"
        rows={history.data.map((h) => ({
          ...h,
          outcome: importOutcome(h, 'short'),
        }))}
        undo={(importId) => call('calendar:undo', { importId })}
      />
    </Card>
  );
}

const NOTHING_TO_IMPORT = 'Nothing to import';

/**
 * What the import button does: import meetings, or when there are none, remove the ones going.
 * Files with no meeting to import or already imported have nothing to do ("Nothing new" would be untrue).
 */
function commitLabel(
  preview: CalendarPreview,
  remove: { withdrawn: boolean; leftOut: boolean; deleted: boolean; unanswered: boolean },
): string {
  const writes = preview.toCreate + preview.toUpdate;
  const cancelled = remove.withdrawn ? preview.withdrawn.remove : 0;
  const others =
    (remove.leftOut ? preview.seriesImported.remove : 0) +
    (remove.deleted ? preview.deleted.remove : 0) +
    (remove.unanswered && preview.unanswered.leftOut ? preview.unanswered.imported.remove : 0);
  if (writes === 0 && preview.unchanged === 0 && cancelled + others === 0) return NOTHING_TO_IMPORT;
  if (writes > 0 || cancelled + others === 0) return `Import ${count(writes, 'meeting')}`;
  return others === 0
    ? `Remove ${count(cancelled, 'cancelled meeting')}`
    : `Remove ${count(cancelled + others, 'meeting')}`;
}

/** Calendar (.ics or .zip) import: pick or drop files, review the preview, keep or drop new people, commit, undo. */
export function ImportView() {
  const client = useQueryClient();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [windowEnd, setWindowEnd] = useState(() => new Date().toISOString().slice(0, 10));
  const [maxMeetingSize, setMaxMeetingSize] = useState('25');
  /** The first day to import, or '' for the whole history. */
  const [windowStart, setWindowStart] = useState('');
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [choices, setChoices] = useState<PeopleChoices>({ dropped: new Set(), asNew: new Set() });
  /** Calendars in the chosen files the user left out. */
  const [skipFiles, setSkipFiles] = useState<string[]>([]);
  /** UIDs of the recurring series left out; null until the first preview says which were left out before. */
  const [skipSeries, setSkipSeries] = useState<string[] | null>(null);
  /** Leave out the invitations never answered; null until the first preview says what the last import chose. */
  const [skipUnanswered, setSkipUnanswered] = useState<boolean | null>(null);
  /** Import again the meetings the user deleted in Rapport (the preview's `deletedByYou`). */
  const [bringBackDeleted, setBringBackDeleted] = useState(false);
  /** Take back the meetings imported before that are now cancelled or not attended (the preview's `withdrawn`). */
  const [removeWithdrawn, setRemoveWithdrawn] = useState(true);
  /** Remove the meetings of the series left out that earlier imports brought in (the preview's `seriesImported`). */
  const [removeLeftOut, setRemoveLeftOut] = useState(false);
  /** Remove the meetings imported before that the files no longer hold (the preview's `deleted`). */
  const [removeDeleted, setRemoveDeleted] = useState(false);
  /** Remove the meetings never answered that earlier imports brought in (the preview's `unanswered.imported`). */
  const [removeUnanswered, setRemoveUnanswered] = useState(false);
  const [selfEmail, setSelfEmail] = useState('');
  /** The circle new contacts go into; "by_domain" means none while the user's addresses have no work domain. */
  const [newCircle, setNewCircle] = useState<NewPeopleCircle>('by_domain');
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'previewing' | 'committing'>('idle');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  /** Bytes of the chosen files read so far in the main process, while previewing. */
  const [reading, setReading] = useState<{ done: number; total: number; again: boolean } | null>(null);
  const [result, setResult] = useState<CalendarCommitResult | null>(null);
  /** The window and meeting size the shown preview was asked with. */
  const [previewedWith, setPreviewedWith] = useState<string | null>(null);
  const settings = `${windowStart}|${windowEnd}|${maxMeetingSize}`;
  const startsAfterEnd = windowStart !== '' && windowStart > windowEnd;
  /** The fields say something else than the preview: what Import would write is not what is shown. */
  const stale = preview !== null && previewedWith !== null && settings !== previewedWith;

  useEffect(
    () =>
      window.rapport.on('import:progress', (p) => {
        if (p.phase === 'writing') setProgress({ done: p.done, total: p.total });
        else if ((p.phase === 'reading' || p.phase === 'reading again') && p.total > 1) {
          setReading({ done: p.done, total: p.total, again: p.phase === 'reading again' });
        }
      }),
    [],
  );

  /**
   * Previews the files; the people chosen in `previous` (the same files' last preview, unless
   * told otherwise) keep their choices, and the calendars and series left out stay out.
   */
  const runPreview = async (
    files: Picked,
    end: string,
    self?: string[],
    over: {
      skipFiles?: string[];
      skipSeries?: string[] | null;
      skipUnanswered?: boolean | null;
      bringBackDeleted?: boolean;
      previous?: CalendarPreview | null;
    } = {},
  ) => {
    const skip = over.skipFiles ?? skipFiles;
    const series = over.skipSeries === undefined ? skipSeries : over.skipSeries;
    const unanswered = over.skipUnanswered === undefined ? skipUnanswered : over.skipUnanswered;
    const bringBack = over.bringBackDeleted ?? bringBackDeleted;
    const previous = over.previous === undefined ? preview : over.previous;
    const size = Number.parseInt(maxMeetingSize, 10);
    setPhase('previewing');
    setPreviewedWith(settings);
    setReading(null);
    setError(null);
    setResult(null);
    try {
      const value = await call('calendar:preview', {
        files: files.files,
        windowEnd: new Date(`${end}T23:59:59.999Z`).toISOString(),
        ...(windowStart ? { windowStart: new Date(`${windowStart}T00:00:00.000Z`).toISOString() } : {}),
        ...(self && self.length > 0 ? { selfEmails: self } : {}),
        ...(size >= 2 ? { maxMeetingSize: size } : {}),
        ...(skip.length > 0 ? { skipFiles: skip } : {}),
        ...(series ? { skipSeries: series } : {}),
        ...(unanswered === null ? {} : { skipUnanswered: unanswered }),
        ...(bringBack ? { bringBackDeleted: true } : {}),
      });
      setPreview(value);
      setSkipSeries(value.series.filter((s) => s.leftOut).map((s) => s.uid));
      setSkipUnanswered(value.unanswered.leftOut);
      setChoices(previous ? carriedChoices(previous, choices, value) : firstChoices(value));
      setSelfEmail(value.selfEmails.join(', '));
    } catch (e) {
      setPreview(null);
      setError((e as RapportError).message);
    } finally {
      setPhase('idle');
    }
  };

  const choose = async (files: File[]) => {
    // A preview now would take the place of the import being written, and of its result.
    if (phase === 'committing') {
      notifications.show({
        color: 'yellow',
        message: `An import is being written: choose or drop ${files[0]?.name ?? 'the files'} again once it is done.`,
      });
      return;
    }
    const usable = files.filter((f) => isCalendarFile(f.name));
    if (usable.length === 0) {
      setError('Choose .ics calendar files or a .zip of them.');
      return;
    }
    if (usable.length > MAX_CALENDAR_FILES) {
      setError(
        `That is ${usable.length} calendar files, more than the ${MAX_CALENDAR_FILES} one import reads: choose the calendars you want.`,
      );
      return;
    }
    setPhase('reading');
    const read = {
      files: await Promise.all(usable.map(async (f) => ({ name: f.name, data: await readAsBase64(f) }))),
    };
    setPicked(read);
    setSkipFiles([]);
    setSkipSeries(null);
    setSkipUnanswered(null);
    setBringBackDeleted(false);
    setRemoveWithdrawn(true);
    setRemoveLeftOut(false);
    setRemoveDeleted(false);
    setRemoveUnanswered(false);
    await runPreview(read, windowEnd, undefined, {
      skipFiles: [],
      skipSeries: null,
      skipUnanswered: null,
      bringBackDeleted: false,
      previous: null,
    });
  };

  // Calendar files dropped anywhere on the window come here.
  useDroppedFiles('calendar', (files) => void choose(files));

  const commit = async () => {
    if (!preview || !picked) return;
    setPhase('committing');
    setError(null);
    setProgress({ done: 0, total: preview.toCreate + preview.toUpdate });
    try {
      const self = addressesIn(selfEmail);
      const value = await call('calendar:commit', {
        previewId: preview.previewId,
        ...peopleChoices(preview, choices),
        ...(self.length > 0 ? { selfEmails: self } : {}),
        newPeopleCircle: circle,
        ...(removeWithdrawn ? {} : { keepWithdrawn: true }),
        ...(removeLeftOut ? { removeLeftOutSeries: true } : {}),
        ...(removeDeleted ? { removeDeleted: true } : {}),
        ...(removeUnanswered && preview.unanswered.leftOut ? { removeUnanswered: true } : {}),
      });
      setResult(value);
      setPreview(null);
      await client.invalidateQueries();
    } catch (e) {
      setError((e as RapportError).message);
    } finally {
      setPhase('idle');
    }
  };

  /** Leaves out these series (the ones already left out included) and previews again. */
  const previewWithSeries = (next: string[]) => {
    if (!picked) return;
    setSkipSeries(next);
    void runPreview(picked, windowEnd, addressesIn(selfEmail), { skipSeries: next });
  };

  const previewAgain = useEffectEvent(() => {
    if (picked) void runPreview(picked, windowEnd, addressesIn(selfEmail));
  });
  // Changed dates or size preview again once the user pauses, so the counts shown are what Import writes.
  useEffect(() => {
    if (!stale || startsAfterEnd || phase !== 'idle') return;
    const timer = setTimeout(previewAgain, 600);
    return () => clearTimeout(timer);
  }, [stale, startsAfterEnd, phase, settings]);

  /** Files from a drop or a folder: a folder with no calendar in it is named. */
  const chooseDropped = ({ files, folders }: DroppedFiles) =>
    files.length === 0 && folders.length > 0 ? setError(noCalendarIn(folders)) : choose(files);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    void droppedFiles(event.dataTransfer).then(chooseDropped, (e: Error) => setError(unreadableDrop(e)));
  };

  const selfChanged = preview !== null && !sameAddresses(addressesIn(selfEmail), preview.selfEmails);
  // Main leaves out what is not an address; importing or previewing with one would silently drop it.
  const addressesWrong = notAddressesIn(selfEmail).length > 0;
  const domains = workDomains(addressesIn(selfEmail));
  // "By domain" is offered only while the addresses have a work domain; otherwise it is none.
  const circle = newCircle === 'by_domain' && domains.length === 0 ? null : newCircle;
  const label =
    preview &&
    commitLabel(preview, {
      withdrawn: removeWithdrawn,
      leftOut: removeLeftOut,
      deleted: removeDeleted,
      unanswered: removeUnanswered,
    });

  return (
    <Stack gap="lg" p="md">
      <Title order={2}>Import a calendar</Title>
      <Card
        withBorder
        padding="xl"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        aria-label="Drop calendar files here"
        style={{ borderStyle: 'dashed', textAlign: 'center' }}
      >
        <Stack align="center" gap="xs">
          <Text>
            Drop .ics files (or the .zip Google Calendar exports, or the folder it unpacks to) here, or
          </Text>
          <Group gap="xs" justify="center">
            <FileButton
              onChange={(files) => void choose(files)}
              accept=".ics,.zip,text/calendar,application/zip"
              multiple
            >
              {(props) => (
                <Button {...props} loading={phase === 'reading' || phase === 'previewing'}>
                  Choose files
                </Button>
              )}
            </FileButton>
            <FileButton
              onChange={(files) => void chooseDropped(calendarsOfPickedFolder(files))}
              multiple
              inputProps={folderInput}
            >
              {(props) => (
                <Button {...props} variant="default" disabled={phase === 'reading' || phase === 'previewing'}>
                  Choose a folder
                </Button>
              )}
            </FileButton>
          </Group>
          {picked ? (
            <Text size="sm" c="dimmed">
              {picked.files.map((f) => f.name).join(', ')}
            </Text>
          ) : (
            <ExportHelp />
          )}
          {phase === 'previewing' && reading && (
            <Stack gap={4} w="100%">
              <Progress aria-label="Reading progress" value={(100 * reading.done) / reading.total} animated />
              <Text size="xs" c="dimmed">
                {reading.again ? 'Reading it again in one piece: ' : 'Read '}
                {megabytes(reading.done)} of {megabytes(reading.total)}
              </Text>
            </Stack>
          )}
        </Stack>
      </Card>
      <Group align="end">
        <TextInput
          type="date"
          label="Import meetings from"
          description="Empty for the whole history"
          value={windowStart}
          max={windowEnd}
          error={startsAfterEnd ? 'After the last day' : undefined}
          onChange={(e) => setWindowStart(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Import meetings up to"
          description="Later meetings are left out"
          value={windowEnd}
          onChange={(e) => setWindowEnd(e.currentTarget.value)}
        />
        <TextInput
          type="number"
          min={2}
          label="New people only from meetings up to"
          description="Larger meetings propose no one"
          value={maxMeetingSize}
          onChange={(e) => setMaxMeetingSize(e.currentTarget.value)}
          rightSection={<Text size="xs">people</Text>}
          rightSectionWidth={56}
        />
        {picked && (
          <Button
            variant="light"
            onClick={() => void runPreview(picked, windowEnd, addressesIn(selfEmail))}
            loading={phase === 'previewing'}
            disabled={addressesWrong}
          >
            Preview again
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" title="This calendar cannot be imported">
          {error}
        </Alert>
      )}
      {preview && (
        <>
          <PreviewPanel
            preview={preview}
            leftOut={new Set(skipFiles)}
            choices={choices}
            setChoices={setChoices}
            toggleCalendar={(name) => {
              if (!picked) return;
              const next = [...toggled(new Set(skipFiles), name)];
              setSkipFiles(next);
              void runPreview(picked, windowEnd, addressesIn(selfEmail), { skipFiles: next });
            }}
            leftOutSeries={new Set(skipSeries)}
            removeLeftOut={removeLeftOut}
            setRemoveLeftOut={setRemoveLeftOut}
            toggleSeries={(uid) => previewWithSeries([...toggled(new Set(skipSeries), uid)])}
            leaveOutSeries={(uids) => previewWithSeries([...new Set([...(skipSeries ?? []), ...uids])])}
            busy={phase !== 'idle'}
            removeWithdrawn={removeWithdrawn}
            setRemoveWithdrawn={setRemoveWithdrawn}
            removeDeleted={removeDeleted}
            setRemoveDeleted={setRemoveDeleted}
            removeUnanswered={removeUnanswered}
            setRemoveUnanswered={setRemoveUnanswered}
            toggleUnanswered={() => {
              if (!picked || !preview) return;
              const next = !preview.unanswered.leftOut;
              setSkipUnanswered(next);
              void runPreview(picked, windowEnd, addressesIn(selfEmail), { skipUnanswered: next });
            }}
            toggleBringBack={() => {
              if (!picked || !preview) return;
              const next = !preview.deletedByYou.broughtBack;
              setBringBackDeleted(next);
              void runPreview(picked, windowEnd, addressesIn(selfEmail), { bringBackDeleted: next });
            }}
            claimAddress={(email) => {
              if (!picked) return;
              const next = [...addressesIn(selfEmail), email];
              setSelfEmail(next.join(', '));
              void runPreview(picked, windowEnd, next);
            }}
            selfEmail={selfEmail}
            setSelfEmail={setSelfEmail}
            newCircle={circle}
            setNewCircle={setNewCircle}
            domains={domains}
          />
          {selfChanged && (
            <Text size="sm" c="dimmed">
              Your addresses changed: the import will use them. Preview again to see the counts with them (the
              files are not read again).
            </Text>
          )}
          {stale && !startsAfterEnd && (
            <Text size="sm" c="dimmed">
              The dates or the meeting size changed: previewing again…
            </Text>
          )}
          <Group>
            <Button
              onClick={() => void commit()}
              loading={phase === 'committing'}
              disabled={
                stale ||
                startsAfterEnd ||
                addressesWrong ||
                phase === 'previewing' ||
                label === NOTHING_TO_IMPORT
              }
            >
              {label}
            </Button>
            <Button variant="default" onClick={() => setPreview(null)} disabled={phase === 'committing'}>
              Cancel
            </Button>
          </Group>
        </>
      )}
      {phase === 'committing' && progress && (
        <Progress
          aria-label="Import progress"
          value={progress.total === 0 ? 100 : (100 * progress.done) / progress.total}
          animated
        />
      )}
      {result && (
        <Alert
          color={result.nothingNew ? 'gray' : 'green'}
          title={result.nothingNew ? 'Nothing new' : 'Imported'}
        >
          <Text size="sm">
            {result.nothingNew
              ? 'Every meeting in these files is already in Rapport; nothing was changed.'
              : `${importOutcome(result, 'full')}.`}
          </Text>
          {result.created + result.updated > 0 && (
            <Anchor component={Link} to="/journal?source=ics" size="sm">
              See the meetings from calendars in the journal
            </Anchor>
          )}
        </Alert>
      )}
      <History />
    </Stack>
  );
}
