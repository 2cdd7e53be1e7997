import type { AdminReportRequest, AgencyReportRequest, ReportRequestInput } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';
import type { Addressee } from './corrections';

type RequestRow = {
  id: string;
  kind: AgencyReportRequest['kind'];
  title: string;
  questions: string;
  due_on: string;
  sent_at: number;
  sent_by: string;
};
type TargetRow = { request_id: string; agency_id: string; agency_name: string; prefecture: string };
type AnswerRow = { request_id: string; agency_id: string; version: number; answers: string; submitted_at: number };

export const REPORT_REQUEST_TABLES = `
  CREATE TABLE report_requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, questions TEXT NOT NULL,
    due_on TEXT NOT NULL, sent_at INTEGER NOT NULL, sent_by TEXT NOT NULL);
  CREATE TABLE report_request_targets (request_id TEXT NOT NULL, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, prefecture TEXT NOT NULL,
    PRIMARY KEY (request_id, agency_id));
  CREATE INDEX report_request_targets_agency ON report_request_targets (agency_id);
  CREATE TABLE report_answers (request_id TEXT NOT NULL, agency_id TEXT NOT NULL, version INTEGER NOT NULL, answers TEXT NOT NULL,
    submitted_at INTEGER NOT NULL, PRIMARY KEY (request_id, agency_id, version))`;

function versions(sql: SqlStorage, requestId: string, agencyId: string): AgencyReportRequest['versions'] {
  return sql
    .exec<AnswerRow>('SELECT * FROM report_answers WHERE request_id = ? AND agency_id = ? ORDER BY version', requestId, agencyId)
    .toArray()
    .map((a) => ({ version: a.version, answers: JSON.parse(a.answers) as string[], submittedAt: new Date(a.submitted_at).toISOString() }));
}

/** R-COR-2 (§19(2)): staff ask one agency or many; each target answers on its own. */
export function create(
  sql: SqlStorage,
  input: Omit<ReportRequestInput, 'target'>,
  targets: Addressee[],
  by: string,
  now: number,
  today: string,
): { ok: true; request: AdminReportRequest } | Refusal {
  if (input.dueOn < today) return refuse('due_date_passed', `期限（${input.dueOn}）は今日（${today}）以降の日付にしてください。`);
  if (targets.length === 0) return refuse('no_report_targets', '条件に当てはまる利用中の事業者がいません。条件を見直してください。');
  const id = `Q${randomBase32(10)}`;
  sql.exec(
    'INSERT INTO report_requests (id, kind, title, questions, due_on, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    id,
    input.kind,
    input.title,
    JSON.stringify(input.questions),
    input.dueOn,
    now,
    by,
  );
  for (const t of targets)
    sql.exec(
      'INSERT INTO report_request_targets (request_id, agency_id, agency_name, prefecture) VALUES (?, ?, ?, ?)',
      id,
      t.id,
      t.name,
      t.prefecture,
    );
  return { ok: true, request: forBureau(sql, null, today, id)[0]! };
}

/** What one agency was asked, open ones first, with every version it submitted. */
export function ofAgency(sql: SqlStorage, agencyId: string, today: string): AgencyReportRequest[] {
  return sql
    .exec<RequestRow>(
      `SELECT r.* FROM report_requests r JOIN report_request_targets t ON t.request_id = r.id WHERE t.agency_id = ? ORDER BY r.due_on, r.sent_at DESC`,
      agencyId,
    )
    .toArray()
    .map((r) => {
      const v = versions(sql, r.id, agencyId);
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        questions: JSON.parse(r.questions) as string[],
        dueOn: r.due_on,
        sentAt: new Date(r.sent_at).toISOString(),
        versions: v,
        overdue: v.length === 0 && today > r.due_on,
      };
    });
}

/** The agency answers; every submission is kept as a new version and none is edited (a correction is the next version). */
export function answer(
  sql: SqlStorage,
  id: string,
  agencyId: string,
  answers: string[],
  now: number,
  today: string,
): { ok: true; request: AgencyReportRequest } | Refusal {
  const r = sql
    .exec<RequestRow>(
      'SELECT r.* FROM report_requests r JOIN report_request_targets t ON t.request_id = r.id WHERE r.id = ? AND t.agency_id = ?',
      id,
      agencyId,
    )
    .toArray()[0];
  if (!r) return refuse('report_request_not_found', 'この報告の依頼はありません。');
  const questions = JSON.parse(r.questions) as string[];
  if (answers.length !== questions.length) {
    return refuse('answers_do_not_match_questions', `質問は${questions.length}問です。質問ごとに1つずつ回答してください。`);
  }
  const next =
    (sql
      .exec<{ v: number | null }>('SELECT MAX(version) AS v FROM report_answers WHERE request_id = ? AND agency_id = ?', id, agencyId)
      .toArray()[0]?.v ?? 0) + 1;
  sql.exec(
    'INSERT INTO report_answers (request_id, agency_id, version, answers, submitted_at) VALUES (?, ?, ?, ?, ?)',
    id,
    agencyId,
    next,
    JSON.stringify(answers),
    now,
  );
  return { ok: true, request: ofAgency(sql, agencyId, today).find((x) => x.id === id)! };
}

/** The bureau's view: each request with its targets in scope, who answered and who is overdue. */
export function forBureau(sql: SqlStorage, prefecture: string | null, today: string, onlyId: string | null = null): AdminReportRequest[] {
  const requests = sql
    .exec<RequestRow>('SELECT * FROM report_requests WHERE ? IS NULL OR id = ? ORDER BY sent_at DESC LIMIT 200', onlyId, onlyId)
    .toArray();
  const out: AdminReportRequest[] = [];
  for (const r of requests) {
    const targets = sql
      .exec<TargetRow & { answered_at: number | null; versions: number }>(
        `SELECT t.*, (SELECT MIN(submitted_at) FROM report_answers a WHERE a.request_id = t.request_id AND a.agency_id = t.agency_id) AS answered_at,
              (SELECT COUNT(*) FROM report_answers a WHERE a.request_id = t.request_id AND a.agency_id = t.agency_id) AS versions
       FROM report_request_targets t WHERE t.request_id = ? AND (? IS NULL OR t.prefecture = ?) ORDER BY t.agency_name`,
        r.id,
        prefecture,
        prefecture,
      )
      .toArray();
    if (targets.length === 0) continue;
    out.push({
      id: r.id,
      kind: r.kind,
      title: r.title,
      questions: JSON.parse(r.questions) as string[],
      dueOn: r.due_on,
      sentAt: new Date(r.sent_at).toISOString(),
      sentBy: r.sent_by,
      targets: targets
        .map((t) => ({
          agencyId: t.agency_id,
          agencyName: t.agency_name,
          prefecture: t.prefecture as AdminReportRequest['targets'][number]['prefecture'],
          answeredAt: t.answered_at === null ? null : new Date(t.answered_at).toISOString(),
          versions: t.versions,
          overdue: t.answered_at === null && today > r.due_on,
        }))
        .sort((a, b) => Number(b.overdue) - Number(a.overdue)),
    });
  }
  return out;
}
