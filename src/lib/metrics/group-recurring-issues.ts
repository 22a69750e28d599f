/**
 * Grouping tickets that describe the same problem (recurring issues): leader clustering of
 * title word sets.
 */
import type { TicketRecord } from '../model/records.ts';
import { normalizeTitle } from './normalize-title.ts';
import { segmentTitle } from './segment-title.ts';
import { STOP_WORDS } from './stop-words.ts';

/** What grouping reads from a ticket. */
/** `source` tells apart tickets of one id in two ticket sources (ids are unique within a source only). */
export type GroupableTicket = Pick<TicketRecord, 'id' | 'createdMs' | 'title' | 'category'> & Partial<Pick<TicketRecord, 'source'>>;

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

/** A grouping with each ticket's group, as an index into `groups`, by position in the array that was grouped. */
export interface TicketGrouping {
  grouping: RecurringIssueGrouping;
  groupOfTicket: Int32Array;
}

/** Code-unit order, independent of locale and ICU data. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Building {
  key: string;
  leader: GroupableTicket;
  words: string[];
  members: GroupableTicket[];
  /** Member count per distinct title (raw, as exported), in order of first appearance. */
  titles: Map<TitleInfo, number>;
  /** Member count per non-null category, in order of first appearance. */
  categories: Map<string, number>;
}

/** What grouping knows about one distinct title (the cell as exported). */
interface TitleInfo {
  /** The title trimmed: what a group's name is counted by. */
  trimmed: string;
  /** The words of its normalized form, shared by every title with that form. */
  words: WordsInfo;
}

/** A distinct word set, with the group its titles join while no group is added (-1: none, lead a new one). */
interface WordsInfo {
  words: string[];
  /** Number of groups when `best` was found; stale once a group is added. */
  groupsSeen: number;
  best: number;
  bestSimilarity: number;
}

/** The most frequent key of a count map; ties go to the key inserted first. */
function mostFrequent<K>(counts: Map<K, number>): K | null {
  let best: K | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) // a Map iterates in insertion order: first appearance
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  return best;
}

/** The most frequent trimmed title of a group's members; ties: the title seen first. */
function groupName(titles: Map<TitleInfo, number>): string {
  // Distinct raw titles may trim alike: add up by trimmed title, keeping the order of first appearance.
  const byTrimmed = new Map<string, number>();
  for (const [info, c] of titles) byTrimmed.set(info.trimmed, (byTrimmed.get(info.trimmed) ?? 0) + c);
  return mostFrequent(byTrimmed) ?? '';
}

/**
 * Groups tickets that describe the same problem, by title, with leader clustering.
 *
 * Definition (spec "Recurring issues"): titles are normalized (`normalizeTitle`) and split into
 * word sets (`segmentTitle`). Tickets are taken in order of created time, then id (then source); each joins
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
 * Ids compare by code unit. Each distinct title is normalized and segmented once, and each
 * distinct word set looks for its most similar leader again only after a group was added (the
 * leaders, and so the answer, change only then). {@link groupTicketsByIssue} also returns each
 * ticket's group by position, so the period views need not look ids up.
 *
 * A ticket whose title has no words left (only ids, numbers, dates, stop words, or empty) cannot
 * be compared: all such tickets go to one group with key `(untitled)` and `untitled: true`, so
 * they are counted — a month with many of them is itself worth a look — but can be told apart.
 *
 * @param tickets tickets of the whole history, any order; ids must be unique within a source
 * @param options similarity threshold in (0, 1] (default 0.5), stop words
 * @returns the groups, in order of creation
 * @throws {RangeError} when the threshold is not in (0, 1] or two tickets of one source share an id
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
  return groupTicketsByIssue(tickets, options).grouping;
}

/**
 * {@link groupRecurringIssues}, with each ticket's group by its position in `tickets`.
 * @example groupTicketsByIssue([{ id: 'T1', createdMs: 1, title: 'Printer jammed', category: null }]).groupOfTicket // Int32Array [0]
 */
