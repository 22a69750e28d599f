/**
 * Leader clustering of ticket titles (spec "Recurring issues"). Each expectation lists the word
 * sets and the Jaccard similarities worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GroupableTicket, groupRecurringIssues, UNTITLED_GROUP_KEY } from '../../src/lib/metrics/group-recurring-issues.ts';
import { jaccard } from '../../src/lib/metrics/jaccard.ts';
import { normalizeTitle } from '../../src/lib/metrics/normalize-title.ts';
import { segmentTitle } from '../../src/lib/metrics/segment-title.ts';
import { assertProperty } from '../helpers/property.ts';

/** The spec's procedure written out plainly: compare with every leader using jaccard(). */
function referenceClusters(tickets: readonly GroupableTicket[], threshold = 0.5): string[][] {
  const ordered = [...tickets].sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1));
  const groups: Array<{ leader: string[]; ids: string[] }> = [];
  const untitled: string[] = [];
  for (const t of ordered) {
    const words = segmentTitle(normalizeTitle(t.title));
    if (words.length === 0) {
      if (untitled.length === 0) groups.push({ leader: [], ids: untitled });
      untitled.push(t.id);
      continue;
    }
    let best: (typeof groups)[number] | null = null;
    let bestJ = -1;
    for (const g of groups) {
      if (g.ids === untitled) continue;
      const j = jaccard(words, g.leader)!;
      if (j > bestJ) [best, bestJ] = [g, j];
    }
    if (best && bestJ >= threshold) best.ids.push(t.id);
    else groups.push({ leader: words, ids: [t.id] });
  }
  return groups.map((g) => g.ids);
}

let n = 0;
function ticket(title: string, over: Partial<GroupableTicket> = {}): GroupableTicket {
  n++;
  return Object.freeze({ id: `T${String(n).padStart(3, '0')}`, createdMs: n * 1000, title, category: null, ...over });
}
const ids = (g: { ticketIds: string[] }) => g.ticketIds;

