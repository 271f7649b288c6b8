/**
 * Interface texts in Vietnamese (the default) and English, and a tiny React context to use them.
 * Messages coming from the server are shown as they are (they are already Vietnamese).
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type {
  ActionKind,
  ActionOutcome,
  ActionStatus,
  AgencyKind,
  InvitationStatus,
  CaseStatus,
  ObligationKind,
  ParticipantRole,
  PartyRole,
  PostKind,
  Role,
  TaskKind,
  TaskStatus,
} from './gql/graphql';
import { intakeAdminEn, intakeAdminVi } from './i18n-intake-admin';

/** The supported interface languages. */
export type Lang = 'vi' | 'en';

const vi = {
  ...intakeAdminVi,
  'app.name': 'Phối Hợp',
  'app.tagline': 'Điều phối thi hành án dân sự',
  'app.title': 'Phối Hợp — Điều phối thi hành án dân sự',
  'app.skipToContent': 'Chuyển đến nội dung chính',
  'app.switchLanguage': 'English',
  'app.footer': 'Nền tảng phối hợp liên ngành trong thi hành án dân sự',

  'signIn.heading': 'Đăng nhập',
  'signIn.intro': 'Dành cho cán bộ các cơ quan tham gia phối hợp thi hành án dân sự.',
  'signIn.username': 'Tên đăng nhập',
  'signIn.password': 'Mật khẩu',
  'signIn.showPassword': 'Hiện mật khẩu',
  'signIn.submit': 'Đăng nhập',
  'signIn.submitting': 'Đang đăng nhập…',
  'signIn.missingFields': 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  'signIn.sessionExpired': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  'signIn.signedOut': 'Bạn đã đăng xuất.',

  'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  'error.server': 'Máy chủ gặp sự cố (mã {status}). Vui lòng thử lại sau.',
  'error.unexpected': 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.',

  'home.loading': 'Đang tải thông tin…',
  'home.greeting': 'Xin chào, {name}',
  'home.profile': 'Thông tin tài khoản',
  'home.username': 'Tên đăng nhập',
  'home.agency': 'Cơ quan',
  'home.roles': 'Vai trò',
  'home.server': 'Máy chủ',
  'home.version': 'Phiên bản',
  'home.instance': 'Mã máy chủ',
  'home.retry': 'Thử lại',
  'home.signOut': 'Đăng xuất',
  'home.signingOut': 'Đang đăng xuất…',
  'home.casesHeading': 'Việc thi hành án',

  'cases.searchLabel': 'Tìm theo số quyết định, số bản án hoặc tên đương sự',
  'cases.statusLabel': 'Trạng thái',
  'cases.allStatuses': 'Tất cả trạng thái',
  'cases.caption': 'Danh sách việc thi hành án',
  'cases.total': 'Tổng số: {count} việc',
  'cases.shown': 'Đang hiển thị {shown}/{total} việc',
  'cases.colDecision': 'Số quyết định',
  'cases.colCommune': 'Xã, phường',
  'cases.colDebtor': 'Người phải thi hành án',
  'cases.colStatus': 'Trạng thái',
  'cases.colOwed': 'Phải thi hành',
  'cases.colCollected': 'Đã thu',
  'cases.noDecision': 'Chưa có quyết định',
  'cases.overdue': 'Quá hạn',
  'cases.loadMore': 'Tải thêm',
  'cases.loadingMore': 'Đang tải…',
  'cases.loading': 'Đang tải danh sách việc…',
  'cases.empty': 'Không có việc nào bạn được xem.',
  'cases.noMatch': 'Không có việc nào khớp với điều kiện tìm kiếm.',

  'case.back': '← Danh sách việc',
  'case.loading': 'Đang tải việc thi hành án…',
  'case.heading': 'Việc thi hành án {number}',
  'case.general': 'Thông tin chung',
  'case.judgment': 'Bản án, quyết định',
  'case.judgmentValue': '{number} ngày {date}',
  'case.court': 'Tòa án',
  'case.leadAgency': 'Cơ quan THADS chủ trì',
  'case.officer': 'Chấp hành viên',
  'case.noOfficer': 'Chưa phân công',
  'case.commune': 'Xã, phường',
  'case.flags': 'Đặc điểm',
  'case.noFlags': 'Không có',
  'case.flag.complex': 'Phức tạp',
  'case.flag.backlog': 'Án tồn đọng',
  'case.flag.urgentSecurity': 'Cần biện pháp khẩn cấp',
  'case.notes': 'Ghi chú',
  'case.deadlines': 'Thời hạn',
  'case.decisionDue': 'Hạn ra quyết định thi hành án',
  'case.voluntaryEnds': 'Hết thời hạn tự nguyện',
  'case.verificationDue': 'Hạn xác minh điều kiện thi hành án',
  'case.noDate': 'Chưa xác định',
  'case.parties': 'Đương sự',
  'case.partyName': 'Họ tên, tên tổ chức',
  'case.partyRole': 'Tư cách',
  'case.address': 'Địa chỉ',
  'case.idNumber': 'Số định danh (CCCD)',
  'case.phone': 'Số điện thoại',
  'case.protected': 'Được bảo vệ',
  'case.protectedReason': 'Lý do: {reason}',
  'case.obligations': 'Nghĩa vụ',
  'case.obligationKind': 'Loại nghĩa vụ',
  'case.obligationDescription': 'Nội dung',
  'case.owed': 'Phải thi hành',
  'case.collected': 'Đã thu',
  'case.landArea': 'Diện tích',
  'case.fulfilled': 'Tình trạng',
  'case.fulfilledYes': 'Đã xong',
  'case.fulfilledNo': 'Chưa xong',
  'case.noObligations': 'Chưa có nghĩa vụ nào.',
  'case.totals': 'Tổng cộng',
  'case.totalOwed': 'Tổng phải thi hành',
  'case.totalCollected': 'Tổng đã thu',
  'case.openObligations': 'Nghĩa vụ chưa xong',
  'case.participants': 'Cơ quan tham gia',
  'case.agency': 'Cơ quan',
  'case.participantRole': 'Vai trò',
  'case.none': '—',
  'case.updatedAt': 'Đã cập nhật lúc {time}',
  'case.activity': 'Hoạt động gần đây',
  'case.noActivity': 'Chưa có hoạt động mới kể từ khi mở trang.',

  'thread.heading': 'Trao đổi',
  'thread.loading': 'Đang tải trao đổi…',
  'thread.empty': 'Chưa có trao đổi nào.',
  'thread.loadOlder': 'Tải thêm bài cũ hơn',
  'thread.loadingOlder': 'Đang tải…',
  'thread.caption': 'Các bài trao đổi, cũ nhất ở trên',
  'thread.system': 'Hệ thống',
  'thread.deleted': 'Bài viết đã bị xóa.',
  'thread.edited': '(đã sửa)',
  'thread.unread': 'Mới',
  'thread.compose': 'Viết trao đổi',
  'thread.kind': 'Loại bài',
  'thread.send': 'Gửi',
  'thread.sending': 'Đang gửi…',
  'thread.empty.body': 'Hãy nhập nội dung trao đổi.',
  'thread.sent': 'Đã gửi trao đổi.',

  'postKind.NOTE': 'Ghi chú',
  'postKind.REPORT': 'Báo cáo',
  'postKind.DIRECTIVE': 'Chỉ đạo',
  'postKind.RECOMMENDATION': 'Kiến nghị',
  'postKind.SYSTEM': 'Hệ thống',

  'tasks.heading': 'Nhiệm vụ',
  'tasks.loading': 'Đang tải nhiệm vụ…',
  'tasks.empty': 'Chưa có nhiệm vụ nào.',
  'tasks.caption': 'Nhiệm vụ của việc thi hành án',
  'tasks.colTitle': 'Nhiệm vụ',
  'tasks.colKind': 'Loại',
  'tasks.colAgency': 'Cơ quan thực hiện',
  'tasks.colStatus': 'Trạng thái',
  'tasks.colDue': 'Hạn',
  'tasks.colActions': 'Thao tác',
  'tasks.noDue': 'Không đặt hạn',
  'tasks.overdue': 'Quá hạn',
  'tasks.reason': 'Lý do: {reason}',
  'tasks.accept': 'Nhận',
  'tasks.start': 'Bắt đầu',
  'tasks.complete': 'Hoàn thành',
  'tasks.decline': 'Từ chối',
  'tasks.cancel': 'Hủy',
  'tasks.declineReason': 'Lý do từ chối',
  'tasks.declineConfirm': 'Xác nhận từ chối',
  'tasks.declineAbort': 'Bỏ qua',
  'tasks.assign': 'Giao nhiệm vụ',
  'tasks.assignAgency': 'Cơ quan được giao',
  'tasks.assignKind': 'Loại nhiệm vụ',
  'tasks.assignTitle': 'Tên nhiệm vụ',
  'tasks.assignDue': 'Hạn hoàn thành',
  'tasks.assignSubmit': 'Giao nhiệm vụ',
  'tasks.assigning': 'Đang giao…',
  'tasks.assigned': 'Đã giao nhiệm vụ.',
  'tasks.missingFields': 'Hãy chọn cơ quan và nhập tên nhiệm vụ.',
  'tasks.working': 'Đang xử lý…',

  'deadlines.heading': 'Thời hạn pháp lý',
  'deadlines.empty': 'Không có thời hạn nào đang tính.',
  'deadlines.missed': 'Quá hạn',
  'deadlines.passed': 'Đã qua',
  'deadlineKind.VOLUNTARY_PERIOD_END': 'Hết thời hạn tự nguyện',
  'deadlineKind.VERIFICATION': 'Hạn xác minh',
  'deadlineKind.POLICE_PROTECTION_PLAN': 'Hạn kế hoạch bảo vệ cưỡng chế',
  'actions.heading': 'Vận động, cưỡng chế',
  'actions.loading': 'Đang tải các buổi làm việc…',
  'actions.empty': 'Chưa có buổi vận động, xác minh hay cưỡng chế nào.',
  'actions.time': 'Thời gian',
  'actions.place': 'Địa điểm',
  'actions.lead': 'Chủ trì',
  'actions.participants': 'Cơ quan tham gia',
  'actions.required': 'bắt buộc',
  'actions.declineReason': 'Lý do: {reason}',
  'actions.personCoerced': 'Người bị cưỡng chế',
  'actions.measure': 'Biện pháp cưỡng chế',
  'actions.method': 'Phương thức',
  'actions.attendees': 'Thành phần tham gia',
  'actions.forces': 'Lực lượng bảo vệ',
  'actions.costEstimate': 'Dự trù chi phí',
  'actions.protectionPlanDue': 'Hạn kế hoạch bảo vệ',
  'actions.protectionPlan': 'Kế hoạch bảo vệ',
  'actions.outcome': 'Kết quả',
  'actions.minutes': 'Biên bản',
  'actions.moneyCollected': 'Số tiền thu được',
  'actions.reason': 'Lý do: {reason}',
  'actions.postponementLate': 'Đề nghị hoãn đến muộn (dưới 24 giờ trước giờ cưỡng chế)',
  'actions.confirm': 'Xác nhận tham gia',
  'actions.decline': 'Từ chối',
  'actions.declineLabel': 'Lý do từ chối',
  'actions.declineConfirm': 'Gửi từ chối',
  'actions.abort': 'Bỏ qua',
  'actions.recordProtection': 'Ghi nhận kế hoạch bảo vệ',
  'actions.protectionNote': 'Nội dung kế hoạch bảo vệ',
  'actions.save': 'Lưu',
  'actions.step.MARK_READY': 'Sẵn sàng',
  'actions.step.START': 'Bắt đầu',
  'actions.step.POSTPONE': 'Hoãn',
  'actions.step.CANCEL': 'Hủy',
  'actions.stepReason': 'Lý do',
  'actions.recordOutcome': 'Kết quả',
  'actions.outcomeMinutes': 'Nội dung biên bản',
  'actions.outcomeObligation': 'Nghĩa vụ thu tiền',
  'actions.obligationRequired': 'Hãy chọn nghĩa vụ mà khoản tiền này thanh toán.',
  'actions.amountFormat': 'Số tiền là số nguyên đồng, ví dụ 100000000 hoặc 100.000.000.',
  'actions.invitees': 'Người được mời',
  'actions.history': 'Lịch sử kết quả',
  'actions.correct': 'Điều chỉnh kết quả',
  'actions.correctReason': 'Lý do điều chỉnh',
  'actions.corrected': 'Bản ghi điều chỉnh — lý do: {reason}',
  'actions.outcomeAmount': 'Số tiền thu được (đồng)',
  'actions.plan': 'Lên kế hoạch',
  'actions.planKind': 'Loại buổi làm việc',
  'actions.planPlace': 'Địa điểm',
  'actions.planStart': 'Bắt đầu (giờ Việt Nam)',
  'actions.planEnd': 'Kết thúc (giờ Việt Nam)',
  'actions.planCost': 'Dự trù chi phí (đồng)',
  'actions.planSubmit': 'Lên kế hoạch',
  'actions.planning': 'Đang gửi…',
  'actions.planned': 'Đã lên kế hoạch buổi làm việc.',
  'actions.planMissing': 'Hãy nhập địa điểm, thời gian bắt đầu và kết thúc.',
  'actions.costDigits': 'Chi phí và số tiền chỉ gồm chữ số (đồng).',
  'actions.rule': 'Căn cứ: {rule}',
  'actionKind.PERSUASION_VISIT': 'Vận động, thuyết phục',
  'actionKind.COORDINATION_MEETING': 'Họp phối hợp',
  'actionKind.VERIFICATION_VISIT': 'Xác minh',
  'actionKind.COERCION': 'Cưỡng chế',
  'actionStatus.PLANNED': 'Đã lên kế hoạch',
  'actionStatus.READY': 'Sẵn sàng',
  'actionStatus.IN_PROGRESS': 'Đang tiến hành',
  'actionStatus.COMPLETED': 'Hoàn thành',
  'actionStatus.POSTPONED': 'Hoãn',
  'actionStatus.CANCELLED': 'Đã hủy',
  'invitationStatus.INVITED': 'Đã mời',
  'invitationStatus.CONFIRMED': 'Đã xác nhận',
  'invitationStatus.DECLINED': 'Đã từ chối',
  'actionOutcome.VOLUNTARY_COMPLIANCE': 'Tự nguyện thi hành',
  'actionOutcome.PARTIAL_PAYMENT': 'Thi hành một phần',
  'actionOutcome.COERCED': 'Đã cưỡng chế',
  'actionOutcome.REFUSED': 'Không chấp hành',
  'actionOutcome.POSTPONED': 'Hoãn',
  'actionOutcome.REQUEST_WITHDRAWN': 'Rút yêu cầu',
  'actionOutcome.OTHER': 'Khác',

  'taskStatus.OPEN': 'Mới giao',
  'taskStatus.ACCEPTED': 'Đã nhận',
  'taskStatus.IN_PROGRESS': 'Đang thực hiện',
  'taskStatus.DONE': 'Hoàn thành',
  'taskStatus.DECLINED': 'Từ chối',
  'taskStatus.CANCELLED': 'Đã hủy',

  'taskKind.PERSUADE': 'Vận động, thuyết phục',
  'taskKind.VERIFY_CONDITIONS': 'Xác minh điều kiện thi hành án',
  'taskKind.SERVE_NOTICE': 'Tống đạt văn bản',
  'taskKind.PROVIDE_INFORMATION': 'Cung cấp thông tin',
  'taskKind.FREEZE_ACCOUNT': 'Phong tỏa tài khoản',
  'taskKind.PROTECTION_PLAN': 'Phương án bảo vệ cưỡng chế',
  'taskKind.ATTEND_ACTION': 'Tham gia cưỡng chế',
  'taskKind.EXPLAIN_JUDGMENT': 'Giải thích bản án',
  'taskKind.OTHER': 'Khác',

  'myWork.heading': 'Việc của tôi',
  'myWork.openTasks': 'Nhiệm vụ đang mở',
  'myWork.unread': 'Trao đổi chưa đọc',
  'myWork.loading': 'Đang tải…',

  'event.case.created': 'Mở việc',
  'event.case.updated': 'Cập nhật thông tin',
  'event.case.shared': 'Chia sẻ với cơ quan',
  'event.case.unshared': 'Ngừng chia sẻ',
  'event.case.transitioned': 'Chuyển trạng thái',
  'event.case.partyAdded': 'Thêm đương sự',
  'event.case.obligationAdded': 'Thêm nghĩa vụ',
  'event.case.progressRecorded': 'Ghi nhận kết quả thi hành',
  'event.thread.posted': 'Bài trao đổi mới',
  'event.thread.postEdited': 'Sửa bài trao đổi',
  'event.thread.postDeleted': 'Xóa bài trao đổi',
  'event.action.planned': 'Lên kế hoạch buổi làm việc',
  'event.action.ready': 'Buổi làm việc sẵn sàng',
  'event.action.started': 'Bắt đầu buổi làm việc',
  'event.action.completed': 'Ghi nhận kết quả buổi làm việc',
  'event.action.postponed': 'Hoãn buổi làm việc',
  'event.action.rescheduled': 'Lên lịch lại buổi làm việc',
  'event.action.cancelled': 'Hủy buổi làm việc',
  'event.action.invitationConfirmed': 'Xác nhận tham gia',
  'event.action.invitationDeclined': 'Từ chối tham gia',
  'event.action.postponementRequested': 'Đề nghị hoãn',
  'event.action.protectionPlanRecorded': 'Ghi nhận kế hoạch bảo vệ',
  'event.task.created': 'Giao nhiệm vụ',
  'event.task.accepted': 'Nhận nhiệm vụ',
  'event.task.started': 'Bắt đầu nhiệm vụ',
  'event.task.completed': 'Hoàn thành nhiệm vụ',
  'event.task.declined': 'Từ chối nhiệm vụ',
  'event.task.cancelled': 'Hủy nhiệm vụ',
  'event.task.reassigned': 'Giao lại nhiệm vụ',
  'event.task.escalated': 'Nhiệm vụ quá hạn được báo cáo',

  'status.RECEIVED': 'Đã nhận bản án/đơn',
  'status.DECISION_ISSUED': 'Đã ra quyết định THA',
  'status.VOLUNTARY_PERIOD': 'Trong thời hạn tự nguyện',
  'status.VERIFICATION': 'Đang xác minh điều kiện THA',
  'status.ENFORCEABLE': 'Có điều kiện thi hành',
  'status.NOT_YET_ENFORCEABLE': 'Chưa có điều kiện thi hành',
  'status.ENFORCING': 'Đang tổ chức thi hành',
  'status.COMPLETED': 'Thi hành xong',
  'status.POSTPONED': 'Hoãn thi hành án',
  'status.SUSPENDED': 'Tạm đình chỉ',
  'status.TERMINATED': 'Đình chỉ thi hành án',
  'status.RETURNED': 'Trả đơn yêu cầu',
  'status.ENTRUSTED': 'Đã ủy thác thi hành án',

  'partyRole.DEBTOR': 'Người phải thi hành án',
  'partyRole.CREDITOR': 'Người được thi hành án',
  'partyRole.RELATED': 'Người có quyền lợi, nghĩa vụ liên quan',

  'obligationKind.PAY_MONEY': 'Trả tiền',
  'obligationKind.HAND_OVER_LAND': 'Giao đất',
  'obligationKind.HAND_OVER_PROPERTY': 'Giao tài sản',
  'obligationKind.PERFORM_ACT': 'Thực hiện công việc',
  'obligationKind.OTHER': 'Khác',

  'participantRole.LEAD': 'Chủ trì',
  'participantRole.SUPPORT': 'Phối hợp',
  'participantRole.SUPERVISOR': 'Kiểm sát/giám sát',
  'participantRole.STEERING': 'Chỉ đạo',
  'participantRole.PROTECTION': 'Bảo vệ cưỡng chế',
  'participantRole.INFORMATION_PROVIDER': 'Cung cấp thông tin',
  'participantRole.JUDGMENT_EXPLANATION': 'Giải thích bản án',

  'live.connecting': 'Đang kết nối…',
  'live.connected': 'Trực tuyến — cập nhật tức thì',
  'live.reconnecting': 'Mất kết nối — đang thử lại',

  'role.SYSTEM_ADMIN': 'Quản trị hệ thống',
  'role.AGENCY_ADMIN': 'Quản trị cơ quan',
  'role.AGENCY_HEAD': 'Thủ trưởng cơ quan',
  'role.ENFORCEMENT_OFFICER': 'Chấp hành viên',
  'role.OFFICER': 'Cán bộ',
  'role.STEERING_MEMBER': 'Thành viên Ban Chỉ đạo THADS',
  'role.PROCURATOR': 'Kiểm sát viên',

  'agencyKind.ENFORCEMENT_OFFICE': 'Cơ quan thi hành án dân sự',
  'agencyKind.POLICE': 'Công an',
  'agencyKind.COURT': 'Tòa án nhân dân',
  'agencyKind.PROCURACY': 'Viện kiểm sát nhân dân',
  'agencyKind.PEOPLES_COMMITTEE': 'Ủy ban nhân dân',
  'agencyKind.STEERING_COMMITTEE': 'Ban Chỉ đạo thi hành án dân sự',
  'agencyKind.BANK': 'Ngân hàng',
  'agencyKind.MASS_ORGANISATION': 'Tổ chức chính trị – xã hội',
  'agencyKind.OTHER': 'Cơ quan, tổ chức khác',

  // --- Issue 16: inbox, phone layout, not found, about page, error codes (web client) ---
  'app.restoring': 'Đang kiểm tra phiên đăng nhập…',
  'case.protectedReasonEnglish': 'Thông tin cá nhân được bảo vệ (Nghị định 13/2023/NĐ-CP).',
  'nav.label': 'Điều hướng chính',
  'nav.cases': 'Danh sách việc',
  'nav.inbox': 'Hộp thư',
  'nav.about': 'Thông tin hệ thống',
  'nav.unread': '{count} chưa đọc',
  'case.nav.label': 'Các phần của việc',
  'case.nav.summary': 'Tóm tắt',
  'case.nav.thread': 'Trao đổi',
  'case.nav.tasks': 'Nhiệm vụ',
  'case.nav.actions': 'Buổi làm việc',
  'case.nav.parties': 'Đương sự',
  'notFound.heading': 'Không tìm thấy',
  'notFound.case': 'Không tìm thấy việc thi hành án này: đường liên kết sai, hoặc việc chưa được chia sẻ với cơ quan của bạn.',
  'notFound.page': 'Không có trang này trong Phối Hợp.',
  'notFound.back': 'Về danh sách việc',
  'about.heading': 'Thông tin hệ thống',
  'about.adminsOnly': 'Chỉ quản trị viên hệ thống xem được trang này.',
  'inbox.heading': 'Hộp thư',
  'inbox.intro': 'Những việc cần bạn hoặc cơ quan bạn xử lý, mới nhất trước.',
  'inbox.loading': 'Đang tải hộp thư…',
  'inbox.empty': 'Không có gì cần xử lý.',
  'inbox.unreadCount': '{count} mục chưa đọc',
  'inbox.markRead': 'Đánh dấu đã đọc',
  'inbox.markAllRead': 'Đánh dấu tất cả đã đọc',
  'inbox.unread': 'Chưa đọc',
  'inbox.open': 'Mở việc {number}',
  'inbox.loadMore': 'Xem thêm',
  'inbox.onlyUnread': 'Chỉ mục chưa đọc',
  'inbox.by': 'bởi {name}',
  'inbox.system': 'hệ thống',
  'inboxCategory.NEW_TASK': 'Nhiệm vụ mới',
  'inboxCategory.OVERDUE_TASK': 'Nhiệm vụ quá hạn',
  'inboxCategory.TASK_UPDATE': 'Cập nhật nhiệm vụ',
  'inboxCategory.MENTION': 'Nhắc đến bạn',
  'inboxCategory.DIRECTIVE': 'Chỉ đạo',
  'inboxCategory.RECOMMENDATION': 'Kiến nghị',
  'inboxCategory.INVITATION': 'Lời mời',
  'inboxCategory.ESCALATION': 'Báo cáo vượt cấp',
  'cases.unread': '{count} chưa đọc',
  'myWork.inboxUnread': 'Mục chưa đọc trong hộp thư',
  'myWork.openInbox': 'Mở hộp thư',
  'about.eventBus': 'Kênh sự kiện',
  'errorCode.NOT_FOUND': 'Không tìm thấy.',
  'errorCode.FORBIDDEN': 'Bạn không có quyền làm việc này.',
  'errorCode.UNAUTHENTICATED': 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.',
  'errorCode.BAD_USER_INPUT': 'Thông tin nhập chưa hợp lệ.',
  'errorCode.CONFLICT': 'Dữ liệu vừa được người khác thay đổi; hãy tải lại và thử lại.',
  'errorCode.RULE_VIOLATION': 'Quy định pháp luật không cho phép việc này.',
  'errorCode.RATE_LIMITED': 'Quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.',
  'errorCode.RESYNC_REQUIRED': 'Cần tải lại dữ liệu.',
  'error.detail': '{message} (chi tiết: {detail})',
  'error.rule': 'Căn cứ: {rule}',
} as const;

