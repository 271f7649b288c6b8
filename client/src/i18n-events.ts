/**
 * The label of every event kind of the log (the generated `EventKind` enum), Vietnamese and English,
 * spread into the dictionaries of i18n.ts. Both maps are typed `Record<`event.${EventKind}`, string>`:
 * when the server adds an event kind, `npm run codegen` widens the enum and this file stops compiling
 * until the new kind has its label in both languages (issue 10: no event type spelled by hand).
 */
import type { EventKind } from './gql/graphql';

/** A message key naming one event kind's label. */
export type EventKindKey = `event.${EventKind}`;

export const eventsVi: Record<EventKindKey, string> = {
  'event.ACTION_CALENDAR_CONFLICT': 'Cưỡng chế trùng ngày không được cưỡng chế',
  'event.ACTION_CALENDAR_CONFLICT_CLEARED': 'Gỡ cờ trùng ngày không được cưỡng chế',
  'event.ACTION_CANCELLED': 'Hủy buổi làm việc',
  'event.ACTION_COMPLETED': 'Ghi nhận kết quả buổi làm việc',
  'event.ACTION_DEADLINE_RECALCULATED': 'Tính lại hạn kế hoạch bảo vệ',
  'event.ACTION_INVITATION_CONFIRMED': 'Xác nhận tham gia',
  'event.ACTION_INVITATION_DECLINED': 'Từ chối tham gia',
  'event.ACTION_INVITED': 'Mời tham gia',
  'event.ACTION_INVITEE_CONFIRMED': 'Người được mời xác nhận tham gia',
  'event.ACTION_INVITEE_DECLINED': 'Người được mời từ chối tham gia',
  'event.ACTION_OUTCOME_CORRECTED': 'Điều chỉnh kết quả buổi làm việc',
  'event.ACTION_PLANNED': 'Lên kế hoạch buổi làm việc',
  'event.ACTION_POSTPONED': 'Hoãn buổi làm việc',
  'event.ACTION_POSTPONEMENT_REQUESTED': 'Đề nghị hoãn',
  'event.ACTION_PROTECTION_PLAN_RECORDED': 'Ghi nhận kế hoạch bảo vệ',
  'event.ACTION_READY': 'Buổi làm việc sẵn sàng',
  'event.ACTION_RESCHEDULED': 'Lên lịch lại buổi làm việc',
  'event.ACTION_STARTED': 'Bắt đầu buổi làm việc',
  'event.AGENCY_CREATED': 'Tạo cơ quan',
  'event.AGENCY_UPDATED': 'Cập nhật cơ quan',
  'event.AREA_CREATED': 'Tạo địa bàn',
  'event.AREA_UPDATED': 'Cập nhật địa bàn',
  'event.AUTH_REFRESH_REUSE_DETECTED': 'Phát hiện dùng lại phiên đăng nhập cũ',
  'event.AUTH_SESSION_ENDED': 'Kết thúc phiên đăng nhập',
  'event.AUTH_SIGNED_IN': 'Đăng nhập',
  'event.BENCH_APPENDED': 'Dữ liệu đo tải',
  'event.CALENDAR_CHANGED': 'Lịch ngày nghỉ thay đổi',
  'event.CASE_CREATED': 'Mở việc',
  'event.CASE_DEADLINES_RECALCULATED': 'Tính lại thời hạn pháp lý',
  'event.CASE_DEADLINE_MISSED': 'Quá thời hạn pháp lý',
  'event.CASE_FREEZE_DECISION_ISSUED': 'Ra quyết định phong tỏa',
  'event.CASE_OBLIGATION_ADDED': 'Thêm nghĩa vụ',
  'event.CASE_OBLIGATION_REMOVED': 'Xóa nghĩa vụ nhập nhầm',
  'event.CASE_OBLIGATION_UPDATED': 'Sửa nghĩa vụ',
  'event.CASE_PARTY_ADDED': 'Thêm đương sự',
  'event.CASE_PARTY_REMOVED': 'Xóa đương sự nhập nhầm',
  'event.CASE_PARTY_UPDATED': 'Sửa thông tin đương sự',
  'event.CASE_PROGRESS_RECORDED': 'Ghi nhận kết quả thi hành',
  'event.CASE_PROGRESS_REVERSED': 'Hủy ghi nhận kết quả thi hành',
  'event.CASE_SHARED': 'Chia sẻ với cơ quan',
  'event.CASE_TRANSITIONED': 'Chuyển trạng thái',
  'event.CASE_UNSHARED': 'Ngừng chia sẻ',
  'event.CASE_UPDATED': 'Cập nhật thông tin',
  'event.CASE_URGENT_FREEZE_RECORDED': 'Phong tỏa tài khoản khẩn cấp',
  'event.DEMO_SEEDED': 'Tạo dữ liệu mẫu',
  'event.IMPORT_COMPLETED': 'Nhập tệp CSV xong',
  'event.PERSONAL_DATA_READ': 'Xem thông tin cá nhân được bảo vệ',
  'event.STATISTICS_TARGET_SET': 'Đặt chỉ tiêu thống kê',
  'event.TASK_ACCEPTED': 'Nhận nhiệm vụ',
  'event.TASK_CANCELLED': 'Hủy nhiệm vụ',
  'event.TASK_COMPLETED': 'Hoàn thành nhiệm vụ',
  'event.TASK_CREATED': 'Giao nhiệm vụ',
  'event.TASK_DEADLINE_RECALCULATED': 'Tính lại hạn nhiệm vụ',
  'event.TASK_DECLINED': 'Từ chối nhiệm vụ',
  'event.TASK_ESCALATED': 'Nhiệm vụ quá hạn được báo cáo',
  'event.TASK_REASSIGNED': 'Giao lại nhiệm vụ',
  'event.TASK_STARTED': 'Bắt đầu nhiệm vụ',
  'event.THREAD_POSTED': 'Bài trao đổi mới',
  'event.THREAD_POST_DELETED': 'Xóa bài trao đổi',
  'event.THREAD_POST_EDITED': 'Sửa bài trao đổi',
  'event.USER_CREATED': 'Tạo tài khoản',
  'event.USER_DEACTIVATED': 'Khóa tài khoản',
  'event.USER_PASSWORD_CHANGED': 'Đổi mật khẩu',
  'event.USER_PASSWORD_RESET': 'Đặt lại mật khẩu',
  'event.USER_REACTIVATED': 'Mở lại tài khoản',
  'event.USER_UPDATED': 'Cập nhật tài khoản',
};

