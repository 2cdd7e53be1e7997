import type { CorrectionAnswer, CorrectionDecision, CorrectionRequest, CorrectionRequestInput } from '../../../shared/schemas';
import { randomBase32 } from '../../lib/crypto';
import { refuse, type Refusal } from '../../lib/problem';

type Row = {
  id: string;
  kind: CorrectionRequest['kind'];
  agency_id: string;
  agency_name: string;
  prefecture: string;
  basis: string;
  problem: string;
  required: string;
  due_on: string;
  status: CorrectionRequest['status'];
  sent_at: number;
  sent_by: string;
  answers: string;
  decisions: string;
};

/** The agency a request goes to, as the registry knows it. */
export type Addressee = { id: string; name: string; prefecture: string };

/**
 * A measure (§14) not taken by its day proposes a temporary suspension while the facts are checked
 * (R-COR-3, §8(3)); staff decide. Correction requests propose nothing by themselves.
 */
function proposal(r: Row, today: string): CorrectionRequest['proposal'] {
  if (r.kind !== 'measure' || r.status === 'confirmed' || today <= r.due_on) return null;
  return {
    kind: 'suspension',
    term: 'temporary',
    basis: '§8(3)',
    reason: `運営組織が求めた措置（${r.due_on}まで）が講じられたことを確認できていません（利用規約§14）。事実確認の間の一時停止を検討してください。`,
  };
}

function toRequest(r: Row, today: string): CorrectionRequest {
  return {
    id: r.id,
    kind: r.kind,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    prefecture: r.prefecture as CorrectionRequest['prefecture'],
    basis: JSON.parse(r.basis) as CorrectionRequest['basis'],
    problem: r.problem,
    required: r.required,
    dueOn: r.due_on,
    status: r.status,
    sentAt: new Date(r.sent_at).toISOString(),
    sentBy: r.sent_by,
    answers: JSON.parse(r.answers) as CorrectionRequest['answers'],
    decisions: JSON.parse(r.decisions) as CorrectionRequest['decisions'],
    proposal: proposal(r, today),
  };
}

export const CORRECTIONS_TABLE = `CREATE TABLE corrections (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, agency_id TEXT NOT NULL, agency_name TEXT NOT NULL, prefecture TEXT NOT NULL,
  basis TEXT NOT NULL, problem TEXT NOT NULL, required TEXT NOT NULL, due_on TEXT NOT NULL, status TEXT NOT NULL,
  sent_at INTEGER NOT NULL, sent_by TEXT NOT NULL, answers TEXT NOT NULL DEFAULT '[]', decisions TEXT NOT NULL DEFAULT '[]');
  CREATE INDEX corrections_agency ON corrections (agency_id, sent_at);
  CREATE INDEX corrections_prefecture ON corrections (prefecture, sent_at)`;

/** R-COR-1, R-COR-3: staff send a request; its due day must not have passed. */
export function create(
  sql: SqlStorage,
  input: CorrectionRequestInput,
  to: Addressee,
  by: string,
  now: number,
  today: string,
): { ok: true; request: CorrectionRequest } | Refusal {
  if (input.dueOn < today) return refuse('due_date_passed', `期限（${input.dueOn}）は今日（${today}）以降の日付にしてください。`);
  const id = `C${randomBase32(10)}`;
  sql.exec(
    'INSERT INTO corrections (id, kind, agency_id, agency_name, prefecture, basis, problem, required, due_on, status, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    input.kind,
    to.id,
    to.name,
    to.prefecture,
    JSON.stringify(input.basis),
    input.problem,
    input.required,
    input.dueOn,
    'open',
    now,
    by,
  );
  return { ok: true, request: one(sql, id, today)! };
}

export function one(sql: SqlStorage, id: string, today: string): CorrectionRequest | null {
  const r = sql.exec<Row>('SELECT * FROM corrections WHERE id = ?', id).toArray()[0];
  return r ? toRequest(r, today) : null;
}

/** An agency's requests, open ones and the most urgent first. */
export function ofAgency(sql: SqlStorage, agencyId: string, today: string): CorrectionRequest[] {
  return sql
    .exec<Row>("SELECT * FROM corrections WHERE agency_id = ? ORDER BY status = 'confirmed', due_on, sent_at DESC", agencyId)
    .toArray()
    .map((r) => toRequest(r, today));
}

/** The bureau's list (its prefecture; all for the ministry), newest first. */
export function inScope(sql: SqlStorage, prefecture: string | null, today: string): CorrectionRequest[] {
  return sql
    .exec<Row>('SELECT * FROM corrections WHERE ? IS NULL OR prefecture = ? ORDER BY sent_at DESC LIMIT 500', prefecture, prefecture)
    .toArray()
    .map((r) => toRequest(r, today));
}

/** The agency answers what it did; once confirmed, a request takes no more answers. */
export function answer(
  sql: SqlStorage,
  id: string,
  agencyId: string,
  input: CorrectionAnswer,
  now: number,
  today: string,
): { ok: true; request: CorrectionRequest } | Refusal {
  const r = sql.exec<Row>('SELECT * FROM corrections WHERE id = ? AND agency_id = ?', id, agencyId).toArray()[0];
  if (!r) return refuse('correction_request_not_found', 'この是正要請はありません。');
  if (r.status === 'confirmed') return refuse('correction_already_confirmed', '労働局が是正を確認済みのため、回答は追加できません。');
  if (input.doneOn > today) return refuse('done_on_in_future', `実施した日（${input.doneOn}）は今日（${today}）以前の日付にしてください。`);
  const answers = [
    ...(JSON.parse(r.answers) as unknown[]),
    { doneOn: input.doneOn, text: input.text, answeredAt: new Date(now).toISOString() },
  ];
  sql.exec("UPDATE corrections SET answers = ?, status = 'answered' WHERE id = ?", JSON.stringify(answers), id);
  return { ok: true, request: one(sql, id, today)! };
}

/** Staff confirm the correction or send it back; only an answered request can be decided. */
export function decide(
  sql: SqlStorage,
  id: string,
  input: CorrectionDecision,
  by: string,
  now: number,
  today: string,
): { ok: true; request: CorrectionRequest } | Refusal {
  const r = sql.exec<Row>('SELECT * FROM corrections WHERE id = ?', id).toArray()[0];
  if (!r) return refuse('correction_request_not_found', 'この是正要請はありません。');
  if (r.status !== 'answered') {
    return refuse(
      'correction_not_answered',
      r.status === 'confirmed' ? 'この是正要請は確認済みです。' : '事業者の回答を待っています。回答があってから確認してください。',
    );
  }
  const decisions = [
    ...(JSON.parse(r.decisions) as unknown[]),
    { decision: input.decision, note: input.note, decidedAt: new Date(now).toISOString(), decidedBy: by },
  ];
  sql.exec('UPDATE corrections SET decisions = ?, status = ? WHERE id = ?', JSON.stringify(decisions), input.decision, id);
  return { ok: true, request: one(sql, id, today)! };
}
