import { describe, expect } from 'vitest';
import { itInBrowser, useDemoBrowser } from './browser-harness';

/** Enforcement officer of the lead office: may plan actions on 27/QĐ-THA. */
const OFFICER = 'cb.thads';
/** The forest-land case in Xã Phú An. */
const CASE = '27/QĐ-THA';
const POLICE_AGENCY = 'Công an xã Phú An';
/** A police officer of Công an xã Phú An: answers the invitation and records the protection plan. */
const POLICE = 'ca.phuan';

describe('coordinated actions on a case', () => {
  const { signedIn, screenshot } = useDemoBrowser();

  itInBrowser(
    'the officer is refused a coercion during Tết, plans it on a weekday; the invited police confirm and record their protection plan',
    async () => {
      const { page, errors } = await signedIn(OFFICER);
      await page.getByRole('link', { name: CASE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Thời hạn pháp lý', exact: true }).waitFor();

      const actions = page.getByRole('region', { name: 'Vận động, cưỡng chế' });
      await actions.getByText('Chưa có buổi vận động, xác minh hay cưỡng chế nào.').waitFor();
      await actions.getByLabel('Loại buổi làm việc', { exact: true }).selectOption('COERCION');
      await actions.getByLabel('Địa điểm', { exact: true }).fill('Thửa 112, tờ bản đồ 9, xã Phú An');
      await actions.getByLabel('Người bị cưỡng chế', { exact: true }).fill('Người phải thi hành án');
      await actions.getByLabel('Biện pháp cưỡng chế', { exact: true }).fill('Buộc trả lại đất rừng');
      await actions.getByLabel('Phương thức', { exact: true }).fill('Đo đạc, cắm mốc, bàn giao cho Ban Quản lý rừng');
      await actions.getByLabel('Thành phần tham gia', { exact: true }).fill('Chấp hành viên, Viện kiểm sát, UBND xã, Công an xã');
      await actions.getByLabel('Lực lượng bảo vệ', { exact: true }).fill('Công an xã Phú An');
      await actions.getByLabel('Dự trù chi phí (đồng)', { exact: true }).fill('15000000');

      // Inside the Tết 2027 window: refused, the message names Tết.
      // Day and times typed as Vietnamese documents write them (dd/mm/yyyy, 24 h), whatever the browser's locale.
      await actions.getByLabel('Ngày thực hiện', { exact: true }).fill('08/02/2027');
      await actions.getByLabel('Giờ bắt đầu (giờ Việt Nam)', { exact: true }).fill('08:00');
      await actions.getByLabel('Giờ kết thúc (giờ Việt Nam)', { exact: true }).fill('11:00');
      await actions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
      // The refusal sits under the date field: code, message, citation.
      const refusal = actions.locator('.field__error').filter({ hasText: 'Tết' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Luật THADS 2025 (106/2025/QH15)'); // cases received after 1 July 2026: the 2025 law, article unverified
      expect(await refusal.textContent()).toContain('RULE_VIOLATION');

      // A plain weekday: planned, the police invited.
      await actions.getByLabel('Ngày thực hiện', { exact: true }).fill('10/03/2027');
      await actions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).click();
      const item = actions.getByRole('listitem').filter({ hasText: 'Cưỡng chế' }).filter({ hasText: 'Đã lên kế hoạch' }).first();
      await item.waitFor();
      const police = item.getByRole('listitem').filter({ hasText: POLICE_AGENCY });
      await police.waitFor();
      expect(await police.textContent()).toContain('Đã mời');
      const itemText = (await item.textContent()) ?? '';
      expect(itemText).toContain('08:00 10/03/2027');
      expect(itemText).toContain('Thửa 112, tờ bản đồ 9, xã Phú An');
      expect(itemText).toContain('15.000.000 đ');
      expect(await actions.locator('.field__error').filter({ hasText: 'Tết' }).count()).toBe(0);
      // The lead office may move it along, but not answer the police's invitation.
      await item.getByRole('button', { name: 'Hoãn', exact: true }).waitFor();
      expect(await item.getByRole('button', { name: 'Xác nhận tham gia', exact: true }).count()).toBe(0);
      // The police protection plan deadline appears among the legal deadlines.
      await page.getByText('Hạn kế hoạch bảo vệ cưỡng chế').first().waitFor();

      await screenshot(page, 'case-actions.png');

      // The police confirm and record their protection plan (Điều 72 khoản 3).
      const police2 = await signedIn(POLICE);
      await police2.page.getByRole('link', { name: CASE, exact: true }).click();
      await police2.page.getByRole('heading', { level: 1, name: `Việc thi hành án ${CASE}` }).waitFor();
      const policeActions = police2.page.getByRole('region', { name: 'Vận động, cưỡng chế' });
      const policeItem = policeActions.getByRole('listitem').filter({ hasText: 'Đã lên kế hoạch' }).first();
      // Not the lead office: no plan form, no workflow steps.
      expect(await policeActions.getByRole('button', { name: 'Lên kế hoạch', exact: true }).count()).toBe(0);
      await policeItem.getByRole('button', { name: 'Xác nhận tham gia', exact: true }).click();
      await policeItem.getByRole('listitem').filter({ hasText: POLICE_AGENCY }).getByText('Đã xác nhận', { exact: true }).waitFor();
      await policeItem.getByRole('button', { name: 'Ghi nhận kế hoạch bảo vệ', exact: true }).click();
      await policeItem.getByLabel('Nội dung kế hoạch bảo vệ', { exact: true }).fill('Bố trí 6 cán bộ bảo vệ hiện trường');
      await policeItem.getByRole('button', { name: 'Lưu', exact: true }).click();
      await policeItem.getByText('Bố trí 6 cán bộ bảo vệ hiện trường').waitFor();
      expect(await policeItem.getByRole('button', { name: 'Sẵn sàng', exact: true }).count()).toBe(0);

      // The officer's open page follows live. Marking it ready is still refused: the procuracy and
      // the commune committee (required) have not confirmed; the alert names the rule.
      await item.getByText('Bố trí 6 cán bộ bảo vệ hiện trường').waitFor({ timeout: 15_000 });
      await item.getByRole('listitem').filter({ hasText: POLICE_AGENCY }).getByText('Đã xác nhận', { exact: true }).waitFor();
      await item.getByRole('button', { name: 'Sẵn sàng', exact: true }).click();
      const unconfirmed = actions.getByRole('alert').filter({ hasText: 'chưa xác nhận tham gia' });
      await unconfirmed.waitFor();
      expect(await unconfirmed.textContent()).toContain('Căn cứ:');

      expect(errors).toEqual([]);
      expect(police2.errors).toEqual([]);
    },
    90_000,
  );
});