/** Every text key; `vi` is the reference dictionary. */
export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  ...intakeAdminEn,
  'app.name': 'Phối Hợp',
  'app.tagline': 'Civil judgment enforcement coordination',
  'app.title': 'Phối Hợp — Civil judgment enforcement coordination',
  'app.skipToContent': 'Skip to main content',
  'app.switchLanguage': 'Tiếng Việt',
  'app.footer': 'Inter-agency coordination of civil judgment enforcement',

  'signIn.heading': 'Sign in',
  'signIn.intro': 'For officials of the agencies that coordinate civil judgment enforcement.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.showPassword': 'Show password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.missingFields': 'Please enter your username and password.',
  'signIn.sessionExpired': 'Your session has expired. Please sign in again.',
  'signIn.signedOut': 'You have signed out.',

  'error.network': 'Cannot reach the server. Please check your connection and try again.',
  'error.server': 'The server had a problem (status {status}). Please try again later.',
  'error.unexpected': 'Something unexpected went wrong. Please try again.',

  'home.loading': 'Loading…',
  'home.greeting': 'Hello, {name}',
  'home.profile': 'Your account',
  'home.username': 'Username',
  'home.agency': 'Agency',
  'home.roles': 'Roles',
  'home.server': 'Server',
  'home.version': 'Version',
  'home.instance': 'Instance',
  'home.retry': 'Try again',
  'home.signOut': 'Sign out',
  'home.signingOut': 'Signing out…',
  'home.casesHeading': 'Enforcement cases',

  'cases.searchLabel': 'Search by decision number, judgment number or party name',
  'cases.statusLabel': 'Status',
  'cases.allStatuses': 'All statuses',
  'cases.caption': 'Enforcement cases',
  'cases.total': 'Total: {count} cases',
  'cases.shown': 'Showing {shown} of {total} cases',
  'cases.colDecision': 'Decision number',
  'cases.colCommune': 'Commune',
  'cases.colDebtor': 'Debtor',
  'cases.colStatus': 'Status',
  'cases.colOwed': 'Owed',
  'cases.colCollected': 'Collected',
  'cases.noDecision': 'No decision yet',
  'cases.overdue': 'Overdue',
  'cases.loadMore': 'Load more',
  'cases.loadingMore': 'Loading…',
  'cases.loading': 'Loading cases…',
  'cases.empty': 'There are no cases you may see.',
  'cases.noMatch': 'No cases match your search.',

  'case.back': '← Case list',
  'case.loading': 'Loading the case…',
  'case.heading': 'Enforcement case {number}',
  'case.general': 'General information',
  'case.judgment': 'Judgment',
  'case.judgmentValue': '{number} of {date}',
  'case.court': 'Court',
  'case.leadAgency': 'Lead enforcement office',
  'case.officer': 'Enforcement officer',
  'case.noOfficer': 'Not assigned',
  'case.commune': 'Commune',
  'case.flags': 'Flags',
  'case.noFlags': 'None',
  'case.flag.complex': 'Complex',
  'case.flag.backlog': 'Backlog case',
  'case.flag.urgentSecurity': 'Urgent security measures',
  'case.notes': 'Notes',
  'case.deadlines': 'Deadlines',
  'case.decisionDue': 'Enforcement decision due',
  'case.voluntaryEnds': 'End of the voluntary period',
  'case.verificationDue': 'Verification due',
  'case.noDate': 'Not set',
  'case.parties': 'Parties',
  'case.partyName': 'Name',
  'case.partyRole': 'Role',
  'case.address': 'Address',
  'case.idNumber': 'ID number (CCCD)',
  'case.phone': 'Phone',
  'case.protected': 'Protected',
  'case.protectedReason': 'Reason: {reason}',
  'case.obligations': 'Obligations',
  'case.obligationKind': 'Kind',
  'case.obligationDescription': 'Description',
  'case.owed': 'Owed',
  'case.collected': 'Collected',
  'case.landArea': 'Area',
  'case.fulfilled': 'State',
  'case.fulfilledYes': 'Fulfilled',
  'case.fulfilledNo': 'Open',
  'case.noObligations': 'No obligations yet.',
  'case.totals': 'Totals',
  'case.totalOwed': 'Total owed',
  'case.totalCollected': 'Total collected',
  'case.openObligations': 'Open obligations',
  'case.participants': 'Participating agencies',
  'case.agency': 'Agency',
  'case.participantRole': 'Role',
  'case.none': '—',
  'case.updatedAt': 'Updated at {time}',
  'case.activity': 'Recent activity',
  'case.noActivity': 'No new activity since the page was opened.',

  'thread.heading': 'Thread',
  'thread.loading': 'Loading the thread…',
  'thread.empty': 'No posts yet.',
  'thread.loadOlder': 'Load older posts',
  'thread.loadingOlder': 'Loading…',
  'thread.caption': 'Posts, oldest at the top',
  'thread.system': 'System',
  'thread.deleted': 'This post was deleted.',
  'thread.edited': '(edited)',
  'thread.unread': 'New',
  'thread.compose': 'Write a post',
  'thread.kind': 'Kind of post',
  'thread.send': 'Send',
  'thread.sending': 'Sending…',
  'thread.empty.body': 'Please write something to post.',
  'thread.sent': 'Post sent.',

  'postKind.NOTE': 'Note',
  'postKind.REPORT': 'Report',
  'postKind.DIRECTIVE': 'Directive',
  'postKind.RECOMMENDATION': 'Recommendation',
  'postKind.SYSTEM': 'System',

  'tasks.heading': 'Tasks',
  'tasks.loading': 'Loading tasks…',
  'tasks.empty': 'No tasks yet.',
  'tasks.caption': 'Tasks of the case',
  'tasks.colTitle': 'Task',
  'tasks.colKind': 'Kind',
  'tasks.colAgency': 'Assigned agency',
  'tasks.colStatus': 'Status',
  'tasks.colDue': 'Due',
  'tasks.colActions': 'Actions',
  'tasks.noDue': 'No deadline',
  'tasks.overdue': 'Overdue',
  'tasks.reason': 'Reason: {reason}',
  'tasks.accept': 'Accept',
  'tasks.start': 'Start',
  'tasks.complete': 'Complete',
  'tasks.decline': 'Decline',
  'tasks.cancel': 'Cancel',
  'tasks.declineReason': 'Reason for declining',
  'tasks.declineConfirm': 'Confirm decline',
  'tasks.declineAbort': 'Never mind',
  'tasks.assign': 'Assign a task',
  'tasks.assignAgency': 'Agency',
  'tasks.assignKind': 'Kind of task',
  'tasks.assignTitle': 'Title',
  'tasks.assignDue': 'Due date',
  'tasks.assignSubmit': 'Assign task',
  'tasks.assigning': 'Assigning…',
  'tasks.assigned': 'Task assigned.',
  'tasks.missingFields': 'Please choose an agency and enter a title.',
  'tasks.working': 'Working…',

  'deadlines.heading': 'Legal deadlines',
  'deadlines.empty': 'No running deadlines.',
  'deadlines.missed': 'Missed',
  'deadlines.passed': 'Passed',
  'deadlineKind.VOLUNTARY_PERIOD_END': 'End of the voluntary period',
  'deadlineKind.VERIFICATION': 'Verification due',
  'deadlineKind.POLICE_PROTECTION_PLAN': 'Coercion protection plan due',
  'actions.heading': 'Persuasion and coercion',
  'actions.loading': 'Loading actions…',
  'actions.empty': 'No persuasion visits, verifications or coercions yet.',
  'actions.time': 'Time',
  'actions.place': 'Place',
  'actions.lead': 'Led by',
  'actions.participants': 'Participating agencies',
  'actions.required': 'required',
  'actions.declineReason': 'Reason: {reason}',
  'actions.personCoerced': 'Person coerced',
  'actions.measure': 'Coercive measure',
  'actions.method': 'Method',
  'actions.attendees': 'Attendees',
  'actions.forces': 'Protection forces',
  'actions.costEstimate': 'Estimated cost',
  'actions.protectionPlanDue': 'Protection plan due',
  'actions.protectionPlan': 'Protection plan',
  'actions.outcome': 'Outcome',
  'actions.minutes': 'Minutes',
  'actions.moneyCollected': 'Money collected',
  'actions.reason': 'Reason: {reason}',
  'actions.postponementLate': 'Postponement requested late (under 24 h before the coercion)',
  'actions.confirm': 'Confirm attendance',
  'actions.decline': 'Decline',
  'actions.declineLabel': 'Reason for declining',
  'actions.declineConfirm': 'Send decline',
  'actions.abort': 'Never mind',
  'actions.recordProtection': 'Record protection plan',
  'actions.protectionNote': 'Protection plan',
  'actions.save': 'Save',
  'actions.step.MARK_READY': 'Ready',
  'actions.step.START': 'Start',
  'actions.step.POSTPONE': 'Postpone',
  'actions.step.CANCEL': 'Cancel',
  'actions.stepReason': 'Reason',
  'actions.recordOutcome': 'Outcome',
  'actions.outcomeMinutes': 'Minutes',
  'actions.outcomeObligation': 'Money obligation',
  'actions.obligationRequired': 'Choose the obligation this money pays.',
  'actions.amountFormat': 'Amounts are whole đồng, e.g. 100000000 or 100.000.000.',
  'actions.invitees': 'People invited',
  'actions.history': 'Outcome history',
  'actions.correct': 'Correct the outcome',
  'actions.correctReason': 'Reason for the correction',
  'actions.corrected': 'Correcting entry — reason: {reason}',
  'actions.outcomeAmount': 'Money collected (đồng)',
  'actions.plan': 'Plan an action',
  'actions.planKind': 'Kind of action',
  'actions.planPlace': 'Place',
  'actions.planStart': 'Start (Viet Nam time)',
  'actions.planEnd': 'End (Viet Nam time)',
  'actions.planCost': 'Estimated cost (đồng)',
  'actions.planSubmit': 'Plan',
  'actions.planning': 'Sending…',
  'actions.planned': 'Action planned.',
  'actions.planMissing': 'Please enter the place, start and end.',
  'actions.costDigits': 'Costs and amounts are digits only (đồng).',
  'actions.rule': 'Rule: {rule}',
  'actionKind.PERSUASION_VISIT': 'Persuasion visit',
  'actionKind.COORDINATION_MEETING': 'Coordination meeting',
  'actionKind.VERIFICATION_VISIT': 'Verification visit',
  'actionKind.COERCION': 'Coercion',
  'actionStatus.PLANNED': 'Planned',
  'actionStatus.READY': 'Ready',
  'actionStatus.IN_PROGRESS': 'In progress',
  'actionStatus.COMPLETED': 'Completed',
  'actionStatus.POSTPONED': 'Postponed',
  'actionStatus.CANCELLED': 'Cancelled',
  'invitationStatus.INVITED': 'Invited',
  'invitationStatus.CONFIRMED': 'Confirmed',
  'invitationStatus.DECLINED': 'Declined',
  'actionOutcome.VOLUNTARY_COMPLIANCE': 'Voluntary compliance',
  'actionOutcome.PARTIAL_PAYMENT': 'Partial payment',
  'actionOutcome.COERCED': 'Coerced',
  'actionOutcome.REFUSED': 'Refused',
  'actionOutcome.POSTPONED': 'Postponed',
  'actionOutcome.REQUEST_WITHDRAWN': 'Request withdrawn',
  'actionOutcome.OTHER': 'Other',

  'taskStatus.OPEN': 'New',
  'taskStatus.ACCEPTED': 'Accepted',
  'taskStatus.IN_PROGRESS': 'In progress',
  'taskStatus.DONE': 'Done',
  'taskStatus.DECLINED': 'Declined',
  'taskStatus.CANCELLED': 'Cancelled',

  'taskKind.PERSUADE': 'Persuade the debtor',
  'taskKind.VERIFY_CONDITIONS': 'Verify enforceability',
  'taskKind.SERVE_NOTICE': 'Serve a notice',
  'taskKind.PROVIDE_INFORMATION': 'Provide information',
  'taskKind.FREEZE_ACCOUNT': 'Freeze an account',
  'taskKind.PROTECTION_PLAN': 'Coercion protection plan',
  'taskKind.ATTEND_ACTION': 'Attend the coercion',
  'taskKind.EXPLAIN_JUDGMENT': 'Explain the judgment',
  'taskKind.OTHER': 'Other',

  'myWork.heading': 'My work',
  'myWork.openTasks': 'Open tasks',
  'myWork.unread': 'Unread posts',
  'myWork.loading': 'Loading…',

  'event.case.created': 'Case opened',
  'event.case.updated': 'Details updated',
  'event.case.shared': 'Shared with an agency',
  'event.case.unshared': 'Sharing stopped',
  'event.case.transitioned': 'Status changed',
  'event.case.partyAdded': 'Party added',
  'event.case.obligationAdded': 'Obligation added',
  'event.case.progressRecorded': 'Enforcement result recorded',
  'event.thread.posted': 'New post',
  'event.thread.postEdited': 'Post edited',
  'event.thread.postDeleted': 'Post deleted',
  'event.action.planned': 'Action planned',
  'event.action.ready': 'Action ready',
  'event.action.started': 'Action started',
  'event.action.completed': 'Action outcome recorded',
  'event.action.postponed': 'Action postponed',
  'event.action.rescheduled': 'Action rescheduled',
  'event.action.cancelled': 'Action cancelled',
  'event.action.invitationConfirmed': 'Attendance confirmed',
  'event.action.invitationDeclined': 'Attendance declined',
  'event.action.postponementRequested': 'Postponement requested',
  'event.action.protectionPlanRecorded': 'Protection plan recorded',
  'event.task.created': 'Task assigned',
  'event.task.accepted': 'Task accepted',
  'event.task.started': 'Task started',
  'event.task.completed': 'Task completed',
  'event.task.declined': 'Task declined',
  'event.task.cancelled': 'Task cancelled',
  'event.task.reassigned': 'Task reassigned',
  'event.task.escalated': 'Overdue task escalated',

  'status.RECEIVED': 'Judgment/request received',
  'status.DECISION_ISSUED': 'Enforcement decision issued',
  'status.VOLUNTARY_PERIOD': 'In the voluntary period',
  'status.VERIFICATION': 'Verifying enforceability',
  'status.ENFORCEABLE': 'Enforceable',
  'status.NOT_YET_ENFORCEABLE': 'Not yet enforceable',
  'status.ENFORCING': 'Being enforced',
  'status.COMPLETED': 'Completed',
  'status.POSTPONED': 'Postponed',
  'status.SUSPENDED': 'Suspended',
  'status.TERMINATED': 'Terminated',
  'status.RETURNED': 'Request returned',
  'status.ENTRUSTED': 'Entrusted to another office',

  'partyRole.DEBTOR': 'Debtor',
  'partyRole.CREDITOR': 'Creditor',
  'partyRole.RELATED': 'Related person',

  'obligationKind.PAY_MONEY': 'Pay money',
  'obligationKind.HAND_OVER_LAND': 'Hand over land',
  'obligationKind.HAND_OVER_PROPERTY': 'Hand over property',
  'obligationKind.PERFORM_ACT': 'Perform an act',
  'obligationKind.OTHER': 'Other',

  'participantRole.LEAD': 'Lead',
  'participantRole.SUPPORT': 'Support',
  'participantRole.SUPERVISOR': 'Supervision',
  'participantRole.STEERING': 'Steering',
  'participantRole.PROTECTION': 'Coercion protection',
  'participantRole.INFORMATION_PROVIDER': 'Information provider',
  'participantRole.JUDGMENT_EXPLANATION': 'Judgment explanation',

  'live.connecting': 'Connecting…',
  'live.connected': 'Online — updates appear instantly',
  'live.reconnecting': 'Connection lost — retrying',

  'role.SYSTEM_ADMIN': 'System administrator',
  'role.AGENCY_ADMIN': 'Agency administrator',
  'role.AGENCY_HEAD': 'Head of agency',
  'role.ENFORCEMENT_OFFICER': 'Enforcement officer',
  'role.OFFICER': 'Officer',
  'role.STEERING_MEMBER': 'Enforcement steering committee member',
  'role.PROCURATOR': 'Procurator',

  'agencyKind.ENFORCEMENT_OFFICE': 'Civil judgment enforcement office',
  'agencyKind.POLICE': 'Police',
  'agencyKind.COURT': "People's Court",
  'agencyKind.PROCURACY': "People's Procuracy",
  'agencyKind.PEOPLES_COMMITTEE': "People's Committee",
  'agencyKind.STEERING_COMMITTEE': 'Enforcement steering committee',
  'agencyKind.BANK': 'Bank',
  'agencyKind.MASS_ORGANISATION': 'Mass organisation',

  'agencyKind.OTHER': 'Other agency or organisation',
  // --- Issue 16: inbox, phone layout, not found, about page, error codes (web client) ---
  'app.restoring': 'Checking your sign-in…',
  'case.protectedReasonEnglish':
    'Personal data is protected (Decree 13/2023/NĐ-CP on personal data protection): only those with authority over the case may see it.',
  'nav.label': 'Main navigation',
  'nav.cases': 'Cases',
  'nav.inbox': 'Inbox',
  'nav.about': 'About the system',
  'nav.unread': '{count} unread',
  'case.nav.label': 'Parts of this case',
  'case.nav.summary': 'Summary',
  'case.nav.thread': 'Thread',
  'case.nav.tasks': 'Tasks',
  'case.nav.actions': 'Visits',
  'case.nav.parties': 'Parties',
  'notFound.heading': 'Not found',
  'notFound.case': 'This enforcement case was not found: the link is wrong, or the case has not been shared with your agency.',
  'notFound.page': 'There is no such page in Phối Hợp.',
  'notFound.back': 'Back to the case list',
  'about.heading': 'About the system',
  'about.adminsOnly': 'Only system administrators can see this page.',
  'inbox.heading': 'Inbox',
  'inbox.intro': 'What needs you or your agency, newest first.',
  'inbox.loading': 'Loading the inbox…',
  'inbox.empty': 'Nothing needs your attention.',
  'inbox.unreadCount': '{count} unread',
  'inbox.markRead': 'Mark as read',
  'inbox.markAllRead': 'Mark all as read',
  'inbox.unread': 'Unread',
  'inbox.open': 'Open case {number}',
  'inbox.loadMore': 'Show more',
  'inbox.onlyUnread': 'Unread only',
  'inbox.by': 'by {name}',
  'inbox.system': 'the system',
  'inboxCategory.NEW_TASK': 'New task',
  'inboxCategory.OVERDUE_TASK': 'Overdue task',
  'inboxCategory.TASK_UPDATE': 'Task update',
  'inboxCategory.MENTION': 'Mentioned you',
  'inboxCategory.DIRECTIVE': 'Directive',
  'inboxCategory.RECOMMENDATION': 'Recommendation',
  'inboxCategory.INVITATION': 'Invitation',
  'inboxCategory.ESCALATION': 'Escalation',
  'cases.unread': '{count} unread',
  'myWork.inboxUnread': 'Unread inbox items',
  'myWork.openInbox': 'Open the inbox',
  'about.eventBus': 'Event bus',
  'errorCode.NOT_FOUND': 'Not found.',
  'errorCode.FORBIDDEN': 'You are not allowed to do this.',
  'errorCode.UNAUTHENTICATED': 'Your session has ended; please sign in again.',
  'errorCode.BAD_USER_INPUT': 'Some of what you entered is not valid.',
  'errorCode.CONFLICT': 'Someone else changed this just now; reload and try again.',
  'errorCode.RULE_VIOLATION': 'The law does not allow this.',
  'errorCode.RATE_LIMITED': 'Too many requests; please wait a moment and try again.',
  'errorCode.RESYNC_REQUIRED': 'The data needs to be reloaded.',
  'error.detail': '{message} (details in Vietnamese: {detail})',
  'error.rule': 'Legal basis: {rule}',
};

