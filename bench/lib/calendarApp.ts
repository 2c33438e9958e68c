/**
 * The calendar import as the app ships it, for the bench to bundle: the main-process service
 * and its store here, and the parser's worker thread in `calendar-worker.js` beside the bundle,
 * as electron-vite lays them out.
 */
export { openStore } from '../../src/main/db/open';
export { commitImport, previewImport } from '../../src/main/calendar/service';
export { defaultRunLimits } from '../../src/main/calendar/runner';
