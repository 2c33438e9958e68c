import { run } from '/work/main/bench/cases/calendar';
import { formatTable } from '/work/main/bench/lib/timing';
const r = await run({ sizes: [{ events: 20000, repeats: 1 }] });
console.log(formatTable(r));
console.log(JSON.stringify(r, null, 1));
