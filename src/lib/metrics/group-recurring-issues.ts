/**
 * Grouping tickets that describe the same problem (recurring issues): leader clustering of
 * title word sets.
 */
import type { TicketRecord } from '../model/records.ts';
import { normalizeTitle } from './normalize-title.ts';
import { segmentTitle } from './segment-title.ts';
import { STOP_WORDS } from './stop-words.ts';

/** What grouping reads from a ticket. */
export type GroupableTicket = Pick<TicketRecord, 'id' | 'createdMs' | 'title' | 'category'>;

/** Key of the one group that holds every ticket whose title has no words left. Never a word-set key: segments hold no parentheses. */
export const UNTITLED_GROUP_KEY = '(untitled)';

/** The spec's default similarity threshold. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.5;

export interface GroupRecurringIssuesOptions {
  /** Join a group when the Jaccard similarity with its leader is at least this; in (0, 1] (default 0.5). */
  threshold?: number;
  /** Words dropped from titles (default: the English and Chinese lists of stop-words.ts). */
  stopWords?: ReadonlySet<string>;
}

export interface IssueGroup {
  /** Identity of the group: its leader's words, sorted by code unit and joined by spaces; `(untitled)` for the untitled group. */
  key: string;
  /** Most frequent original title (trimmed) among the group's tickets; ties: the earliest. */
  name: string;
  /** True for the group of tickets whose titles have no words left (only ids, numbers, stop words, or empty). */
  untitled: boolean;
  /** The group's first ticket, whose words every later ticket is compared with. */
  leaderTicketId: string;
  /** The leader's words, sorted by code unit ([] for the untitled group). */
  words: string[];
  /** Most frequent non-null category of the group's tickets; ties: the earliest; null when none has one. */
  category: string | null;
  /** Member ticket ids in clustering order (created time, then id). */
  ticketIds: string[];
  /** Created time of the first and the last member, epoch ms. */
  firstCreatedMs: number;
  lastCreatedMs: number;
}

export interface RecurringIssueGrouping {
  /** The threshold used. */
  threshold: number;
  /** Groups in order of creation (by their leader's created time, then id). */
  groups: IssueGroup[];
}

/** Code-unit order, independent of locale and ICU data. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most frequent value; ties go to the value seen first. Values are given in clustering order. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) // a Map iterates in insertion order: first appearance
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  return best;
}

/** The non-null categories of the tickets, in order. */
function categories(tickets: readonly GroupableTicket[]): string[] {
  const out: string[] = [];
  for (const t of tickets) if (t.category !== null) out.push(t.category);
  return out;
}

interface Building {
  key: string;
  leader: GroupableTicket;
  words: string[];
  members: GroupableTicket[];
}

/**
 * Groups tickets that describe the same problem, by title, with leader clustering.
 *
 * Definition (spec "Recurring issues"): titles are normalized (`normalizeTitle`) and split into
 * word sets (`segmentTitle`). Tickets are taken in order of created time, then id; each joins
 * the existing group whose leader (its first ticket) has the most similar word set, if that
 * Jaccard similarity is at least the threshold (default 0.5), else it leads a new group. Ties go
 * to the earliest group. A group is named by its most frequent original title (ties: the
 * earliest); its category (most frequent, ties: earliest) is shown beside it, never used to split.
 *
 * Method: comparing with leaders only makes grouping free of chaining (A~B and B~C never pull
 * C to A's group unless C is close to A's leader), and processing in time order makes it
 * deterministic and stable as history grows: tickets created later never move an earlier ticket,
 * so only the name and category of a group can change when newer months are added. Leaders are
 * found through an index from word to groups (a group whose leader shares no word has
 * similarity 0), and J is computed from the shared-word counts — the same value as `jaccard`.
 * Ids compare by code unit.
 *
 * A ticket whose title has no words left (only ids, numbers, dates, stop words, or empty) cannot
 * be compared: all such tickets go to one group with key `(untitled)` and `untitled: true`, so
 * they are counted — a month with many of them is itself worth a look — but can be told apart.
 *
 * @param tickets tickets of the whole history, any order; ids must be unique
 * @param options similarity threshold in (0, 1] (default 0.5), stop words
 * @returns the groups, in order of creation
 * @throws {RangeError} when the threshold is not in (0, 1] or two tickets share an id
 * @example
 * groupRecurringIssues([
 *   { id: 'T1', createdMs: 1, title: 'Cannot log in to portal', category: 'Access' },
 *   { id: 'T2', createdMs: 2, title: 'Portal log in fails', category: 'Access' },
 *   { id: 'T3', createdMs: 3, title: '无法登录客户门户', category: null },
 * ]).groups.map((g) => [g.key, g.ticketIds])
 * // [['log portal', ['T1', 'T2']], ['客户 登录 门户', ['T3']]]  (T2 words: portal log fails → J = 2/3)
 */
