import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CITATIONS,
  COERCION_RULES,
  DEADLINE_RULES,
  LAW_2025_LABEL,
  LUAT_THADS_2025_IN_FORCE,
  cite,
  type CitationCode,
} from '../../server/src/modules/calendar/legal-rules';
import { checkTransition, TRANSITIONS, CaseTransition, CaseStatus } from '../../server/src/modules/cases/case-lifecycle';
import { ACTION_STEPS } from '../../server/src/modules/actions/action-workflow';
import { COERCION_CITATIONS } from '../../server/src/modules/actions/coercion-rules';

/**
 * Issue 13, item 5: every rule and citation lives in one versioned table (legal-rules.ts). The 2025 law
 * (106/2025/QH15, in force 2026-07-01) is cited by subject with its article marked unverified — never
 * with a 2008 article number.
 */
const ALL_CODES = Object.keys(CITATIONS) as CitationCode[];
const ARTICLE_2008 = /26\/2008|Điều (36|39|44a?|45|46|48|49|50|51|52|67|72)\b/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('the citation table', () => {
  it('has, for every code, versions in order that neither overlap nor leave a gap', () => {
    for (const code of ALL_CODES) {
      const versions = CITATIONS[code];
      versions.forEach((v, i) => {
        expect(v.code).toBe(code);
        if (i > 0) expect(v.effectiveFrom, code).toBe(versions[i - 1].effectiveTo);
      });
      expect(versions[versions.length - 1].effectiveTo, code).toBeUndefined();
    }
  });

  it('cites the 2025 law by subject, marked unverified, and never with a 2008 article number from 1 July 2026', () => {
    for (const code of ALL_CODES) {
      const text = cite(code, LUAT_THADS_2025_IN_FORCE);
      expect(text, code).not.toMatch(ARTICLE_2008);
      if (text.includes('Luật THADS') || text.includes('Thi hành án dân sự')) {
        expect(text, code).toContain(LAW_2025_LABEL);
        expect(text, code).toContain('chưa được đối chiếu');
      }
    }
    // The day before, the 2008 law applies with its (verified) numbers — including the two corrections.
    expect(cite('PROTECTION_PLAN', '2026-06-30')).toMatch(/^Khoản 4 Điều 72 Luật Thi hành án dân sự số 26\/2008\/QH12/);
    expect(cite('DAY_COUNT_ROLL_OVER', '2026-06-30')).toBe('Khoản 5 Điều 148 Bộ luật Dân sự 2015');
    expect(cite('TET_WINDOW', '2026-06-30')).toMatch(/^Khoản 2 Điều 13 Nghị định 62\/2015\/NĐ-CP/);
  });

  it('builds every rule version and every lifecycle / workflow source from the table', () => {
    const texts = new Set(ALL_CODES.flatMap((c) => CITATIONS[c].map((v) => v.text)));
    const fromTable = (s: string) => s.split('; ').every((part) => texts.has(part) || [...texts].some((t) => t.includes(part)));
    for (const versions of [...Object.values(COERCION_RULES), ...Object.values(DEADLINE_RULES)]) {
      for (const v of versions) expect(fromTable(v.source), v.source).toBe(true);
    }
    for (const rule of Object.values(TRANSITIONS)) for (const c of rule.citations) expect(ALL_CODES).toContain(c);
    for (const step of Object.values(ACTION_STEPS)) for (const c of step.coercionCitations) expect(ALL_CODES).toContain(c);
    for (const codes of Object.values(COERCION_CITATIONS)) for (const c of codes) expect(ALL_CODES).toContain(c);
  });

  it('judges a case by the law in force on the day it was received', () => {
    const old = checkTransition(CaseStatus.TERMINATED, CaseTransition.RESUME, null, '2026-03-01');
    const current = checkTransition(CaseStatus.TERMINATED, CaseTransition.RESUME, null, '2026-07-01');
    expect(old.source).toContain('Điều 48 Luật Thi hành án dân sự số 26/2008/QH12');
    expect(current.source).toContain(LAW_2025_LABEL);
    expect(current.source).not.toMatch(ARTICLE_2008);
    expect(!current.ok && current.message).not.toMatch(ARTICLE_2008);
  });

  it('leaves no hard-coded citation in the server outside the table (schema descriptions in GraphQL types and resolvers excepted)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(__dirname, '../../server/src'))) {
      if (file.endsWith('legal-rules.ts') || file.endsWith('.resolver.ts') || file.endsWith('.types.ts')) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\s\/\/ .*$/gm, '');
      for (const m of code.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)) {
        if (/Điều \d|Đ\.\s?\d|Luật THADS|26\/2008|Bộ luật/.test(m[0])) offenders.push(`${file}: ${m[0].slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
