import { describe, expect, it } from 'vitest';
import { folderFileNames, isCalendarInFolder } from '../../../src/shared/calendar/calendarFiles';

describe('calendar files found in a folder', () => {
  it('are its iCalendar files, not zips, hidden files or what macOS keeps in __MACOSX', () => {
    expect(
      [
        'Takeout/Calendar/Work.ics',
        'Takeout/Calendar/Team.ICS',
        'Takeout/Calendar/feed.ical',
        'Takeout/Calendar/busy.ifb',
        'Takeout/calendar-export.zip',
        'Takeout/Calendar/.Work.ics',
        'Takeout/.git/Work.ics',
        '__MACOSX/Takeout/Calendar/._Work.ics',
        'Takeout/archive_browser.html',
        'Takeout/Calendar/Work.ics.txt',
      ].filter(isCalendarInFolder),
    ).toEqual([
      'Takeout/Calendar/Work.ics',
      'Takeout/Calendar/Team.ICS',
      'Takeout/Calendar/feed.ical',
      'Takeout/Calendar/busy.ifb',
    ]);
  });

  it('are named by their file name, as when chosen alone, or by their path where two share it', () => {
    expect(
      folderFileNames(['Takeout/Calendar/Work.ics', 'Takeout/Old/Work.ics', 'Takeout/Calendar/Team.ics']),
    ).toEqual(['Takeout/Calendar/Work.ics', 'Takeout/Old/Work.ics', 'Team.ics']);
    expect(folderFileNames([])).toEqual([]);
  });
});
