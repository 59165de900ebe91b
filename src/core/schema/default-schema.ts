/** The built-in field set for "giới thiệu điển hình tiên tiến" (GUIDE §4). */
import type { TableSchema } from './types';

export const LOAI_TAP_THE = 'Tập thể';
export const LOAI_CA_NHAN = 'Cá nhân';

/** The letter's fields of achievement. */
export const LINH_VUC: { value: string; aliases: string[] }[] = [
  {
    value: 'Quản lý nhà nước về KH&CN',
    aliases: [
      'Quản lý nhà nước về khoa học và công nghệ',
      'QLNN về KH&CN',
      'QLNN về KHCN',
      'Quản lý nhà nước',
    ],
  },
  {
    value: 'Ứng dụng, chuyển giao tiến bộ KH&CN',
    aliases: [
      'Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ',
      'Ứng dụng chuyển giao tiến bộ KHCN',
      'Ứng dụng tiến bộ KH&CN',
      'Chuyển giao tiến bộ KH&CN',
      'Ứng dụng, chuyển giao tiến bộ KH&CN vào đời sống, sản xuất, kinh doanh',
      'Ứng dụng KH&CN',
    ],
  },
  {
    value: 'Khởi nghiệp, đổi mới sáng tạo',
    aliases: [
      'Khởi nghiệp ĐMST',
      'Khởi nghiệp, ĐMST',
      'Đổi mới sáng tạo',
      'ĐMST',
      'Khởi nghiệp đổi mới sáng tạo',
    ],
  },
  { value: 'Sở hữu trí tuệ', aliases: ['SHTT'] },
  {
    value: 'Tiêu chuẩn, đo lường, chất lượng',
    aliases: ['Tiêu chuẩn đo lường chất lượng', 'TĐC', 'TCĐLCL', 'Tiêu chuẩn - Đo lường - Chất lượng'],
  },
  {
    value: 'Cải cách hành chính',
    aliases: ['CCHC', 'Cải cách hành chính nhà nước', 'Cải cách hành chính nhà nước trong lĩnh vực KH&CN'],
  },
  {
    value: 'Cuộc thi sáng tạo khoa học kỹ thuật',
    aliases: [
      'Cuộc thi sáng tạo KHKT',
      'Sáng tạo khoa học kỹ thuật',
      'Sáng tạo KHKT',
      'Cuộc thi sáng tạo khoa học và kỹ thuật',
    ],
  },
  {
    value: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    aliases: [
      'Học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh',
      'Học tập và làm theo Bác',
      'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
    ],
  },
  { value: 'An sinh xã hội', aliases: ['ASXH', 'Công tác an sinh xã hội'] },
];

export function defaultSchema(): TableSchema {
  return {
    fields: [
      {
        name: 'ten',
        title: 'Họ và tên / Tên tập thể',
        type: 'string',
        constraints: { required: true },
        aliases: [
          'Họ và tên',
          'Họ tên',
          'Tên tập thể, cá nhân',
          'Tên tập thể/cá nhân',
          'Tên tập thể hoặc cá nhân',
          'Tên đơn vị / tập thể',
          'Tên đơn vị, tập thể',
          'Tên tập thể',
          'Tên cá nhân',
          'Họ và tên cá nhân',
          'Tập thể, cá nhân',
          'Tên tập thể, họ và tên cá nhân',
          'Họ và tên (tên tập thể)',
          'Tên',
        ],
      },
      {
        name: 'loai',
        title: 'Loại',
        type: 'enum',
        constraints: { required: true, enum: ['Tập thể', 'Cá nhân'] },
        aliases: ['Loại', 'Tập thể/Cá nhân', 'Tập thể hay cá nhân', 'Đối tượng', 'Loại đề nghị', 'Phân loại'],
        enumAliases: { 'Tập thể': ['TT', 'Tap the', 'tập thể'], 'Cá nhân': ['CN', 'Ca nhan', 'cá nhân'] },
        fromSection: true,
      },
      {
        name: 'gioiTinh',
        title: 'Giới tính',
        type: 'enum',
        constraints: { enum: ['Nam', 'Nữ'] },
        aliases: ['Giới tính', 'Nam/Nữ', 'Phái'],
        enumAliases: { Nam: ['M', 'Male', 'x'], Nữ: ['F', 'Female', 'Nu'] },
      },
      {
        name: 'namSinh',
        title: 'Năm sinh',
        type: 'year',
        constraints: { minimum: 1930, maximum: 2015 },
        aliases: ['Năm sinh', 'Ngày sinh', 'Ngày, tháng, năm sinh', 'Sinh năm'],
      },
      {
        name: 'chucVu',
        title: 'Chức vụ',
        type: 'string',
        aliases: ['Chức vụ', 'Chức danh', 'Chức vụ, chức danh'],
      },
      {
        name: 'donViCongTac',
        title: 'Đơn vị công tác',
        type: 'string',
        requiredIf: { field: 'loai', values: ['Cá nhân'] },
        aliases: [
          'Đơn vị công tác',
          'Đơn vị',
          'Cơ quan, đơn vị',
          'Cơ quan đơn vị công tác',
          'Nơi công tác',
          'Chức vụ, đơn vị công tác',
          'Chức vụ, đơn vị',
          'Chức vụ và đơn vị công tác',
          'Cơ quan công tác',
        ],
      },
      {
        name: 'linhVuc',
        title: 'Lĩnh vực',
        type: 'enum',
        constraints: { required: true, enum: LINH_VUC.map((l) => l.value) },
        enumAliases: Object.fromEntries(LINH_VUC.map((l) => [l.value, l.aliases])),
        aliases: ['Lĩnh vực', 'Lĩnh vực hoạt động', 'Lĩnh vực thành tích', 'Lĩnh vực công tác'],
      },
      {
        name: 'thanhTich',
        title: 'Tóm tắt thành tích tiêu biểu',
        type: 'string',
        constraints: { required: true },
        aliases: [
          'Tóm tắt thành tích',
          'Tóm tắt thành tích tiêu biểu',
          'Thành tích nổi bật',
          'Thành tích tiêu biểu',
          'Thành tích',
          'Tóm tắt thành tích nổi bật',
          'Thành tích đạt được',
        ],
      },
      {
        name: 'ghiChu',
        title: 'Ghi chú',
        type: 'string',
        aliases: ['Ghi chú', 'Ghi chu'],
      },
    ],
  };
}
