import type { ParsedCalendar, Skipped } from '../../shared/calendar/types';
import { rankOrganizers, repairWarnings, type PartInfo } from './parse';
import { repairedStructure, type LineOffset } from './repair';

/**
 * Files from this size up are read in two threads at once, each half of the events. Below it,
 * the second thread's start and the merge cost more than they save.
 */
export const SPLIT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * One of the two parts of a file: its first `header` bytes (the calendar's properties and time
 * zones, which both parts need), then the bytes from `from` to `to`, then END:VCALENDAR when
 * the file's own end is not in the part.
 */
export interface FilePart {
  header: number;
  from: number;
  to: number;
  close: boolean;
}

const EVENT_LINE = Buffer.from('\nBEGIN:VEVENT');
const END_EVENT_LINE = Buffer.from('\nEND:VEVENT');
const UID_LINE = Buffer.from('\nUID:');
const CALENDAR_LINE = Buffer.from('BEGIN:VCALENDAR');
const END_CALENDAR = Buffer.from('END:VCALENDAR\r\n');

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Where the first `BEGIN:VEVENT` line at or after `from` starts, or -1. */
function eventLineAt(buf: Buffer, from: number): number {
  for (
    let at = buf.indexOf(EVENT_LINE, Math.max(0, from - 1));
    at >= 0;
    at = buf.indexOf(EVENT_LINE, at + 1)
  ) {
    const next = buf[at + EVENT_LINE.length];
    if (next === 13 || next === 10) return at + 1;
  }
  return -1;
}

/** The UID of the event whose BEGIN line starts at `start`, when it is on one plain line. */
function uidAt(buf: Buffer, start: number): string | null {
  const end = buf.indexOf(END_EVENT_LINE, start);
  const at = buf.indexOf(UID_LINE, start);
  if (end < 0 || at < 0 || at > end) return null;
  let stop = at + UID_LINE.length;
  while (stop < end && buf[stop] !== 13 && buf[stop] !== 10) stop++;
  return buf.toString('latin1', at + UID_LINE.length, stop);
}

/**
 * Where to cut a calendar in two: at the start of an event line near the middle, after the
 * header (everything before the first event). Null for a file with no event or more than one
 * calendar. Exporters write a series' moved instances next to it, so the cut moves on while
 * the events on either side of it share a UID. Whether the parts read as the whole file would
 * is checked after reading them (`mergeParts`' caller), not trusted to this search.
 */
export function cutPoint(bytes: Uint8Array): { header: number; cut: number } | null {
  const buf = asBuffer(bytes);
  const calendar = buf.indexOf(CALENDAR_LINE);
  if (calendar < 0 || buf.indexOf(CALENDAR_LINE, calendar + 1) >= 0) return null;
  const header = eventLineAt(buf, calendar);
  if (header < 0) return null;
  let cut = eventLineAt(buf, header + Math.floor((buf.length - header) / 2));
  for (let tries = 0; cut > header && tries < 1000; tries++) {
    const uid = uidAt(buf, cut);
    if (uid === null || uid !== uidAt(buf, buf.lastIndexOf(EVENT_LINE, cut - 2) + 1)) break;
    cut = eventLineAt(buf, cut + 1);
  }
  return cut > header ? { header, cut } : null;
}

/** Line breaks (CR, LF or CRLF, as the repair counts them) from `from` up to `to`. */
function lineBreaks(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(10, from); i >= 0 && i < to; i = buf.indexOf(10, i + 1)) n++;
  for (let i = buf.indexOf(13, from); i >= 0 && i < to; i = buf.indexOf(13, i + 1)) {
    if (buf[i + 1] !== 10) n++;
  }
  return n;
}

/**
 * A part's bytes, and for a part that does not start the file, the offset that names its lines
 * as the file's: its line after the header is the file's line after `from`.
 */
export function partBytes(whole: Uint8Array, part: FilePart): { bytes: Buffer; lineOffset?: LineOffset } {
  const buf = asBuffer(whole);
  const head = buf.subarray(0, part.header);
  const body = buf.subarray(part.from, part.to);
  const bytes = Buffer.concat(part.close ? [head, body, END_CALENDAR] : [head, body]);
  if (part.from === part.header) return { bytes };
  const headerLines = lineBreaks(buf, 0, part.header);
  return { bytes, lineOffset: { from: headerLines, by: lineBreaks(buf, 0, part.from) - headerLines } };
}

/**
 * Why two parts cannot be merged into what reading the file whole gives, or null when they can:
 * then their series are disjoint and the file's structure needed no repair.
 */
export function unmergeable(a: PartInfo, b: PartInfo): string | null {
  if (a.whole || b.whole) return 'it has calendar data after its events';
  if (repairedStructure(a.repairs) || repairedStructure(b.repairs))
    return 'some of its components were not closed as they were opened';
  const inA = new Set(a.uids);
  if (b.uids.some((uid) => inA.has(uid))) return 'a series has events on both sides of the cut';
  return null;
}

/** A part's skipped events by the stage that skipped them (see `PartInfo`). */
function stages(part: ParsedCalendar, info: PartInfo): Skipped[][] {
  const read = info.broken + info.olderCopies;
  return [
    part.skipped.slice(0, info.broken),
    part.skipped.slice(info.broken, read),
    part.skipped.slice(read),
  ];
}

/** The file as one thread reads it, from its two parts (`unmergeable` said they merge). */
export function mergeParts(
  a: ParsedCalendar,
  aInfo: PartInfo,
  b: ParsedCalendar,
  bInfo: PartInfo,
): ParsedCalendar {
  const [aStages, bStages] = [stages(a, aInfo), stages(b, bInfo)];
  // In the order one thread meets them: the first part's kinds, then those new in the second.
  const repairs = { ...aInfo.repairs };
  for (const [kind, n] of Object.entries(bInfo.repairs)) repairs[kind] = (repairs[kind] ?? 0) + n;
  const organizers = new Map<string, number>();
  for (const o of [...a.organizers, ...b.organizers]) {
    organizers.set(o.email, (organizers.get(o.email) ?? 0) + o.count);
  }
  return {
    fileName: a.fileName,
    calendar: a.calendar,
    events: a.events + b.events,
    occurrences: a.occurrences.concat(b.occurrences),
    // In one thread's order: the events that could not be read, the older copies set aside, then
    // what expansion skipped; at each stage the first part's, then the second's.
    skipped: aStages.flatMap((stage, k) => [...stage, ...bStages[k]]),
    // The header's lines left out are warned of once, after the repairs, as one thread does.
    warnings: [...repairWarnings(repairs, a.fileName), ...a.warnings, ...b.warnings.slice(bInfo.leftOut)],
    capped: [...a.capped, ...b.capped],
    approximateZones: [...new Set([...a.approximateZones, ...b.approximateZones])].sort(),
    organizers: rankOrganizers(organizers),
    withdrawn: a.withdrawn.concat(b.withdrawn),
  };
}