/** Both dictionaries, keyed by language. */
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Placeholder values for `{name}`-style slots in a message. */
export type MessageParams = Record<string, string | number>;

/** Looks up `key` in `lang` and fills `{slots}` from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

/** The translate function bound to the current language (`lang` says which). */
export type Translate = ((key: MessageKey, params?: MessageParams) => string) & { readonly lang?: Lang };

/** Label of a role code in the current language. */
export const roleLabel = (t: Translate, role: Role): string => t(`role.${role}`);

/** Label of an agency kind in the current language. */
export const agencyKindLabel = (t: Translate, kind: AgencyKind): string => t(`agencyKind.${kind}`);

/** Label of a case status in the current language. */
export const caseStatusLabel = (t: Translate, status: CaseStatus): string => t(`status.${status}`);

/** Label of a party's role in a case. */
export const partyRoleLabel = (t: Translate, role: PartyRole): string => t(`partyRole.${role}`);

/** Label of an obligation kind. */
export const obligationKindLabel = (t: Translate, kind: ObligationKind): string => t(`obligationKind.${kind}`);

/** Label of an agency's role in a case. */
export const participantRoleLabel = (t: Translate, role: ParticipantRole): string => t(`participantRole.${role}`);

/** Label of a thread post's kind. */
export const postKindLabel = (t: Translate, kind: PostKind): string => t(`postKind.${kind}`);

