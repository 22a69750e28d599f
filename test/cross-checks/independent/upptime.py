"""Independent count for test/cross-checks/upptime.test.ts (Python 3.9+, standard library only).

Our availability rules re-implemented from docs (spec "Availability"), not from the TypeScript:
a sample's status holds until the next sample of the service, at most max_gap = 2 x the median
interval between consecutive samples whose later sample falls in the period (a UTC month,
clipped to [startTime, last sample of the file)); uncovered time is no data; availability =
up / (up + down). Upptime's side: history summary.json (uptime, dailyMinutesDown).

Run: python3 test/cross-checks/independent/upptime.py [../shared/datasets]
"""
import bisect
import csv
import json
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/datasets'
SETS = {'toro': 'upptime-toro/upptime-history-final', 'manticore': 'upptime-manticore/history'}
DAY = 86_400_000


def ms(iso):
    return int(datetime.fromisoformat(iso.replace('Z', '+00:00')).timestamp() * 1000)


def iso_day(t):
    return datetime.fromtimestamp(t / 1000, timezone.utc).strftime('%Y-%m-%d')


def month_starts(a, b):
    d = datetime.fromtimestamp(a / 1000, timezone.utc).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    while int(d.timestamp() * 1000) < b:
        yield int(d.timestamp() * 1000)
        d = (d + timedelta(days=32)).replace(day=1)


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return None if n == 0 else xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def day_totals(times, states, start, end, max_gap=None):
    """Per UTC day in [start, end): [up ms, down ms, no-data ms], month by month; max_gap None = 2 x median."""
    days = defaultdict(lambda: [0, 0, 0])
    for m in month_starts(start, end):
        nxt = int((datetime.fromtimestamp(m / 1000, timezone.utc) + timedelta(days=32)).replace(day=1).timestamp() * 1000)
        p0, p1 = max(m, start), min(nxt, end)
        lo, hi = bisect.bisect_left(times, p0), bisect.bisect_left(times, p1)
        med = median([times[i] - times[i - 1] for i in range(max(1, lo), hi)])
        gap = max_gap if max_gap is not None else 0 if med is None else 2 * med
        covered = []
        for i in range(max(0, lo - 1), hi):
            a = max(times[i], p0)
            b = min(times[i + 1] if i + 1 < len(times) else float('inf'), times[i] + gap, p1)
            if b > a:
                covered.append((a, b, states[i]))
        # walk the period day by day
        d = p0
        while d < p1:
            d_end = min((d // DAY + 1) * DAY, p1)
            key = iso_day(d)
            cov = 0
            for a, b, s in covered:
                o = min(b, d_end) - max(a, d)
                if o > 0:
                    days[key][0 if s == 'up' else 1] += o
                    cov += o
            days[key][2] += (d_end - d) - cov
            d = d_end
    return days


def episodes(times, states):
    """Down episodes from the samples: [first down sample, next sample that is not down)."""
    out, i = [], 0
    while i < len(times):
        if states[i] == 'down':
            j = i
            while j < len(times) and states[j] == 'down':
                j += 1
            out.append((times[i], times[j] if j < len(times) else None))
            i = j
        else:
            i += 1
    return out


def day_minutes(eps, short):
    """Minutes per UTC day of the episodes shorter than 15 min (short=True) or not."""
    out = defaultdict(float)
    for a, b in eps:
        if b is None or ((b - a) < 900_000) != short:
            continue
        while a < b:
            e = min(b, (a // DAY + 1) * DAY)
            out[iso_day(a)] += (e - a) / 60000
            a = e
    return out


for gap_label, max_gap in (('default max_gap (2 x median)', None), ('maxGap 2d', 2 * DAY)):
  for name, folder in SETS.items():
    summary = json.load(open(f'{DATA}/{folder}/summary.json'))
    rows = list(csv.DictReader(open(f'{DATA}/upptime-{name}/samples_from_git_history.csv', encoding='utf-8')))
    end = max(ms(r['lastUpdated']) for r in rows)
    series = defaultdict(list)
    for r in rows:
        series[r['service_slug']].append((ms(r['lastUpdated']), r['status']))
    print(f'== {gap_label}: {name}: data end {iso_day(end)} {end}')
    all_within, day_pairs, day_within, classes = 0, 0, 0, defaultdict(int)
    for s in summary:
        slug = s['slug']
        start = ms(next(line.split(': ', 1)[1].strip() for line in open(f'{DATA}/{folder}/{slug}.yml') if line.startswith('startTime')))
        xs = sorted(series[slug])
        times, states = [t for t, _ in xs], [st for _, st in xs]
        days = day_totals(times, states, start, end, max_gap)
        up = sum(v[0] for v in days.values())
        down = sum(v[1] for v in days.values())
        ours = 100 * up / (up + down)
        theirs = float(s['uptime'].rstrip('%'))
        d = abs(ours - theirs)
        all_within += d <= 0.5
        print(f'  {slug}: upptime {theirs:.2f}  ours {ours:.4f}  |diff| {d:.4f} pp  coverage {100 * (up + down) / (end - start):.2f} %  down {down / 60000:.1f} min')
        eps = [(a, b) for a, b in episodes(times, states) if a >= start]
        long_min, short_min = day_minutes(eps, False), day_minutes(eps, True)
        window_start = iso_day(end - 364 * DAY)
        for key, (u, dn, nd) in sorted(days.items()):
            if key < window_start or u + dn == 0:
                continue
            o = 100 * u / (u + dn)
            listed = s['dailyMinutesDown'].get(key, 0)
            t = 100 - listed / 14.4
            day_pairs += 1
            if abs(o - t) <= 0.5:
                day_within += 1
                continue
            if long_min.get(key, 0) > listed + 1:
                cls = 'no Upptime incident for an outage of 15 min or more'
            elif short_min.get(key, 0) > 0:
                cls = 'outage shorter than 15 min (Upptime deletes its issue)'
            elif nd > 0:
                cls = 'no data (max_gap) in our day'
            else:
                cls = 'other'
            classes[cls] += 1
            print(f'   day {slug} {key}: upptime {t:.2f} ours {o:.2f}; down {dn / 60000:.1f} min, no data {nd / 60000:.1f} min -> {cls}')
    print(f'  all-time within 0.5 pp: {all_within}/{len(summary)}; days compared {day_pairs}, within 0.5 pp {day_within}; classes {dict(classes)}')

# Upptime's dailyMinutesDown rebuilt from the samples: down episodes of 15 min or more, each
# episode's minutes per UTC day rounded half up (as Upptime rounds each issue's), summed per day.
print('== dailyMinutesDown rebuilt from the samples')
for name, folder in SETS.items():
    summary = json.load(open(f'{DATA}/{folder}/summary.json'))
    rows = list(csv.DictReader(open(f'{DATA}/upptime-{name}/samples_from_git_history.csv', encoding='utf-8')))
    series = defaultdict(list)
    for r in rows:
        series[r['service_slug']].append((ms(r['lastUpdated']), r['status']))
    for s in summary:
        slug = s['slug']
        start = ms(next(line.split(': ', 1)[1].strip() for line in open(f'{DATA}/{folder}/{slug}.yml') if line.startswith('startTime')))
        xs = sorted(series[slug])
        eps = [(a, b) for a, b in episodes([t for t, _ in xs], [st for _, st in xs]) if a >= start and b is not None and b - a >= 900_000]
        rebuilt = defaultdict(int)
        for a, b in eps:
            while a < b:
                e = min(b, (a // DAY + 1) * DAY)
                rebuilt[iso_day(a)] += int((e - a) / 60000 + 0.5)
                a = e
        listed = {k: v for k, v in sorted(s['dailyMinutesDown'].items()) if v > 0}
        since = '2026-03-07' if name == 'toro' else '0000'
        mine = {k: v for k, v in sorted(rebuilt.items()) if k >= since}
        before = [k for k in rebuilt if '2025-06-20' <= k < since]
        print(f'  {slug}: {"same" if mine == listed else f"upptime {listed} samples {mine}"}; days before {since} in the window: {len(before)}')

# Descriptive figures quoted in docs/cross-checks.md.
print('== descriptive')
for name, folder in SETS.items():
    summary = json.load(open(f'{DATA}/{folder}/summary.json'))
    rows = list(csv.DictReader(open(f'{DATA}/upptime-{name}/samples_from_git_history.csv', encoding='utf-8')))
    series = defaultdict(list)
    for r in rows:
        series[r['service_slug']].append((ms(r['lastUpdated']), r['status']))
    longest_gap = max(b[0] - a[0] for xs in series.values() for a, b in zip(sorted(xs), sorted(xs)[1:]))
    short = 0
    for s in summary:
        slug = s['slug']
        start = ms(next(line.split(': ', 1)[1].strip() for line in open(f'{DATA}/{folder}/{slug}.yml') if line.startswith('startTime')))
        xs = sorted(series[slug])
        eps = [(a, b) for a, b in episodes([t for t, _ in xs], [st for _, st in xs]) if a >= start and b is not None]
        short += sum(1 for a, b in eps if b - a < 900_000)
        print(f'  {slug}: Upptime down minutes {sum(s["dailyMinutesDown"].values())}, our episodes {len(eps)}')
    print(f'  {name}: longest gap between two samples {longest_gap / 3_600_000:.1f} h; episodes under 15 min {short}')
