/** Help texts of the `tonghop` command (Vietnamese first, English after). */

export const MAIN_HELP = `tonghop — kiểm tra và tổng hợp danh sách các đơn vị gửi về
(validate and merge the lists returned by units)

Cách dùng / usage:
  tonghop init TỔNG_HỢP.xlsx --deadline YYYY-MM-DD [--roster DS.csv|.xlsx] [--schema S.json]
               [--title TÊN] [--letter-no SỐ] [--letter-date NGÀY] [--issuer CQ] [--superior CQ]
               [--place ĐỊA_DANH] [--deadline-day-late] [--force]
      Tạo tệp tổng hợp mới (Cấu hình, Đơn vị, Trường dữ liệu, Tổng hợp, Theo dõi, Báo cáo,
      Kiểm tra, Nhật ký). Danh sách đơn vị có cột „Tên đơn vị”, „Nhóm”, „Tên khác” (cách nhau
      bằng „;”). Ngày hạn nộp tính là đúng hạn, trừ khi có --deadline-day-late.
      Creates a new master workbook; the roster has the columns above.
  tonghop merge TỔNG_HỢP.xlsx TỆP... [--received YYYY-MM-DD] [--unit TÊN] [--json OUT.json]
      Kiểm tra rồi gộp từng tệp vào tệp tổng hợp; danh sách gửi lại thay danh sách cũ của
      đơn vị; gộp lại đúng tệp cũ thì không thay đổi gì. Không có --received thì lấy ngày sửa
      tệp làm ngày nhận. --unit chỉ rõ đơn vị gửi khi không tự nhận ra được.
      Checks and merges each file (a later list replaces the unit's earlier one).
  tonghop status TỔNG_HỢP.xlsx [--json OUT.json]
      In bảng theo dõi: đơn vị đúng hạn, trễ hạn, chưa nộp. Prints the tracker.
  tonghop check TỆP... [--schema S.json | --master TỔNG_HỢP.xlsx] [--json OUT.json] [--lang vi|en]
      Đọc và kiểm tra từng tệp (.xlsx, .xlsm, .xls, .ods, .csv); không ghi gì vào tệp nào.
      Reads and validates each file; writes nothing.
      --schema S.json   bộ trường dữ liệu (Frictionless Table Schema) thay cho bộ có sẵn
      --master TH.xlsx  dùng bộ trường và danh sách đơn vị của tệp tổng hợp (nhận diện đơn vị)
      --json OUT.json   ghi báo cáo dạng JSON (write the report as JSON; "-" = stdout)
  tonghop text TỆP
      In nội dung tệp sau khi chuyển phông cũ (TCVN3, VNI) sang Unicode, từng trang tính,
      mỗi dòng một hàng, các ô cách nhau bằng dấu Tab.
      Prints the file's text after decoding, sheet by sheet, one row a line, tab-separated.
  tonghop --help | --version

Mã thoát / exit codes: 0 chạy xong (dù dữ liệu có lỗi), 2 sai cú pháp lệnh, 1 không chạy được.
`;