/** Label of a task's status. */
export const taskStatusLabel = (t: Translate, status: TaskStatus): string => t(`taskStatus.${status}`);

/** Label of a task's kind. */
export const taskKindLabel = (t: Translate, kind: TaskKind): string => t(`taskKind.${kind}`);

/** Label of a coordinated action's kind, status and outcome, and of an invitation's status. */
export const actionKindLabel = (t: Translate, kind: ActionKind): string => t(`actionKind.${kind}`);
export const actionStatusLabel = (t: Translate, status: ActionStatus): string => t(`actionStatus.${status}`);
export const actionOutcomeLabel = (t: Translate, outcome: ActionOutcome): string => t(`actionOutcome.${outcome}`);
export const invitationStatusLabel = (t: Translate, status: InvitationStatus): string => t(`invitationStatus.${status}`);

/** Label of an inbox item's category. */
export const inboxCategoryLabel = (t: Translate, category: string): string => {
  const key = `inboxCategory.${category}`;
  return Object.hasOwn(vi, key) ? t(key as MessageKey) : category;
};

/** Vietnamese legal citation words and their English equivalents, longest first. */
const LEGAL_TERMS: ReadonlyArray<[RegExp, string]> = [
  [/Luật Thi hành án dân sự|Luật THADS/g, 'Law on Civil Judgment Enforcement'],
  [/Nghị định|NĐ(?=[ -])/g, 'Decree'],
  [/Bộ luật Lao động/g, 'Labour Code'],
  [/Bộ luật Dân sự/g, 'Civil Code'],
  [/Thông tư/g, 'Circular'],
  // \b does not know Vietnamese letters: whole words are letters not next to other letters.
  [/(?<!\p{L})(?:Điều|Đ\.(?=\s?\d))(?!\p{L})/gu, 'Article'],
  [/(?<!\p{L})khoản(?!\p{L})/giu, 'clause'],
  [/(?<!\p{L})điểm(?!\p{L})/giu, 'point'],
  [/ sửa đổi, bổ sung| sửa đổi/g, ' as amended'],
  [/(?<!\p{L})năm(?!\p{L})/gu, ''],
];

