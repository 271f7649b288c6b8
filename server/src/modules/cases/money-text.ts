/** An amount of đồng as officials write it: "100.000.000 đ". */
export const formatDong = (v: bigint) => `${v.toLocaleString('vi-VN')} đ`;