export function groupTicketsByIssue(tickets: readonly GroupableTicket[], options: GroupRecurringIssuesOptions = {}): TicketGrouping {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const stopWords = options.stopWords ?? STOP_WORDS;
  if (!(threshold > 0 && threshold <= 1))
    throw new RangeError(`groupRecurringIssues requires a similarity threshold in (0, 1], got ${threshold}`);
  // Positions in clustering order; exports usually come sorted already, so check before sorting.
  // Then by source: two ticket systems may each have a ticket 1001 (a ticket is its source and id).
  const byCreated = (a: GroupableTicket, b: GroupableTicket) =>
    a.createdMs - b.createdMs || compareStrings(a.id, b.id) || compareStrings(a.source ?? '', b.source ?? '');
  const order: number[] = [];
  for (let i = 0; i < tickets.length; i++) order.push(i);
  for (let i = 1; i < tickets.length; i++)
    if (byCreated(tickets[i - 1]!, tickets[i]!) > 0) {
      order.sort((a, b) => byCreated(tickets[a]!, tickets[b]!));
      break;
    }
  for (let i = 1; i < order.length; i++) {
    const a = tickets[order[i - 1]!]!;
    const b = tickets[order[i]!]!;
    if (b.id === a.id && b.source === a.source)
      throw new RangeError(`groupRecurringIssues requires unique ticket ids within a source; "${b.id}" repeats`);
  }

  const groups: Building[] = [];
  const groupsByWord = new Map<string, number[]>();
  let untitled: Building | null = null;
  let untitledIndex = -1;
  const groupOfTicket = new Int32Array(tickets.length);
  // Titles repeat (templates, the same problem reported again): normalize and segment each distinct one once.
  const titleInfo = new Map<string, TitleInfo>();
  const wordsOf = new Map<string, WordsInfo>();
  const newGroup = (ticket: GroupableTicket, key: string, words: string[]): Building => {
    const g: Building = { key, leader: ticket, words, members: [], titles: new Map(), categories: new Map() };
    groups.push(g);
    return g;
  };
  const join = (g: number, ticket: GroupableTicket, position: number, title: TitleInfo): void => {
    const group = groups[g]!;
    group.members.push(ticket);
    group.titles.set(title, (group.titles.get(title) ?? 0) + 1);
    if (ticket.category !== null) group.categories.set(ticket.category, (group.categories.get(ticket.category) ?? 0) + 1);
    groupOfTicket[position] = g;
  };
  for (const position of order) {
    const ticket = tickets[position]!;
    let title = titleInfo.get(ticket.title);
    if (title === undefined) {
      const normalized = normalizeTitle(ticket.title);
      let words = wordsOf.get(normalized);
      if (words === undefined)
        wordsOf.set(normalized, (words = { words: segmentTitle(normalized, stopWords), groupsSeen: -1, best: -1, bestSimilarity: -1 }));
      titleInfo.set(ticket.title, (title = { trimmed: ticket.title.trim(), words }));
    }
    const info = title.words;
    const words = info.words;
    if (words.length === 0) {
      if (untitled === null) {
        untitledIndex = groups.length;
        untitled = newGroup(ticket, UNTITLED_GROUP_KEY, []);
      }
      join(untitledIndex, ticket, position, title);
      continue;
    }
    // The most similar leader only changes when a group is added: find it again only then.
    if (info.groupsSeen !== groups.length) {
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
      info.groupsSeen = groups.length;
      info.best = best;
      info.bestSimilarity = bestSimilarity;
    }
    if (info.best >= 0 && info.bestSimilarity >= threshold) join(info.best, ticket, position, title);
    else {
      const sorted = [...words].sort(compareStrings);
      const index = groups.length;
      newGroup(ticket, sorted.join(' '), sorted);
      join(index, ticket, position, title);
      for (const w of words) {
        const list = groupsByWord.get(w);
        if (list) list.push(index);
        else groupsByWord.set(w, [index]);
      }
    }
  }

  const grouping: RecurringIssueGrouping = {
    threshold,
    groups: groups.map((g) => ({
      key: g.key,
      name: groupName(g.titles),
      untitled: g === untitled,
      leaderTicketId: g.leader.id,
      words: g.words,
      category: mostFrequent(g.categories),
      ticketIds: g.members.map((t) => t.id),
      firstCreatedMs: g.members[0]!.createdMs,
      lastCreatedMs: g.members[g.members.length - 1]!.createdMs,
    })),
  };
  return { grouping, groupOfTicket };
}
