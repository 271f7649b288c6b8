import { describe, expect } from 'vitest';
import { legalCalendar } from '../../server/src/modules/calendar/legal-calendar';
import { vnTet, shift } from '../support/lunar-oracle';
import { DEMO_PASSWORD, DESKTOP, itInBrowser, expectFits, PHONE, useDemoBrowser } from './browser-harness';

/** Enforcement officer of the lead office of 27/QĐ-THA (the forest-land case in Xã Phú An). */
const OFFICER = 'cb.thads';
const CASE = '27/QĐ-THA';
/** The system administrator: may manage the legal calendar. */
const ADMIN = 'admin';
/** Who must confirm a coercion in Phú An: the police, the commune committee, the procuracy. */
const CONFIRMERS = ['ca.phuan', 'ubnd.phuan', 'ksv.kv3'];

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Fails with the offending elements when anything is wider than the screen. */
describe('the legal calendar in the web app', () => {
  const { signedIn, screenshot, url } = useDemoBrowser();

  /** GraphQL as a demo user, for setting up what the browser then shows (not what is under test). */
  async function api(username: string) {
    const call = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${url()}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return body.data;
    };
    const token = (
      await call('mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', {
        input: { username, password: DEMO_PASSWORD },
      })
    ).signIn.accessToken as string;
    return (query: string, variables: Record<string, unknown> = {}) => call(query, variables, token);
  }

  /** A READY coercion on `day` in 27/QĐ-THA: planned by the officer, confirmed by everyone required, protection plan recorded. */
  async function readyCoercion(day: string): Promise<void> {
    const officer = await api(OFFICER);
    const found = await officer('query($f: CaseFilterInput) { cases(first: 1, filter: $f) { edges { node { id } } } }', {
      f: { search: CASE },
    });
    const caseId = found.cases.edges[0].node.id;
    const fields = 'id version participants { id version required agency { id name } }';
    let a = (
      await officer(`mutation($input: PlanActionInput!) { planAction(input: $input) { ${fields} } }`, {
        input: {
          caseId,
          kind: 'COERCION',
          place: 'Thửa 112, tờ bản đồ 9, xã Phú An',
          scheduledStart: new Date(`${day}T08:00:00+07:00`).toISOString(),
          scheduledEnd: new Date(`${day}T11:00:00+07:00`).toISOString(),
          personCoerced: 'Người phải thi hành án',
          measure: 'Buộc trả lại đất rừng',
          method: 'Đo đạc, cắm mốc, bàn giao',
          forces: 'Chấp hành viên, Viện kiểm sát, UBND xã, Công an xã',
          protection: 'Công an xã Phú An',
          costEstimate: '15000000',
        },
      })
    ).planAction;
    for (const username of CONFIRMERS) {
      const as = await api(username);
      const me = (await as('query { me { agency { id } } }')).me.agency.id;
      for (const p of a.participants.filter((x: any) => x.agency.id === me)) {
        await as('mutation($input: RespondInvitationInput!) { respondToInvitation(input: $input) { id } }', {
          input: { participantId: p.id, version: p.version, confirm: true },
        });
      }
      if (username === 'ca.phuan') {
        const now = (await as('query($id: ID!) { action(id: $id) { version } }', { id: a.id })).action;
        await as('mutation($input: RecordProtectionPlanInput!) { recordProtectionPlan(input: $input) { id } }', {
          input: { id: a.id, version: now.version, note: 'Bố trí 6 cán bộ bảo vệ hiện trường' },
        });
      }
    }
    a = (await officer('query($id: ID!) { action(id: $id) { id version } }', { id: a.id })).action;
    const ready = (
      await officer('mutation($input: StepActionInput!) { stepAction(input: $input) { status } }', {
        input: { id: a.id, version: a.version, step: 'MARK_READY' },
      })
    ).stepAction;
    expect(ready.status).toBe('READY');
  }

  itInBrowser(
    'a day off added on a ready coercion flags it live for its lead officer, who cannot start it until it is rescheduled; a Tết-window day is refused with the citation',
    async () => {
      const day = legalCalendar().nextCoercionDay(new Date(Date.now() + 60 * 86_400_000));
      const laterDay = legalCalendar().nextCoercionDay(day); // strictly after the day that becomes a day off
      await readyCoercion(day);

      // The lead officer has the case open.
      const officer = await signedIn(OFFICER);
      await officer.page.getByRole('link', { name: CASE, exact: true }).click();
      await officer.page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
      const actions = officer.page.getByRole('region', { name: 'Vận động, cưỡng chế' });
      const item = actions.getByRole('listitem').filter({ hasText: 'Cưỡng chế' }).filter({ hasText: 'Sẵn sàng' }).first();
      await item.waitFor();
      expect(await item.getByRole('button', { name: 'Bắt đầu', exact: true }).isEnabled()).toBe(true);

      // The administrator adds a day off on that date from the calendar screen.
      const admin = await signedIn(ADMIN, DESKTOP);
      await admin.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch pháp lý' }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Lịch ngày nghỉ và thời gian không cưỡng chế' }).waitFor();
      await admin.page.getByLabel('Năm', { exact: true }).selectOption(day.slice(0, 4));
      await admin.page.getByRole('heading', { level: 2, name: `Thời gian không cưỡng chế dịp Tết ${day.slice(0, 4)}` }).waitFor();
      await admin.page.getByLabel('Ngày', { exact: true }).fill(dmy(day));
      await admin.page.getByLabel('Tên ngày', { exact: true }).fill('Nghỉ theo thông báo đột xuất');
      await admin.page.getByLabel('Văn bản quyết định', { exact: true }).fill('Thông báo 99/TB-VPCP');
      await admin.page.getByRole('button', { name: 'Thêm vào lịch', exact: true }).click();
      const saved = admin.page.getByRole('status').filter({ hasText: 'Đã thêm ngày vào lịch.' });
      await saved.waitFor();
      expect(await saved.textContent()).toContain('1 cuộc cưỡng chế bị gắn cờ');
      // The new row shows with its decision, next to the days derived by rule and their legal basis.
      const row = admin.page.getByRole('listitem').filter({ hasText: dmy(day) });
      await row.getByText('Ngày nghỉ (dữ liệu nhập)').waitFor();
      expect(await row.textContent()).toContain('Thông báo 99/TB-VPCP');
      expect(await admin.page.getByText('Ngày nghỉ tính theo quy tắc').count()).toBeGreaterThan(0);
      await screenshot(admin.page, 'calendar-admin.png');

      // The officer's open page follows live: the flag with the reason; "Bắt đầu" is disabled.
      const flag = item.locator('.action-conflict');
      await flag.waitFor({ timeout: 20_000 });
      expect(await flag.textContent()).toContain('Nghỉ theo thông báo đột xuất');
      expect(await item.getByRole('button', { name: 'Bắt đầu', exact: true }).isDisabled()).toBe(true);

      // Rescheduling onto a Tết-window day is refused, the citation shown under the date field.
      const tet = vnTet(Number(day.slice(0, 4)) + 1);
      await item.getByRole('button', { name: 'Lên lịch lại', exact: true }).click();
      const form = item.getByRole('form', { name: 'Lên lịch lại buổi làm việc' });
      await form.getByLabel('Ngày thực hiện', { exact: true }).fill(dmy(shift(tet, 16)));
      await form.getByLabel('Giờ bắt đầu (giờ Việt Nam)', { exact: true }).fill('08:00');
      await form.getByLabel('Giờ kết thúc (giờ Việt Nam)', { exact: true }).fill('11:00');
      await form.getByRole('button', { name: 'Lưu lịch mới', exact: true }).click();
      const refusal = form.locator('.field__error').filter({ hasText: 'Tết' });
      await refusal.waitFor();
      const refusalText = (await refusal.textContent()) ?? '';
      expect(refusalText).toContain('RULE_VIOLATION');
      expect(refusalText).toContain('COERCION_IN_TET_WINDOW');
      expect(refusalText).toContain('Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP');
      expect(refusalText).not.toMatch(/Điều 46 Luật Thi hành án dân sự số 26\/2008/); // a 2027+ act: never the 2008 article

      // A legal day: planned again, the flag gone; it must be marked ready again.
      await form.getByLabel('Ngày thực hiện', { exact: true }).fill(dmy(laterDay));
      await form.getByRole('button', { name: 'Lưu lịch mới', exact: true }).click();
      const moved = actions
        .getByRole('listitem')
        .filter({ hasText: 'Cưỡng chế' })
        .filter({ hasText: dmy(laterDay) })
        .first();
      await moved.getByText('Đã lên kế hoạch', { exact: true }).waitFor();
      expect(await moved.locator('.action-conflict').count()).toBe(0);
      expect(await moved.getByRole('button', { name: 'Sẵn sàng', exact: true }).isEnabled()).toBe(true);

      expect(officer.errors).toEqual([]);
      expect(admin.errors).toEqual([]);
    },
    120_000,
  );

  itInBrowser(
    'a coercion typed on a Tết-window day is refused in the plan form with the code, the message and the citation',
    async () => {
      const officer = await signedIn(OFFICER);
      await officer.page.getByRole('link', { name: CASE, exact: true }).click();
      await officer.page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
      const actions = officer.page.getByRole('region', { name: 'Vận động, cưỡng chế' });
      await actions.getByLabel('Loại buổi làm việc', { exact: true }).selectOption('COERCION');
      await actions.getByLabel('Địa điểm', { exact: true }).fill('Thửa 112, tờ bản đồ 9, xã Phú An');
      const tet = vnTet(new Date().getUTCFullYear() + 2);
      await actions.getByLabel('Ngày thực hiện', { exact: true }).fill(dmy(shift(tet, 17)));
      await actions.getByLabel('Giờ bắt đầu (giờ Việt Nam)', { exact: true }).fill('08:00');
      await actions.getByLabel('Giờ kết thúc (giờ Việt Nam)', { exact: true }).fill('11:00');
      await actions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
      const refusal = actions.locator('.field__error').filter({ hasText: 'Tết' });
      await refusal.waitFor();
      const text = (await refusal.textContent()) ?? '';
      expect(text).toMatch(/^\[RULE_VIOLATION · [A-Z_ ·]*COERCION_IN_TET_WINDOW/);
      expect(text).toContain(`đến hết ${dmy(shift(tet, 17))}`);
      expect(text).toContain('Khoản 2 Điều 13 Nghị định 62/2015/NĐ-CP');
      // The field names it to assistive technology too.
      expect(await actions.getByLabel('Ngày thực hiện', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(officer.errors).toEqual([]);
    },
    60_000,
  );

  for (const viewport of [PHONE, DESKTOP]) {
    itInBrowser(`the calendar screen fits ${viewport.width}×${viewport.height} without sideways scrolling`, async () => {
      const admin = await signedIn(ADMIN, viewport);
      await admin.page.goto(`${url()}/#/admin/calendar`);
      await admin.page.getByRole('heading', { level: 1, name: 'Lịch ngày nghỉ và thời gian không cưỡng chế' }).waitFor();
      await admin.page.getByText('Ngày lễ, Tết theo luật').first().waitFor();
      await expectFits(admin.page, 'calendar screen');
      // In English too (longer words).
      await admin.page.getByRole('button', { name: 'English', exact: true }).click();
      await admin.page.getByRole('heading', { level: 1, name: 'Days off and times without coercion' }).waitFor();
      await expectFits(admin.page, 'calendar screen (English)');
      await screenshot(admin.page, `calendar-admin-${viewport.width}.png`);
      expect(admin.errors).toEqual([]);
    });
  }
});