/**
 * A legal citation from the server ("Điều 46 Luật THADS") in the current language: unchanged in
 * Vietnamese, its citation words translated in English ("Article 46 Law on Civil Judgment Enforcement").
 */
export function legalText(t: Translate, citation: string): string {
  if (t.lang !== 'en') return citation;
  return LEGAL_TERMS.reduce((text, [pattern, english]) => text.replace(pattern, english), citation)
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Label of a legal deadline's kind; a kind this app does not know yet is shown as it is. */
export function deadlineKindLabel(t: Translate, kind: string): string {
  const key = `deadlineKind.${kind}`;
  return Object.hasOwn(vi, key) ? t(key as MessageKey) : kind;
}

/**
 * Label of a live event type ("case.updated" → "Cập nhật thông tin"); a type this app does not know
 * yet (the server may add new ones) is shown as it is.
 */
export function eventTypeLabel(t: Translate, type: string): string {
  const key = `event.${type}`;
  return Object.hasOwn(vi, key) ? t(key as MessageKey) : type;
}

const STORAGE_KEY = 'phoihop.lang';

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (privacy mode): default language
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the language (Vietnamese unless the user chose English before) to the app. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; the choice still applies now.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: Object.assign((key: MessageKey, params?: MessageParams) => translate(lang, key, params), { lang }) }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

/** The language and its setter. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}