export const eventsEn: Record<EventKindKey, string> = {
  'event.ACTION_CALENDAR_CONFLICT': 'Coercion on a day without coercion',
  'event.ACTION_CALENDAR_CONFLICT_CLEARED': 'Day conflict cleared',
  'event.ACTION_CANCELLED': 'Action cancelled',
  'event.ACTION_COMPLETED': 'Action outcome recorded',
  'event.ACTION_DEADLINE_RECALCULATED': 'Protection plan deadline recalculated',
  'event.ACTION_INVITATION_CONFIRMED': 'Attendance confirmed',
  'event.ACTION_INVITATION_DECLINED': 'Attendance declined',
  'event.ACTION_INVITED': 'Invited to take part',
  'event.ACTION_INVITEE_CONFIRMED': 'Invited person confirmed',
  'event.ACTION_INVITEE_DECLINED': 'Invited person declined',
  'event.ACTION_OUTCOME_CORRECTED': 'Action outcome corrected',
  'event.ACTION_PLANNED': 'Action planned',
  'event.ACTION_POSTPONED': 'Action postponed',
  'event.ACTION_POSTPONEMENT_REQUESTED': 'Postponement requested',
  'event.ACTION_PROTECTION_PLAN_RECORDED': 'Protection plan recorded',
  'event.ACTION_READY': 'Action ready',
  'event.ACTION_RESCHEDULED': 'Action rescheduled',
  'event.ACTION_STARTED': 'Action started',
  'event.AGENCY_CREATED': 'Agency created',
  'event.AGENCY_UPDATED': 'Agency updated',
  'event.AREA_CREATED': 'Area created',
  'event.AREA_UPDATED': 'Area updated',
  'event.AUTH_REFRESH_REUSE_DETECTED': 'Reuse of an old session detected',
  'event.AUTH_SESSION_ENDED': 'Session ended',
  'event.AUTH_SIGNED_IN': 'Signed in',
  'event.BENCH_APPENDED': 'Load-test data',
  'event.CALENDAR_CHANGED': 'Calendar of days off changed',
  'event.CASE_CREATED': 'Case opened',
  'event.CASE_DEADLINES_RECALCULATED': 'Legal deadlines recalculated',
  'event.CASE_DEADLINE_MISSED': 'Legal deadline missed',
  'event.CASE_FREEZE_DECISION_ISSUED': 'Freeze decision issued',
  'event.CASE_OBLIGATION_ADDED': 'Obligation added',
  'event.CASE_OBLIGATION_REMOVED': 'Mistaken obligation removed',
  'event.CASE_OBLIGATION_UPDATED': 'Obligation corrected',
  'event.CASE_PARTY_ADDED': 'Party added',
  'event.CASE_PARTY_REMOVED': 'Mistaken party removed',
  'event.CASE_PARTY_UPDATED': 'Party details corrected',
  'event.CASE_PROGRESS_RECORDED': 'Enforcement result recorded',
  'event.CASE_PROGRESS_REVERSED': 'Enforcement result reversed',
  'event.CASE_SHARED': 'Shared with an agency',
  'event.CASE_TRANSITIONED': 'Status changed',
  'event.CASE_UNSHARED': 'Sharing stopped',
  'event.CASE_UPDATED': 'Details updated',
  'event.CASE_URGENT_FREEZE_RECORDED': 'Urgent account freeze',
  'event.DEMO_SEEDED': 'Demo data created',
  'event.IMPORT_COMPLETED': 'CSV import completed',
  'event.PERSONAL_DATA_READ': 'Protected personal data read',
  'event.STATISTICS_TARGET_SET': 'Statistics target set',
  'event.TASK_ACCEPTED': 'Task accepted',
  'event.TASK_CANCELLED': 'Task cancelled',
  'event.TASK_COMPLETED': 'Task completed',
  'event.TASK_CREATED': 'Task assigned',
  'event.TASK_DEADLINE_RECALCULATED': 'Task deadline recalculated',
  'event.TASK_DECLINED': 'Task declined',
  'event.TASK_ESCALATED': 'Overdue task escalated',
  'event.TASK_REASSIGNED': 'Task reassigned',
  'event.TASK_STARTED': 'Task started',
  'event.THREAD_POSTED': 'New post',
  'event.THREAD_POST_DELETED': 'Post deleted',
  'event.THREAD_POST_EDITED': 'Post edited',
  'event.USER_CREATED': 'Account created',
  'event.USER_DEACTIVATED': 'Account deactivated',
  'event.USER_PASSWORD_CHANGED': 'Password changed',
  'event.USER_PASSWORD_RESET': 'Password reset',
  'event.USER_REACTIVATED': 'Account reactivated',
  'event.USER_UPDATED': 'Account updated',
};

/** True when `value` is an event kind this client knows (labels are kept for every kind). */
export function isEventKind(value: string): value is EventKind {
  return Object.hasOwn(eventsVi, `event.${value}`);
}

/**
 * The enum name of a dotted log type (case.partyAdded → CASE_PARTY_ADDED), the same mapping the
 * server's `eventKindName` makes; for the few places the API still hands a dotted type (a CONFLICT's
 * `missedChanges`). Null for a type this client does not know.
 */
export function eventKindOfType(type: string): EventKind | null {
  const name = type
    .replace(/\./g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
  return isEventKind(name) ? name : null;
}
