import { readFileSync } from 'node:fs';
import { openStreamedBook } from '../xlsx/stream-book';
const b = openStreamedBook(new Uint8Array(readFileSync(process.argv[2]!)), 'x.xlsx', 'en');
const keep = b.values('行動');
(globalThis as { gc?: () => void }).gc?.();
const m = process.memoryUsage();
console.log(keep.length, 'heapUsed', (m.heapUsed / 1e6).toFixed(0), 'rss', (m.rss / 1e6).toFixed(0), 'ext', (m.external/1e6).toFixed(0), 'ab', (m.arrayBuffers/1e6).toFixed(0), 'maxRSS', process.resourceUsage().maxRSS / 1e3);
