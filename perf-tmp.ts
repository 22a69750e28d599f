import { compileCalendar, businessSecondsBetween, addBusinessSeconds } from './src/lib/metrics/business-time.ts';
const wk = { mon: [['09:00','17:30']], tue: [['09:00','17:30']], wed: [['09:00','17:30']], thu: [['09:00','17:30']], fri: [['09:00','17:30']], sat: [], sun: [] } as any;
const uk = compileCalendar({ id: 'uk', timeZone: 'Europe/London', weeklyHours: wk, holidays: ['2026-12-25'], extraWorkingDays: [], extraDayHoursFrom: 'mon' });
for (const step of [997_000, 197_003_000]) {
const t0 = performance.now();
let sum = 0;
for (let i = 0; i < 200_000; i++) {
  const a = Date.UTC(2020, 0, 1) + i * step;
  sum += businessSecondsBetween(a, a + 45 * 86_400_000, uk);
}
const t1 = performance.now();
for (let i = 0; i < 200_000; i++) {
  const a = Date.UTC(2020, 0, 1) + i * step;
  sum += addBusinessSeconds(a, 40 * 3600, uk);
}
console.log(step, t1 - t0, performance.now() - t1);
}
