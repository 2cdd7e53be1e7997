import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../shared/problems';
import { DESCRIBED_CODES, GENERIC_CODES } from '../../extension/utils/refusal';

describe('the extension explains every code the worker can emit (R-SEC-3)', () => {
  it('R-SEC-3 has its own wording for every catalog code, or shows the worker’s Japanese on purpose', () => {
    for (const code of PROBLEM_CODES) {
      expect(DESCRIBED_CODES.includes(code) || GENERIC_CODES.includes(code), code).toBe(true);
    }
    // Nothing explained that the worker never sends (the two the extension makes up aside).
    const known = new Set<string>([...PROBLEM_CODES, 'network_error', 'invalid_response']);
    expect([...DESCRIBED_CODES, ...GENERIC_CODES].filter((code) => !known.has(code))).toEqual([]);
  });

  it('R-MSG-2, R-CAP-1, R-BLOCK-2, R-MSG-4, R-OPS-1 have their own wording, not the generic one', () => {
    for (const code of [
      'first_message_already_sent',
      'cap_reached',
      'blocked_by_recipient',
      'contact_details_not_allowed',
      'maintenance',
      'rate_limited',
    ]) {
      expect(DESCRIBED_CODES, code).toContain(code);
    }
  });
});
