import { describe, expect, it } from 'vitest';
import { CaseStatus, CaseTransition, checkTransition, FINAL_STATUSES, TRANSITIONS } from '../../server/src/modules/cases/case-lifecycle';

const STATUSES = Object.values(CaseStatus);
const STEPS = Object.values(CaseTransition);

describe('case lifecycle', () => {
  it.each(STATUSES.flatMap((s) => STEPS.map((t) => [s, t] as const)))(
    'from %s, %s is allowed only if the table says so',
    (status, transition) => {
      const result = checkTransition(status, transition, CaseStatus.VERIFICATION, '2026-03-01');
      expect(result.ok).toBe(TRANSITIONS[transition].from.includes(status));
      expect(result.source).toMatch(/Điều \d+/); // a case received under the 2008 law
      expect(checkTransition(status, transition, CaseStatus.VERIFICATION, '2026-07-01').source).toContain(
        'Luật THADS 2025 (106/2025/QH15)',
      );
    },
  );

  it('lets nothing follow a final status, and says a terminated case cannot reopen (Điều 50)', () => {
    for (const status of FINAL_STATUSES) for (const t of STEPS) expect(checkTransition(status, t).ok).toBe(false);
    const resume = checkTransition(CaseStatus.TERMINATED, CaseTransition.RESUME, null, '2026-03-01');
    expect(resume.ok).toBe(false);
    if (!resume.ok) expect(resume.message).toMatch(/không thể mở lại \(Điều 50/);
  });

  it('resumes to the stored status, and refuses to resume without one', () => {
    expect(checkTransition(CaseStatus.POSTPONED, CaseTransition.RESUME, CaseStatus.ENFORCING)).toMatchObject({
      ok: true,
      to: CaseStatus.ENFORCING,
    });
    expect(checkTransition(CaseStatus.SUSPENDED, CaseTransition.RESUME, null).ok).toBe(false);
  });

  it('can reach every non-initial status from RECEIVED', () => {
    const reached = new Set<CaseStatus>([CaseStatus.RECEIVED]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...reached]) {
        for (const t of STEPS) {
          const r = checkTransition(s, t, CaseStatus.VERIFICATION);
          if (r.ok && !reached.has(r.to)) reached.add(r.to), (grew = true);
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATUSES].sort());
  });
});
