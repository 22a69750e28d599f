"""Independent count for test/cross-checks/servicenow-uci.test.ts (Python 3.9+, standard library only).

Population = the tickets our ingestion keeps: rows whose incident_state is Resolved or Closed with
resolved_at "?" are rejected, and each incident's last remaining row is its final state (3,424
incidents). ServiceNow's verdict = made_sla on that row. Dates d/m/Y H:M, read as UTC.

Run: python3 test/cross-checks/independent/servicenow_uci.py [../shared/datasets]
"""
import csv
import sys
from collections import Counter
from datetime import datetime

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/datasets'
rows = list(csv.DictReader(open(f'{DATA}/uci-incident-event-log/incident_event_log_subset.csv')))


def parse(s):
    return None if s == '?' else datetime.strptime(s, '%d/%m/%Y %H:%M')


final = {}
for r in rows:
    if r['incident_state'] in ('Resolved', 'Closed') and r['resolved_at'] == '?':
        continue
    final[r['number']] = r  # later rows win
tickets = list(final.values())
print('tickets', len(tickets), 'made_sla', dict(Counter(t['made_sla'] for t in tickets)),
      'open', sum(t['incident_state'] not in ('Resolved', 'Closed') for t in tickets))
PRIORITIES = ['1 - Critical', '2 - High', '3 - Moderate', '4 - Low']
print('per priority', {p: dict(Counter(t['made_sla'] for t in tickets if t['priority'] == p)) for p in PRIORITIES})


def minutes(t, field):
    """Minutes from opened_at to field, None for a ticket still open (our ingestion keeps no resolved time for it)."""
    if t['incident_state'] not in ('Resolved', 'Closed'):
        return None
    return (parse(t[field]) - parse(t['opened_at'])).total_seconds() / 60


def agreement(field, targets):
    """made_sla vs (elapsed <= target); targets in minutes per priority."""
    out = {}
    for p in PRIORITIES:
        sel = [t for t in tickets if t['priority'] == p]
        ok = sum((m is not None and m <= targets[p]) == (t['made_sla'] == 'true') for t in sel for m in [minutes(t, field)])
        out[p] = (ok, len(sel))
    total = sum(a for a, _ in out.values())
    return total, out


def best(field):
    """Per priority, the target (minutes, at least 1) that maximises agreement; ties: the smallest."""
    out = {}
    for p in PRIORITIES:
        sel = [(minutes(t, field), t['made_sla'] == 'true') for t in tickets if t['priority'] == p]
        cands = sorted({1} | {m for m, _ in sel if m is not None and m >= 1})
        scored = [(sum((m is not None and m <= c) == made for m, made in sel), -c) for c in cands]
        ok, neg = max(scored)
        out[p] = (-neg, ok, len(sel))
    return out


def show(label, field, targets):
    total, per = agreement(field, targets)
    print(f'{label}: {total}/{len(tickets)} ({100 * total / len(tickets):.2f} %)', per)


H, D = 60, 1440
show('A nominal (resolved_at; 4h, 8h, 3d, 5d)', 'resolved_at', {PRIORITIES[0]: 4 * H, PRIORITIES[1]: 8 * H, PRIORITIES[2]: 3 * D, PRIORITIES[3]: 5 * D})
largest = {p: max((m for t in tickets if t['priority'] == p and t['made_sla'] == 'true' for m in [minutes(t, 'resolved_at')] if m is not None), default=None)
           for p in PRIORITIES}
print('largest resolution minutes among made_sla=true:', largest)
show('B largest made_sla=true resolution (High: none, 8h)', 'resolved_at',
     {p: (v if v is not None else 8 * H) for p, v in largest.items()})
b = best('resolved_at')
print('C best resolution target per priority (minutes, agree, n):', b, 'total', sum(x[1] for x in b.values()))
# D: the same comparison with closed_at in place of resolved_at, over every incident's final row
# (closed_at is never "?", so no row is rejected and all 3,551 incidents are kept).
print('closed_at "?" rows:', sum(r['closed_at'] == '?' for r in rows))
last = {}
for r in rows:
    last[r['number']] = r
tickets = list(last.values())
print('D population', len(tickets), dict(Counter(t['made_sla'] for t in tickets)))
c = best('closed_at')
print('best open->closed target per priority (minutes, agree, n):', c, 'total', sum(x[1] for x in c.values()))
show('D closed_at with 8h, 1d, 8d18h, 21d', 'closed_at', {PRIORITIES[0]: 8 * H, PRIORITIES[1]: 1 * D, PRIORITIES[2]: 8 * D + 18 * H, PRIORITIES[3]: 21 * D})
for t in tickets:
    m = minutes(t, 'closed_at')
    target = {PRIORITIES[0]: 8 * H, PRIORITIES[1]: 1 * D, PRIORITIES[2]: 8 * D + 18 * H, PRIORITIES[3]: 21 * D}[t['priority']]
    if (m <= target) != (t['made_sla'] == 'true'):
        print('  exception', t['number'], t['priority'], 'made_sla', t['made_sla'], 'hours to close', round(m / 60, 1),
              'to resolve', None if t['resolved_at'] == '?' else round(minutes(t, 'resolved_at') / 60, 1))
# made_sla turns false at which event? (all 3,551 incidents, file order)
first_false = Counter()
seen = set()
for r in rows:
    if r['made_sla'] == 'false' and r['number'] not in seen:
        seen.add(r['number'])
        first_false[r['incident_state']] += 1
print('state of the first made_sla=false event:', dict(first_false))