export function groupRecurringIssues(
  tickets: readonly GroupableTicket[],
  options: GroupRecurringIssuesOptions = {},
): RecurringIssueGrouping {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const stopWords = options.stopWords ?? STOP_WORDS;
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`groupRecurringIssues requires a similarity threshold in (0, 1], got ${threshold}`);
  const ordered = [...tickets].sort((a, b) => a.createdMs - b.createdMs || compareStrings(a.id, b.id));
  for (let i = 1; i < ordered.length; i++)
    if (ordered[i]!.id === ordered[i - 1]!.id)
      throw new RangeError(`groupRecurringIssues requires unique ticket ids; "${ordered[i]!.id}" repeats`);

  const groups: Building[] = [];
  const groupsByWord = new Map<string, number[]>();
  let untitled: Building | null = null;
  // Titles repeat (templates, the same problem reported again): normalize and segment each distinct one once.
  const normalizedOf = new Map<string, string>();
  const wordsOf = new Map<string, string[]>();
  for (const ticket of ordered) {
    let normalized = normalizedOf.get(ticket.title);
    if (normalized === undefined) normalizedOf.set(ticket.title, (normalized = normalizeTitle(ticket.title)));
    let words = wordsOf.get(normalized);
    if (words === undefined) wordsOf.set(normalized, (words = segmentTitle(normalized, stopWords)));
    if (words.length === 0) {
      if (untitled === null) {
        untitled = { key: UNTITLED_GROUP_KEY, leader: ticket, words: [], members: [] };
        groups.push(untitled);
      }
      untitled.members.push(ticket);
      continue;
    }
    // Shared-word counts per candidate group, from the index: J = shared / (|A| + |B| − shared),
    // the same number jaccard() gives, without building a set per leader.
    const shared = new Map<number, number>();
    for (const w of words) for (const g of groupsByWord.get(w) ?? []) shared.set(g, (shared.get(g) ?? 0) + 1);
    let best = -1;
    let bestSimilarity = -1;
    for (const [g, count] of shared) {
      const similarity = count / (words.length + groups[g]!.words.length - count);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && g < best)) {
        best = g;
        bestSimilarity = similarity;
      }
    }
    if (best >= 0 && bestSimilarity >= threshold) groups[best]!.members.push(ticket);
    else {
      const sorted = [...words].sort(compareStrings);
      const index = groups.length;
      groups.push({ key: sorted.join(' '), leader: ticket, words: sorted, members: [ticket] });
      for (const w of words) {
        const list = groupsByWord.get(w);
        if (list) list.push(index);
        else groupsByWord.set(w, [index]);
      }
    }
  }

  return {
    threshold,
    groups: groups.map((g) => ({
      key: g.key,
      name: mostFrequent(g.members.map((t) => t.title.trim())) ?? '',
      untitled: g === untitled,
      leaderTicketId: g.leader.id,
      words: g.words,
      category: mostFrequent(categories(g.members)),
      ticketIds: g.members.map((t) => t.id),
      firstCreatedMs: g.members[0]!.createdMs,
      lastCreatedMs: g.members[g.members.length - 1]!.createdMs,
    })),
  };
}
