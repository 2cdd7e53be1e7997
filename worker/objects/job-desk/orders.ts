/**
 * Orders accepted from employers (求人受理, R-JOB-6), their statements, and the hires made through
 * them, which the R-REP-1 report counts per fiscal year.
 */
import { fiscalYear } from '../../../shared/rules/time';
import type { EmployerStatement, HireRequest, JobOrder, JobOrderRequest } from '../../../shared/schemas/job-desk';
import { randomBase32 } from '../../lib/crypto';
import type { DeskSql } from './sql';

type OrderRow = {
  id: string;
  offer_number: string | null;
  employer_name: string;
  accepted_on: string;
  request: string;
  statement: string;
  created_at: number;
};

function toOrder(db: DeskSql, r: OrderRow): JobOrder {
  const hires = db.all<{ n: number }>('SELECT count(*) AS n FROM hires WHERE order_id = ?', r.id)[0]!.n;
  return {
    id: r.id,
    offerNumber: r.offer_number,
    employerName: r.employer_name,
    acceptedOn: r.accepted_on,
    createdAt: new Date(r.created_at).toISOString(),
    hires,
    statement: JSON.parse(r.statement) as EmployerStatement,
  };
}

/** Records an accepted order with the statement made for it. */
export function addOrder(db: DeskSql, order: JobOrderRequest, statement: EmployerStatement, now: number): JobOrder {
  const id = `O${randomBase32(10)}`;
  db.all(
    'INSERT INTO orders (id, offer_number, employer_name, accepted_on, request, statement, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    id,
    order.offerNumber ?? null,
    order.employer.name,
    order.acceptedOn,
    JSON.stringify(order),
    JSON.stringify(statement),
    now,
  );
  return toOrder(db, db.all<OrderRow>('SELECT * FROM orders WHERE id = ?', id)[0]!);
}

/** One order, or null. */
export function orderById(db: DeskSql, id: string): JobOrder | null {
  const row = db.all<OrderRow>('SELECT * FROM orders WHERE id = ?', id)[0];
  return row ? toOrder(db, row) : null;
}

/** The orders, newest first. */
export function listOrders(db: DeskSql): JobOrder[] {
  return db.all<OrderRow>('SELECT * FROM orders ORDER BY created_at DESC, id').map((r) => toOrder(db, r));
}

/** Records a hire through an order (R-REP-1). */
export function addHire(db: DeskSql, orderId: string, hire: HireRequest, now: number): void {
  db.all(
    'INSERT INTO hires (order_id, hired_on, fiscal_year, fee, created_at) VALUES (?, ?, ?, ?, ?)',
    orderId,
    hire.hiredOn,
    fiscalYear(hire.hiredOn),
    hire.fee,
    now,
  );
}

/** R-REP-1: hires and fees through the job-offer service in a fiscal year. */
export function hireTally(db: DeskSql, fy: number): { fiscalYear: number; hires: number; feeTotal: number } {
  const row = db.all<{ n: number; total: number | null }>(
    'SELECT count(*) AS n, sum(fee) AS total FROM hires WHERE fiscal_year = ?',
    fy,
  )[0]!;
  return { fiscalYear: fy, hires: row.n, feeTotal: row.total ?? 0 };
}
