/**
 * A roster of the kind the Department's letter goes to (seeds: "Sở, ban, ngành, hội - đoàn thể tỉnh;
 * UBND các huyện, thị xã, thành phố; Doanh nghiệp KH&CN, tổ chức KH&CN; Trường Đại học, Cao đẳng;
 * Phòng chuyên môn, đơn vị thuộc và trực thuộc Sở"), as the clerk's table of rows.
 * Districts: the 10 of Hưng Yên (corpora/vn_admin_units/hung_yen_districts.csv).
 */
import { rosterFromRows, type Roster } from '../../../src/core/units/roster';

const DISTRICTS = 'UBND huyện, thị xã, thành phố';
const SO = 'Sở, ban, ngành, hội - đoàn thể tỉnh';
const SCHOOL = 'Trường Đại học, Cao đẳng';
const FIRM = 'Doanh nghiệp KH&CN, tổ chức KH&CN';
const DIV = 'Phòng chuyên môn, đơn vị thuộc và trực thuộc Sở KH&CN';

export const ROSTER_ROWS: string[][] = [
  ['DANH SÁCH ĐƠN VỊ NHẬN CÔNG VĂN'],
  [],
  ['STT', 'Tên đơn vị', 'Nhóm', 'Tên khác', 'Email', 'Người liên hệ', 'Điện thoại'],
  [
    '1',
    'UBND thành phố Hưng Yên',
    DISTRICTS,
    'UBND TP Hưng Yên; TP. Hưng Yên',
    'ubndtp@hungyen.gov.vn',
    'Nguyễn Văn An',
    '0221 3862 111',
  ],
  [
    '2',
    'UBND huyện Văn Lâm',
    DISTRICTS,
    'Huyện Văn Lâm',
    'vanlam@hungyen.gov.vn',
    'Trần Thị Bình',
    '0221 3985 222',
  ],
  ['3', 'UBND huyện Văn Giang', DISTRICTS, 'Huyện Văn Giang', '', '', ''],
  ['4', 'UBND huyện Yên Mỹ', DISTRICTS, 'Huyện Yên Mỹ', '', '', ''],
  [
    '5',
    'UBND thị xã Mỹ Hào',
    DISTRICTS,
    'UBND TX Mỹ Hào; Thị xã Mỹ Hào',
    'myhao@hungyen.gov.vn',
    'Lê Văn Cường',
    '0221 3943 333',
  ],
  ['6', 'UBND huyện Ân Thi', DISTRICTS, 'Huyện Ân Thi', '', '', ''],
  ['7', 'UBND huyện Khoái Châu', DISTRICTS, 'Huyện Khoái Châu', '', '', ''],
  ['8', 'UBND huyện Kim Động', DISTRICTS, 'Huyện Kim Động', '', '', ''],
  ['9', 'UBND huyện Tiên Lữ', DISTRICTS, 'Huyện Tiên Lữ', '', '', ''],
  ['10', 'UBND huyện Phù Cừ', DISTRICTS, 'Huyện Phù Cừ', '', '', ''],
  ['11', 'Sở Nội vụ', SO, '', 'snv@hungyen.gov.vn', '', ''],
  ['12', 'Sở Y tế', SO, '', 'syt@hungyen.gov.vn', '', ''],
  ['13', 'Sở Khoa học và Công nghệ', SO, 'Sở KH&CN', '', '', ''],
  ['14', 'Sở Tài chính', SO, '', '', '', ''],
  ['15', 'Sở Kế hoạch và Đầu tư', SO, 'Sở KH&ĐT', '', '', ''],
  ['16', 'Sở Giáo dục và Đào tạo', SO, 'Sở GD&ĐT', '', '', ''],
  ['17', 'Sở Công Thương', SO, '', '', '', ''],
  ['18', 'Sở Nông nghiệp và Phát triển nông thôn', SO, 'Sở NN&PTNT', '', '', ''],
  ['19', 'Sở Tài nguyên và Môi trường', SO, 'Sở TN&MT', '', '', ''],
  ['20', 'Sở Giao thông vận tải', SO, 'Sở GTVT', '', '', ''],
  ['21', 'Sở Xây dựng', SO, '', '', '', ''],
  ['22', 'Sở Tư pháp', SO, '', '', '', ''],
  ['23', 'Sở Lao động - Thương binh và Xã hội', SO, 'Sở LĐ-TB&XH', '', '', ''],
  ['24', 'Sở Văn hóa, Thể thao và Du lịch', SO, 'Sở VH-TT&DL', '', '', ''],
  ['25', 'Sở Thông tin và Truyền thông', SO, 'Sở TT&TT', '', '', ''],
  ['26', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', SO, 'Liên hiệp các Hội KH&KT tỉnh', '', '', ''],
  ['27', 'Hội Nông dân tỉnh', SO, '', '', '', ''],
  ['28', 'Tỉnh đoàn Hưng Yên', SO, '', '', '', ''],
  [
    '29',
    'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    SCHOOL,
    'Trường ĐH SPKT Hưng Yên',
    'dhspkt@utehy.edu.vn',
    '',
    '',
  ],
  ['30', 'Trường Đại học Chu Văn An', SCHOOL, '', '', '', ''],
  ['31', 'Trường Đại học Tài chính - Quản trị kinh doanh', SCHOOL, '', '', '', ''],
  ['32', 'Trường Cao đẳng Y tế Hưng Yên', SCHOOL, '', '', '', ''],
  ['33', 'Trường Cao đẳng Cộng đồng Hưng Yên', SCHOOL, '', '', '', ''],
  ['34', 'Công ty CP Giống cây trồng Hưng Yên', FIRM, '', '', '', ''],
  ['35', 'Công ty CP Dược phẩm Hưng Yên', FIRM, '', '', '', ''],
  ['36', 'Công ty TNHH Nhựa Tiền Phong Miền Bắc', FIRM, '', '', '', ''],
  ['37', 'Công ty CP Thép Việt Ý', FIRM, '', '', '', ''],
  ['38', 'Văn phòng Sở', DIV, 'Văn phòng Sở KH&CN', '', 'Vũ Xuân Thu', '094.2200.232'],
  ['39', 'Thanh tra Sở', DIV, '', '', '', ''],
  ['40', 'Phòng Quản lý chuyên ngành', DIV, 'Phòng QLCN', '', '', ''],
  ['41', 'Phòng Quản lý khoa học', DIV, '', '', '', ''],
  ['42', 'Phòng Kế hoạch - Tài chính', DIV, '', '', '', ''],
  ['43', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', DIV, 'Chi cục TĐC', '', '', ''],
  ['44', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', DIV, '', '', '', ''],
  ['45', 'Trung tâm Thông tin, Thống kê và Đổi mới sáng tạo', DIV, '', '', '', ''],
];

export function fixtureRoster(): Roster {
  const { roster, problems } = rosterFromRows(ROSTER_ROWS);
  if (problems.length) throw new Error(problems.join('\n'));
  return roster;
}
