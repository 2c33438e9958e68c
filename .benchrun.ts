import { writeFileSync } from 'node:fs';
import { run } from './bench/cases/calendar';
import { formatTable } from './bench/lib/timing';
const r = await run();
writeFileSync('/tmp/cal/bench-calendar.json', JSON.stringify(r, null, 2));
console.log(formatTable(r));
