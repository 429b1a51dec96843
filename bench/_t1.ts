import { readFileSync } from 'node:fs';
import { openStreamedBook } from '../xlsx/stream-book';
const t0 = performance.now();
const b = openStreamedBook(new Uint8Array(readFileSync(process.argv[2]!)), 'x.xlsx', 'en');
for (const s of b.sheets) { const t = performance.now(); const v = b.values(s.name); console.log(s.name, v.length, v[0]?.length, v[1], (performance.now()-t).toFixed(0)); }
console.log((performance.now()-t0).toFixed(0), process.memoryUsage().rss/1e6, process.resourceUsage().maxRSS/1e3);
