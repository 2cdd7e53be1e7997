import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEMS, isProblemCode, type ProblemCode } from './problems';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the problem catalog (R-SEC-3)', () => {
  it('R-SEC-3 gives every code a 4xx or 5xx status and a Japanese title', () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(50);
    for (const code of PROBLEM_CODES) {
      expect(code, code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(PROBLEMS[code].status, code).toBeGreaterThanOrEqual(400);
      expect(PROBLEMS[code].status, code).toBeLessThan(600);
      expect(PROBLEMS[code].title, code).toMatch(JAPANESE);
    }
  });

  it('R-MSG-2 names the second first message first_message_already_sent, the code the worker sends', () => {
    expect(isProblemCode('first_message_already_sent')).toBe(true);
    expect(isProblemCode('first_contact_already_sent')).toBe(false);
    expect(PROBLEMS.first_message_already_sent.status).toBe(409);
  });

  it('a misspelt code fails the typecheck', () => {
    // @ts-expect-error a code that is not in the catalog is not a ProblemCode
    const misspelt: ProblemCode = 'first_contact_already_sent';
    expect(isProblemCode(misspelt)).toBe(false);
  });
});