describe('groupRecurringIssues', () => {
  it('joins the group whose leader is similar enough, else leads a new one', () => {
    const t = [
      ticket('Cannot log in to customer portal'), // {log, customer, portal} → leads A
      ticket('Customer portal log in fails'), // {customer, portal, log, fails}: J(A) = 3/4 → A
      ticket('Printer jammed on floor 3'), // {printer, jammed, floor} → leads B
      ticket('Portal slow'), // {portal, slow}: J(A) = 1/4, J(B) = 0 → leads C
      ticket('Printer jammed again'), // {printer, jammed}: J(B) = 2/3 → B
    ];
    const r = groupRecurringIssues(t);
    expect(r.threshold).toBe(0.5);
    expect(r.groups.map((g) => [g.key, ids(g)])).toEqual([
      ['customer log portal', ['T001', 'T002']],
      ['floor jammed printer', ['T003', 'T005']],
      ['portal slow', ['T004']],
    ]);
    expect(r.groups[0]).toMatchObject({ leaderTicketId: 'T001', words: ['customer', 'log', 'portal'], untitled: false });
  });

  it('compares with leaders only: no chaining', () => {
    // A {alpha, beta, gamma}; B {beta, gamma, delta}: J(A,B) = 2/4 = 0.5 → joins A
    // C {gamma, delta, epsilon}: J(A,C) = 1/5 = 0.2 (< 0.5) although J(B,C) = 2/4 → leads its own group
    const a = ticket('alpha beta gamma');
    const b = ticket('beta gamma delta');
    const c = ticket('gamma delta epsilon');
    expect(groupRecurringIssues([a, b, c]).groups.map(ids)).toEqual([[a.id, b.id], [c.id]]);
  });

  it('threshold is inclusive and configurable', () => {
    // {a1, b1} vs {a1, c1}: J = 1/3
    const a = ticket('apple banana');
    const b = ticket('apple cherry');
    expect(groupRecurringIssues([a, b]).groups).toHaveLength(2);
    expect(groupRecurringIssues([a, b], { threshold: 1 / 3 }).groups).toHaveLength(1);
    expect(groupRecurringIssues([a, b], { threshold: 0.34 }).groups).toHaveLength(2);
    expect(() => groupRecurringIssues([a], { threshold: 0 })).toThrow(/threshold in \(0, 1\]/);
    expect(() => groupRecurringIssues([a], { threshold: 1.5 })).toThrow(RangeError);
  });

  it('joins the most similar leader; on a tie, the earliest group', () => {
    const g1 = ticket('apple banana'); // leads 1 {apple, banana}
    const g2 = ticket('cherry date'); // leads 2 {cherry, date}
    const g3 = ticket('apple banana cherry date elder'); // J(1) = 2/5, J(2) = 2/5 → leads 3
    // {apple, banana, cherry}: J(1) = 2/3, J(2) = 1/4, J(3) = 3/5 → group 1 (most similar)
    const best = ticket('apple banana cherry');
    // {apple, cherry}: J(1) = 1/3, J(2) = 1/3, J(3) = 2/5 → below 0.5 everywhere → leads 4
    const none = ticket('apple cherry');
    // {banana, date}: J(1) = 1/3, J(2) = 1/3, J(3) = 2/5, J(4 {apple, cherry}) = 0 → leads 5
    const tieLow = ticket('banana date');
    const r = groupRecurringIssues([g1, g2, g3, best, none, tieLow]);
    expect(r.groups.map(ids)).toEqual([[g1.id, best.id], [g2.id], [g3.id], [none.id], [tieLow.id]]);
    // an exact tie above the threshold
    const x1 = ticket('xylophone yacht'); // leads 1
    const x2 = ticket('xylophone zebra'); // J(1) = 1/3 → leads 2
    const tie = ticket('xylophone yacht zebra'); // J(1) = 2/3 = J(2) → the earlier group, 1
    expect(groupRecurringIssues([x2, tie, x1]).groups.map(ids)).toEqual([[x1.id, tie.id], [x2.id]]);
  });

  it('orders by created time, then id (code-unit order), whatever the input order', () => {
    const a = ticket('disk full', { id: 'B-2', createdMs: 5 });
    const b = ticket('disk full on server', { id: 'B-10', createdMs: 5 }); // same time: 'B-10' < 'B-2'
    const c = ticket('disk full again', { id: 'A-1', createdMs: 9 });
    const r = groupRecurringIssues([c, a, b]);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ leaderTicketId: 'B-10', ticketIds: ['B-10', 'B-2', 'A-1'], firstCreatedMs: 5, lastCreatedMs: 9 });
  });

  it('names a group by its most frequent original title (ties: earliest) and shows its most frequent category', () => {
    const t = [
      ticket('VPN drops', { category: 'Network' }),
      ticket('VPN keeps dropping', { category: null }), // {vpn, keeps, dropping}: J({vpn, drops}) = 1/4 → own group
      ticket('VPN drops', { category: 'Remote access' }),
      ticket('vpn drops ', { category: 'Remote access' }),
      ticket('VPN drops.', { category: 'Network' }),
    ];
    const g = groupRecurringIssues(t).groups[0]!;
    // titles (trimmed): 'VPN drops' ×2, 'vpn drops' ×1, 'VPN drops.' ×1 → 'VPN drops'
    // categories: Network ×2, Remote access ×2 → tie → the earliest, Network
    expect(g).toMatchObject({ name: 'VPN drops', category: 'Network', ticketIds: [t[0]!.id, t[2]!.id, t[3]!.id, t[4]!.id] });
    // a tie between titles goes to the earliest: 'Disk alert' ×2 (first) against 'disk alert' ×2
    const v = [ticket('Disk alert'), ticket('disk alert'), ticket('disk alert'), ticket('Disk alert')];
    expect(groupRecurringIssues(v).groups[0]!.name).toBe('Disk alert');
    // the later title wins when it is more frequent
    const u = [ticket('Mail delay'), ticket('mail delay!'), ticket('mail delay!')];
    expect(groupRecurringIssues(u).groups[0]!.name).toBe('mail delay!');
    expect(groupRecurringIssues([ticket('No category here')]).groups[0]!.category).toBeNull();
  });

  it('groups CJK titles, and mixed English and Chinese', () => {
    const t = [
      ticket('无法登录客户门户'), // {登录, 客户, 门户}
      ticket('客户门户登录失败'), // {客户, 门户, 登录, 失败}: J = 3/4 → 1
      ticket('客户门户 登录很慢'), // {客户, 门户, 登录, 很慢}: J = 3/4 → 1
      ticket('VPN连接失败'), // {vpn, 连接, 失败} → leads 2
      ticket('vpn 连接失败 INC0012'), // same words → 2
      ticket('VPN connection failed'), // {vpn, connection, failed}: J(2) = 1/5 → leads 3
    ];
    expect(groupRecurringIssues(t).groups.map((g) => [g.key, ids(g)])).toEqual([
      ['客户 登录 门户', [t[0]!.id, t[1]!.id, t[2]!.id]],
      ['vpn 失败 连接', [t[3]!.id, t[4]!.id]],
      ['connection failed vpn', [t[5]!.id]],
    ]);
  });

  it('volatile parts do not split a group: ids, hosts, dates, numbers', () => {
    const t = [
      ticket('INC0012: db-01.example.com connection timeout'),
      ticket('GD-10044 db-02.example.com connection timeout 2026-11-03'),
      ticket('#4411 connection timeout (3 retries)'),
    ];
    // all three: {connection, timeout} (retries adds one: J = 2/3)
    expect(groupRecurringIssues(t).groups.map(ids)).toEqual([t.map((x) => x.id)]);
  });

  it('titles with no words left go to one "(untitled)" group, never compared', () => {
    const t = [ticket('INC0012'), ticket('Printer jammed'), ticket('#4411'), ticket(''), ticket('Please help!'), ticket('GD-10044')];
    const r = groupRecurringIssues(t);
    const untitled = r.groups.find((g) => g.untitled)!;
    expect(untitled).toMatchObject({
      key: UNTITLED_GROUP_KEY,
      words: [],
      leaderTicketId: t[0]!.id,
      ticketIds: [t[0]!.id, t[2]!.id, t[3]!.id, t[4]!.id, t[5]!.id],
      // all titles differ: the earliest
      name: 'INC0012',
    });
    expect(r.groups.filter((g) => !g.untitled).map(ids)).toEqual([[t[1]!.id]]);
    // groups are listed in order of creation: the untitled group was created by the first ticket
    expect(r.groups.map((g) => g.key)).toEqual([UNTITLED_GROUP_KEY, 'jammed printer']);
  });

  it('no tickets: no groups', () => {
    expect(groupRecurringIssues([])).toEqual({ threshold: 0.5, groups: [] });
  });

  it('rejects repeated ticket ids', () => {
    expect(() => groupRecurringIssues([ticket('a b', { id: 'X' }), ticket('c d', { id: 'X' })])).toThrow(
      /unique ticket ids within a source; "X" repeats/,
    );
  });

  it('property: group keys are unique, every ticket is in exactly one group, result is JSON-safe', () => {
    const title = fc
      .array(fc.constantFrom('login', 'portal', 'slow', 'vpn', '连接', '失败', '登录', 'INC0012', 'the', 'printer', '#44'), {
        maxLength: 5,
      })
      .map((w) => w.join(' '));
    assertProperty(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1e9 }), { maxLength: 40 }),
        fc.array(title, { minLength: 40, maxLength: 40 }),
        (times, titles) => {
          const list = times.map((ms, i) => ({ id: `T${i}`, createdMs: ms, title: titles[i]!, category: null }));
          const r = groupRecurringIssues(list);
          const keys = r.groups.map((g) => g.key);
          expect(new Set(keys).size).toBe(keys.length);
          expect(r.groups.flatMap((g) => g.ticketIds).sort()).toEqual(list.map((t) => t.id).sort());
          expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        },
      ),
    );
  });

  it('property: the same clusters as the plain procedure with jaccard()', () => {
    const title = fc
      .array(fc.constantFrom('login', 'portal', 'slow', 'vpn', '连接', '失败', '登录', 'printer', 'jammed', 'disk', 'full', 'INC0012'), {
        maxLength: 5,
      })
      .map((w) => w.join(' '));
    assertProperty(
      fc.property(fc.array(title, { maxLength: 60 }), fc.constantFrom(0.3, 0.5, 0.75, 1), (titles, threshold) => {
        const list = titles.map((t, i) => ({ id: `T${String(i).padStart(2, '0')}`, createdMs: i % 7, title: t, category: null }));
        expect(groupRecurringIssues(list, { threshold }).groups.map(ids)).toEqual(referenceClusters(list, threshold));
      }),
    );
  });

  it('property: shuffling the input (distinct created times) does not change the result', () => {
    const title = fc
      .array(fc.constantFrom('login', 'portal', 'slow', 'vpn', '连接', '失败', '登录', '客户', 'printer', 'jammed', 'INC0012'), {
        maxLength: 4,
      })
      .map((w) => w.join(' '));
    const tickets = fc
      .uniqueArray(fc.integer({ min: 0, max: 1e9 }), { maxLength: 50 })
      .chain((times) =>
        fc.tuple(
          ...times.map((ms, i) => title.map((t) => ({ id: `T${i}`, createdMs: ms, title: t, category: i % 3 === 0 ? null : `c${i % 2}` }))),
        ),
      );
    assertProperty(
      fc.property(
        tickets.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, shuffled]) => {
          expect(groupRecurringIssues(shuffled)).toEqual(groupRecurringIssues(list));
        },
      ),
    );
  });

  it('property: adding later tickets never moves an earlier one', () => {
    const title = fc
      .array(fc.constantFrom('login', 'portal', 'slow', 'vpn', 'printer', 'jammed'), { minLength: 1, maxLength: 4 })
      .map((w) => w.join(' '));
    assertProperty(
      fc.property(fc.array(title, { minLength: 2, maxLength: 40 }), fc.nat(), (titles, cut) => {
        const list = titles.map((t, i) => ({ id: `T${String(i).padStart(3, '0')}`, createdMs: i, title: t, category: null }));
        const k = cut % list.length;
        const groupOf = (r: ReturnType<typeof groupRecurringIssues>) =>
          Object.fromEntries(r.groups.flatMap((g) => g.ticketIds.map((id) => [id, g.key])));
        const early = groupOf(groupRecurringIssues(list.slice(0, k)));
        const all = groupOf(groupRecurringIssues(list));
        for (const [id, key] of Object.entries(early)) expect(all[id]).toBe(key);
      }),
    );
  });
});
