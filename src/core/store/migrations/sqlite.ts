// The SQLite file's migrations, numbered: each runs once, in the open's BEGIN IMMEDIATE, and the
// file's PRAGMA user_version records the last one applied.
import type Database from 'better-sqlite3';
import { reminderExpiry } from '../../reminders/member-reminders.js';
import { appealsOf } from '../drive-cases.js';
import { migrateKeyvLedger } from '../sqlite-migrate.js';
import { takeDocuments } from './sqlite-documents.js';
import { latestVersion, type Migration } from './runner.js';

type SqliteMigration = Migration<Database.Database>;

/**
 * How to add one: append `{ version: n + 1, name, up }` here (never renumber or edit a released one),
 * create its tables with plain CREATE TABLE (it runs once), move any keyv documents it replaces in
 * the same `up`, add its tables to TABLES below, and describe it in docs/store.md ("Migrations").
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'ledger tables, claims and locks; a release-0.1 ledger moves out of keyv documents',
    up: (db) => {
      db.exec(`
-- keyv's documents (drives, appeals, short-lived answers), in the layout @keyv/sqlite used.
CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT);
-- One row per action: the audit. The unique key makes a retried record count once, and serves
-- methodsOf (member, appeal) and forget (member).
CREATE TABLE IF NOT EXISTS ledger_actions(
  appeal TEXT NOT NULL, member TEXT NOT NULL, method TEXT NOT NULL, at TEXT NOT NULL, space TEXT NOT NULL,
  UNIQUE (member, appeal, method));
-- Exports read in time order through this index, a page at a time.
CREATE INDEX IF NOT EXISTS ledger_actions_time ON ledger_actions(appeal, at);
-- Tally counters, kept in the same transaction as the actions: kind is total (key actions or members),
-- method, space or platform. A tally read is one range of this table, never a scan of the actions.
CREATE TABLE IF NOT EXISTS ledger_counters(
  appeal TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (appeal, kind, key)) WITHOUT ROWID;
-- Actions per UTC hour ('YYYY-MM-DDTHH'), space and method: the drive page's chart.
CREATE TABLE IF NOT EXISTS ledger_hours(
  appeal TEXT NOT NULL, space TEXT NOT NULL, hour TEXT NOT NULL, method TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (appeal, space, hour, method)) WITHOUT ROWID;
-- "Handled once" claims: key is a SHA-256 of the caller's key, never a platform id.
CREATE TABLE IF NOT EXISTS claims(key TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
-- Locks across processes: released only by their owner.
CREATE TABLE IF NOT EXISTS locks(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_expiry ON claims(expires);`);
      migrateKeyvLedger(db);
    },
  },
  {
    version: 2,
    name: 'outbox table',
    up: (db) =>
      db.exec(`
-- Domain events waiting to be handled (milestones, live progress): one row each, oldest id first;
-- member is the member key of a 'recorded' event, so /forgetme finds them.
CREATE TABLE IF NOT EXISTS outbox(
  id TEXT PRIMARY KEY, at TEXT NOT NULL, due TEXT NOT NULL, attempts INTEGER NOT NULL, member TEXT, event TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS outbox_member ON outbox(member) WHERE member IS NOT NULL;`),
  },
  {
    version: 3,
    name: 'profiles table; profile documents move into it',
    up: (db) => {
      db.exec(`
-- Remembered signatures, by member key only.
CREATE TABLE profiles(
  member TEXT PRIMARY KEY, name TEXT, town TEXT, country TEXT, opening INTEGER) WITHOUT ROWID;`);
      const insert = db.prepare('INSERT OR REPLACE INTO profiles(member, name, town, country, opening) VALUES (?, ?, ?, ?, ?)');
      for (const [key, value] of takeDocuments<Record<string, unknown>>(db, 'profile:')) {
        const text = (field: string) => (typeof value[field] === 'string' ? (value[field] as string) : null);
        insert.run(key, text('name'), text('town'), text('country'), typeof value.opening === 'boolean' ? Number(value.opening) : null);
      }
    },
  },
  {
    version: 4,
    name: 'member_reminders table; reminder documents and their JSON id lists move into it',
    up: (db) => {
      db.exec(`
-- "Remind me later": the one place a platform user id is kept, until sent, cancelled or expired.
-- (drive_id, member) is the key: one reminder per member and drive.
CREATE TABLE member_reminders(
  drive_id TEXT NOT NULL, member TEXT NOT NULL, platform TEXT NOT NULL, user_id TEXT NOT NULL,
  due TEXT NOT NULL, expires TEXT NOT NULL,
  PRIMARY KEY (drive_id, member)) WITHOUT ROWID;
CREATE INDEX member_reminders_member ON member_reminders(member);
CREATE INDEX member_reminders_expires ON member_reminders(expires);`);
      const insert = db.prepare('INSERT OR REPLACE INTO member_reminders(drive_id, member, platform, user_id, due, expires) VALUES (?, ?, ?, ?, ?, ?)');
      // Documents `mr:<drive>:<member>` hold the reminders; `mr:drive:<id>` and `mr:member:<key>` were their id lists.
      for (const [, r] of takeDocuments<Record<string, string>>(db, 'mr:')) {
        if (typeof r.driveId !== 'string' || typeof r.member !== 'string' || typeof r.due !== 'string') continue;
        const expires = r.expires ?? reminderExpiry(new Date(r.due)).toISOString();
        insert.run(r.driveId, r.member, r.platform ?? '', r.userId ?? '', r.due, expires);
      }
    },
  },
  {
    version: 5,
    name: 'appeal_scopes and appeal_history tables; scope and history documents move into them',
    up: (db) => {
      db.exec(`
-- The community each appeal saved for one is offered in (shared ones have no row).
CREATE TABLE appeal_scopes(appeal_id TEXT PRIMARY KEY, community TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX appeal_scopes_community ON appeal_scopes(community);
-- Every change to an appeal: who (a member key, operator or cli), when, from where, what changed
-- (a JSON array of field names). seq keeps the order of changes made in the same millisecond.
CREATE TABLE appeal_history(
  seq INTEGER PRIMARY KEY, appeal_id TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL, place TEXT NOT NULL,
  action TEXT NOT NULL, changed TEXT NOT NULL, community TEXT);
CREATE INDEX appeal_history_appeal ON appeal_history(appeal_id, seq);`);
      const scope = db.prepare('INSERT OR REPLACE INTO appeal_scopes(appeal_id, community) VALUES (?, ?)');
      for (const [id, community] of takeDocuments<unknown>(db, 'appeal-scope:')) if (typeof community === 'string') scope.run(id, community);
      const entry = db.prepare('INSERT INTO appeal_history(appeal_id, at, who, place, action, changed, community) VALUES (?, ?, ?, ?, ?, ?, ?)');
      // In the order the release listed them (appeals:history, then each appeal's entries): equal times keep it.
      const order = takeDocuments<unknown>(db, 'appeals:history').find(([key]) => key === '')?.[1];
      const lists = new Map(takeDocuments<unknown>(db, 'appeal-history:'));
      const ids = [...(Array.isArray(order) ? (order as string[]) : []), ...[...lists.keys()].sort()];
      for (const id of new Set(ids)) {
        const list = lists.get(id);
        if (!Array.isArray(list)) continue;
        for (const c of list as Array<Record<string, unknown>>) {
          entry.run(id, String(c.at), String(c.who), String(c.where), String(c.action), JSON.stringify(c.changed ?? []), typeof c.community === 'string' ? c.community : null);
        }
      }
      takeDocuments(db, 'appeals:scoped');
    },
  },
  {
    version: 6,
    name: 'saved_appeals table; saved appeal documents and their JSON id list move into it',
    up: (db) => {
      db.exec(`
-- Appeals saved in the store (imported for a community, or the operator's), as JSON; listed is the
-- place of those listed in the shared catalog, null for the others.
CREATE TABLE saved_appeals(id TEXT PRIMARY KEY, appeal TEXT NOT NULL, listed INTEGER UNIQUE);`);
      const order = takeDocuments<unknown>(db, 'appeals:imported').find(([key]) => key === '')?.[1];
      const documents = new Map(takeDocuments<unknown>(db, 'appeal:'));
      const insert = db.prepare('INSERT OR REPLACE INTO saved_appeals(id, appeal, listed) VALUES (?, ?, ?)');
      const listed = Array.isArray(order) ? (order as string[]) : [];
      for (const id of new Set([...listed, ...[...documents.keys()].sort()])) {
        if (documents.has(id)) insert.run(id, JSON.stringify(documents.get(id)), listed.includes(id) ? listed.indexOf(id) + 1 : null);
      }
    },
  },
  {
    version: 7,
    name: 'spaces, drives and drive_cases tables; drive documents and their JSON id lists move into them',
    up: (db) => {
      db.exec(`
-- Every space that had a drive (the retention sweep walks them).
CREATE TABLE spaces(id TEXT PRIMARY KEY) WITHOUT ROWID;
-- A drive: the columns queries use, and the whole drive as JSON (its space is the column's).
-- position orders a space's drives (oldest first).
CREATE TABLE drives(
  id TEXT PRIMARY KEY, space TEXT NOT NULL REFERENCES spaces(id), status TEXT NOT NULL,
  page_id TEXT UNIQUE, started_at TEXT NOT NULL, position INTEGER NOT NULL, drive TEXT NOT NULL);
CREATE INDEX drives_space ON drives(space, position);
CREATE INDEX drives_active ON drives(position) WHERE status = 'active';
-- The appeals a drive runs, in order (one for a drive of one appeal; a campaign's cases): the news
-- of an appeal finds the drives running it here.
CREATE TABLE drive_cases(
  drive_id TEXT NOT NULL REFERENCES drives(id) ON DELETE CASCADE, position INTEGER NOT NULL, appeal_id TEXT NOT NULL,
  PRIMARY KEY (drive_id, position)) WITHOUT ROWID;
CREATE INDEX drive_cases_appeal ON drive_cases(appeal_id);`);
      const lists = new Map(takeDocuments<unknown>(db, 'drives:'));
      const documents = new Map(takeDocuments<Record<string, unknown>>(db, 'drive:'));
      takeDocuments(db, 'drive-page:');
      // The release's order: spaces as listed, each space's drives as listed; then any drive a list
      // lost (an unlocked write could drop a space from drives:spaces), so none is left out.
      const spaces = Array.isArray(lists.get('spaces')) ? (lists.get('spaces') as string[]) : [];
      const ordered: string[] = [];
      for (const space of spaces) if (Array.isArray(lists.get(space))) ordered.push(...(lists.get(space) as string[]));
      ordered.push(...[...documents.keys()].sort());
      const space = db.prepare('INSERT OR IGNORE INTO spaces(id) VALUES (?)');
      const drive = db.prepare('INSERT OR IGNORE INTO drives(id, space, status, page_id, started_at, position, drive) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const cases = db.prepare('INSERT OR IGNORE INTO drive_cases(drive_id, position, appeal_id) VALUES (?, ?, ?)');
      let position = 0;
      for (const id of new Set(ordered)) {
        const d = documents.get(id);
        if (!d || typeof d.space !== 'string') continue;
        space.run(d.space);
        drive.run(id, d.space, String(d.status ?? 'active'), typeof d.pageId === 'string' ? d.pageId : null, String(d.startedAt ?? ''), ++position, JSON.stringify(d));
        appealsOf(d).forEach((appealId, i) => cases.run(id, i + 1, appealId));
      }
    },
  },
  // 8 and 9 came first as main's schema version 3 (made by CREATE TABLE IF NOT EXISTS at every open):
  // a file written by that code is read as version 2 (see `versionOf`), and these keep IF NOT EXISTS.
  {
    version: 8,
    name: 'tally_entries table (letters entered at event tables)',
    up: (db) =>
      db.exec(`
-- Letters written at event tables, entered by moderators (/tally add): a row per entry, apart from the ledger.
CREATE TABLE IF NOT EXISTS tally_entries(
  id TEXT PRIMARY KEY, drive_id TEXT NOT NULL, space TEXT NOT NULL, appeal TEXT NOT NULL, count INTEGER NOT NULL CHECK (count > 0),
  method TEXT NOT NULL, note TEXT, moderator TEXT, date TEXT NOT NULL, recorded_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tally_entries_drive ON tally_entries(drive_id, recorded_at);
CREATE INDEX IF NOT EXISTS tally_entries_moderator ON tally_entries(moderator) WHERE moderator IS NOT NULL;`),
  },
  {
    version: 9,
    name: 'followers table (members following an appeal\'s news)',
    up: (db) =>
      db.exec(`
-- Members following an appeal's news (/follow): sealed is their platform id, encrypted with a key
-- derived from the member-key secret; a row goes at its expiry, by /unfollow or by /forgetme.
CREATE TABLE IF NOT EXISTS followers(
  appeal TEXT NOT NULL, member TEXT NOT NULL, space TEXT NOT NULL, platform TEXT NOT NULL, sealed TEXT NOT NULL,
  locale TEXT NOT NULL, expires TEXT NOT NULL, PRIMARY KEY (appeal, member)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS followers_member ON followers(member);
CREATE INDEX IF NOT EXISTS followers_expiry ON followers(expires);`),
  },
  {
    version: 10,
    name: 'news_items table; the news lists kept as keyv documents move into it',
    up: (db) => {
      db.exec(`
-- An appeal's latest news for its drive pages (the moderator's or operator's words, no member named);
-- seq orders them, the newest 10 per appeal are kept.
CREATE TABLE news_items(
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, appeal_id TEXT NOT NULL, community TEXT, outcome TEXT NOT NULL,
  text TEXT NOT NULL, deadline TEXT, at TEXT NOT NULL);
CREATE INDEX news_items_appeal ON news_items(appeal_id, seq);`);
      const insert = db.prepare('INSERT OR IGNORE INTO news_items(id, appeal_id, community, outcome, text, deadline, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      // `news:log:<appeal>` held the appeal's items newest first: inserted oldest first, so seq keeps the order.
      for (const [appealId, list] of takeDocuments<unknown>(db, 'news:log:')) {
        if (!Array.isArray(list)) continue;
        for (const n of [...(list as Array<Record<string, unknown>>)].reverse()) {
          if (typeof n.id !== 'string' || typeof n.text !== 'string' || typeof n.outcome !== 'string' || typeof n.at !== 'string') continue;
          insert.run(n.id, appealId, typeof n.community === 'string' ? n.community : null, n.outcome, n.text, typeof n.deadline === 'string' ? n.deadline : null, n.at);
        }
      }
    },
  },
  {
    version: 11,
    name: 'tally_archived table (the counts of table entries the retention sweep deleted)',
    // IF NOT EXISTS: a file of main's own schema 3 may have had it made by its first retention sweep.
    up: (db) =>
      db.exec(`
-- Per drive, case and method, the counts of table entries the retention sweep deleted: totals go on.
CREATE TABLE IF NOT EXISTS tally_archived(
  drive_id TEXT NOT NULL, appeal TEXT NOT NULL, method TEXT NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (drive_id, appeal, method)) WITHOUT ROWID;`),
  },
];

/** `PRAGMA user_version` of a current file. */
export const SQLITE_VERSION = latestVersion(SQLITE_MIGRATIONS);

/** Tables a current file has: missing ones mean a damaged file. */
export const TABLES = ['keyv', 'ledger_actions', 'ledger_counters', 'ledger_hours', 'claims', 'locks', 'outbox', 'profiles', 'member_reminders', 'appeal_scopes', 'appeal_history', 'saved_appeals', 'spaces', 'drives', 'drive_cases', 'tally_entries', 'followers', 'news_items', 'tally_archived'];
