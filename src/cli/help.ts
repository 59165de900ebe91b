/** Help texts of the `tonghop` command (Vietnamese first, English after). */

export const MAIN_HELP = `tonghop — kiểm tra và tổng hợp danh sách các đơn vị gửi về
(validate and merge the lists returned by units)

Cách dùng / usage:
  tonghop check TỆP... [--schema S.json] [--json OUT.json] [--lang vi|en]
      Đọc và kiểm tra từng tệp (.xlsx, .xlsm, .xls, .ods, .csv); không ghi gì vào tệp nào.
      Reads and validates each file; writes nothing.
      --schema S.json   bộ trường dữ liệu (Frictionless Table Schema) thay cho bộ có sẵn
      --json OUT.json   ghi báo cáo dạng JSON (write the report as JSON; "-" = stdout)
  tonghop text TỆP
      In nội dung tệp sau khi chuyển phông cũ (TCVN3, VNI) sang Unicode, từng trang tính,
      mỗi dòng một hàng, các ô cách nhau bằng dấu Tab.
      Prints the file's text after decoding, sheet by sheet, one row a line, tab-separated.
  tonghop --help | --version

Mã thoát / exit codes: 0 chạy xong (dù dữ liệu có lỗi), 2 sai cú pháp lệnh, 1 không chạy được.
`;
