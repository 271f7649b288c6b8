/**
 * Texts for correcting parties and obligations on the case edit page (issue 15), in their own file so
 * the main dictionary (i18n.ts) only spreads them in. Vietnamese first; English must have every key.
 */
export const correctionsVi = {
  'fix.edit': 'Sửa',
  'fix.remove': 'Xóa',
  'fix.save': 'Lưu',
  'fix.cancel': 'Hủy',
  'fix.editParty': 'Sửa đương sự {name}',
  'fix.removeParty': 'Xóa đương sự {name}',
  'fix.editObligation': 'Sửa nghĩa vụ {name}',
  'fix.removeObligation': 'Xóa nghĩa vụ {name}',
  'fix.confirmRemove': 'Xóa "{name}" khỏi hồ sơ? Thao tác được ghi vào nhật ký.',
  'fix.removed': 'Đã xóa.',
  'admin.users.editRoles': 'Đổi vai trò, cơ quan của {name}',
  'admin.users.saveRoles': 'Lưu thay đổi',
  'admin.users.rolesSaved': 'Đã lưu; thay đổi có hiệu lực ngay từ yêu cầu tiếp theo của người dùng.',
};

export const correctionsEn: Record<keyof typeof correctionsVi, string> = {
  'fix.edit': 'Edit',
  'fix.remove': 'Remove',
  'fix.save': 'Save',
  'fix.cancel': 'Cancel',
  'fix.editParty': 'Edit party {name}',
  'fix.removeParty': 'Remove party {name}',
  'fix.editObligation': 'Edit obligation {name}',
  'fix.removeObligation': 'Remove obligation {name}',
  'fix.confirmRemove': 'Remove "{name}" from the case? The removal is logged.',
  'fix.removed': 'Removed.',
  'admin.users.editRoles': 'Change the roles or agency of {name}',
  'admin.users.saveRoles': 'Save changes',
  'admin.users.rolesSaved': "Saved; the change takes effect on the user's next request.",
};
