// The 54 officially recognised ethnic groups of Vietnam, as rows of the domain README's table.
// Columns: stable key, GSO 2008 code (Decision 1019/QĐ-TCTK, the stored value), 1979 code
// (Decision 121-TCTK/PPCĐ), current official name, ASCII/English name, every other name or spelling.
// Names in parentheses in the source are listed as aliases of their own. Keys never change.

export type EthnicGroupRow = readonly [
  key: string,
  code2008: string,
  code1979: string,
  nameVi: string,
  nameEn: string,
  aliases: readonly string[],
];

export const ETHNIC_GROUP_ROWS: readonly EthnicGroupRow[] = [
  ['kinh', '01', '01', 'Kinh', 'Kinh', ['Việt']],
  ['tay', '02', '02', 'Tày', 'Tay', ['Thổ', 'Ngạn', 'Phén', 'Thù Lao', 'Pa Dí']],
  ['thai', '03', '03', 'Thái', 'Thai', [
    'Tày Khao', 'Tày Đón', 'Thái Trắng', 'Tày Đăm', 'Thái Đen', 'Tày Mười', 'Tày Thanh', 'Mán Thanh',
    'Hàng Tổng', 'Tày Mường', 'Pa Thay', 'Thổ Đà Bắc', 'Tày Dọ',
  ]],
  ['muong', '04', '06', 'Mường', 'Muong', ['Mol', 'Mual', 'Mọi', 'Mọi Bi', 'Ao Tá', 'Ậu Tá']],
  ['khmer', '05', '05', 'Khmer', 'Khmer', [
    'Khơ-me', 'Khơ me', 'Cur', 'Cul', 'Cu', 'Thổ', 'Việt gốc Miên', 'Khơ-me Krôm',
  ]],
  ['hoa', '06', '04', 'Hoa', 'Hoa', ['Hán', 'Triều Châu', 'Phúc Kiến', 'Quảng Đông', 'Hải Nam', 'Hạ', 'Hẹ', 'Xạ Phạng']],
  ['nung', '07', '07', 'Nùng', 'Nung', [
    'Xuồng', 'Giang', 'Nùng An', 'Phàn Slinh', 'Nùng Cháo', 'Nùng Lòi', 'Quý Rim', 'Khèn Lài',
  ]],
  ['mong', '08', '08', 'Mông', 'Hmong', [
    "H'Mông", 'HMông', 'Mèo', 'Mẹo', 'Mèo Hoa', 'Mèo Xanh', 'Mèo Đỏ', 'Mèo Đen', 'Ná Mẻo', 'Mán Trắng',
  ]],
  ['dao', '09', '09', 'Dao', 'Dao', [
    'Mán', 'Động', 'Trại', 'Xá', 'Dìu Miền', 'Kìm Miền', 'Kìm Mùn', 'Dao Đỏ', 'Quần Chẹt', 'Dao Tiền', 'Thanh Y',
    'Lan Tẻn', 'Đại Bản', 'Tiểu Bản', 'Cóc Ngáng', 'Cóc Mùn', 'Sơn Đầu',
  ]],
  ['gia-rai', '10', '10', 'Gia Rai', 'Gia Rai', ['Gia-rai', 'Jarai', 'Giơ-rai', 'Tơ-buăn', 'Chơ-rai', 'Hơ-bau', 'Hđrung', 'Chor']],
  ['e-de', '11', '12', 'Ê Đê', 'E De', [
    'Ê-đê', 'Ede', 'Ra-đê', 'Đê', 'Kpạ', 'A-đham', 'Krung', 'Ktul', 'Đliê Ruê', 'Blô', 'Epan', 'Mđhur', 'Bih',
  ]],
  ['ba-na', '12', '13', 'Ba Na', 'Ba Na', [
    'Ba-na', 'Bahnar', 'Gơ-lar', 'Tơ-lô', 'Giơ-lâng', 'Y-lăng', 'Rơ-ngao', 'Krem', 'Roh', 'Con Kđe', 'A-la Công',
    'Kpăng Công', 'Bơ-nâm',
  ]],
  ['san-chay', '13', '15', 'Sán Chay', 'San Chay', ['Cao Lan-Sán Chỉ', 'Cao Lan', 'Mán Cao Lan', 'Hờn Bạn', 'Sán Chỉ', 'Sơn Tử']],
  ['cham', '14', '17', 'Chăm', 'Cham', ['Chàm', 'Chiêm Thành', 'Hroi']],
  ['co-ho', '15', '16', 'Cơ Ho', 'Co Ho', ['Cơ-ho', "K'Ho", 'Xrê', 'Nốp', 'Tu-lốp', 'Cơ-don', 'Chil', 'Lát', 'Lach', 'Trinh']],
  ['xo-dang', '16', '14', 'Xơ Đăng', 'Xo Dang', [
    'Xơ-đăng', 'Xơ-teng', 'Hđang', 'Tơ-đra', 'Mơ-nâm', 'Ha-lăng', 'Ca-dong', 'Kmrâng', 'Con Lan', 'Bri-la', 'Tang',
  ]],
  ['san-diu', '17', '18', 'Sán Dìu', 'San Diu', ['Sán Dẻo', 'Trại', 'Trại Đất', 'Mán Quần Cộc']],
  ['hre', '18', '19', 'Hrê', 'Hre', ['Chăm Rê', 'Chom', 'Krẹ Lũy']],
  ['ra-glai', '19', '21', 'Ra Glai', 'Ra Glai', ['Ra-glai', 'Raglay', 'Ra-clây', 'Rai', 'Noang', 'La-oang']],
  ['mnong', '20', '20', 'Mnông', 'Mnong', [
    "M'Nông", 'Pnông', 'Nông', 'Pré', 'Bu-đâng', 'ĐiPri', 'Biat', 'Gar', 'Rơ-lam', 'Chil',
  ]],
  ['tho', '21', '24', 'Thổ', 'Tho', ['Kẹo', 'Mọn', 'Cuối', 'Họ', 'Đan Lai', 'Ly Hà', 'Tày Poọng', 'Con Kha', 'Xá Lá Vàng']],
  ['xtieng', '22', '22', 'Xtiêng', 'Xtieng', ["X'Tiêng", 'Stiêng', 'Xa-điêng']],
  ['kho-mu', '23', '29', 'Khơ Mú', 'Kho Mu', ['Khơ-mú', 'Khmu', 'Xá Cẩu', 'Mứn Xen', 'Pu Thênh', 'Tềnh', 'Tày Hay']],
  ['bru-van-kieu', '24', '23', 'Bru-Vân Kiều', 'Bru Van Kieu', ['Bru', 'Vân Kiều', 'Măng Coong', 'Tri', 'Khùa']],
  ['co-tu', '25', '26', 'Cơ Tu', 'Co Tu', ['Cơ-tu', 'Ca-tu', 'Cao', 'Hạ', 'Phương', 'Ca-tang']],
  ['giay', '26', '25', 'Giáy', 'Giay', ['Nhắng', 'Dẩng', 'Pầu Thìn Nu Nà', 'Cùi Chu', 'Xa']],
  ['ta-oi', '27', '31', 'Tà Ôi', 'Ta Oi', ['Tà-ôi', 'Tôi-ôi', 'Pa-co', 'Pa-hi', 'Ba-hi']],
  ['ma', '28', '28', 'Mạ', 'Ma', ['Châu Mạ', 'Mạ Ngăn', 'Mạ Xóp', 'Mạ Tô', 'Mạ Krung']],
  ['gie-trieng', '29', '27', 'Giẻ Triêng', 'Gie Trieng', [
    'Gié-Triêng', 'Giẻ-Triêng', 'Đgiéh', 'Tareb', 'Giang Rẫy Pin', 'Triêng', 'Treng', 'Ta-riêng', 'Ve', 'Veh', 'La-ve',
    'Ca-tang',
  ]],
  ['co', '30', '30', 'Co', 'Co', ['Cor', 'Col', 'Cùa', 'Trầu']],
  ['cho-ro', '31', '32', 'Chơ Ro', 'Cho Ro', ['Chơ-ro', 'Dơ-ro', 'Châu-ro']],
  ['xinh-mun', '32', '34', 'Xinh Mun', 'Xinh Mun', ['Xinh-mun', 'Puộc', 'Pụa']],
  ['ha-nhi', '33', '35', 'Hà Nhì', 'Ha Nhi', ['U Ni', 'Xá U Ni']],
  ['chu-ru', '34', '36', 'Chu Ru', 'Chu Ru', ['Chu-ru', 'Chơ-ru', 'Chu']],
  ['lao', '35', '37', 'Lào', 'Lao', ['Là Bốc', 'Lào Nọi']],
  ['la-chi', '36', '38', 'La Chí', 'La Chi', ['Cù Tê', 'La Quả']],
  ['khang', '37', '33', 'Kháng', 'Khang', ['Xá Khao', 'Xá Súa', 'Xá Dón', 'Xá Dẩng', 'Xá Hốc', 'Xá Ái', 'Xá Bung', 'Quảng Lâm']],
  ['phu-la', '38', '40', 'Phù Lá', 'Phu La', ['Bồ Khô Pạ', 'Mu Di Pạ Xá', 'Phó', 'Phổ', 'Va Xơ']],
  ['la-hu', '39', '41', 'La Hủ', 'La Hu', ['Lao', 'Pu Đang', 'Khù Xung', 'Cò Xung', 'Khả Quy']],
  ['la-ha', '40', '39', 'La Ha', 'La Ha', ['Xá Khao', 'Khlá Phlạo']],
  ['pa-then', '41', '46', 'Pà Thẻn', 'Pa Then', ['Pà Hưng', 'Tống']],
  ['lu', '42', '42', 'Lự', 'Lu', ['Lừ', 'Nhuồn', 'Duôn']],
  ['ngai', '43', '11', 'Ngái', 'Ngai', ['Xín', 'Lê', 'Đản', 'Khách Gia']],
  ['chut', '44', '44', 'Chứt', 'Chut', [
    'Sách', 'Mày', 'Rục', 'Mã-liêng', 'A-rem', 'Tu Vang', 'Pa-leng', 'Xơ-lang', 'Tơ-hung', 'Chà-củi', 'Tắc-củi', 'U-mo',
    'Xá Lá Vàng',
  ]],
  ['lo-lo', '45', '43', 'Lô Lô', 'Lo Lo', ['Mun Di']],
  ['mang', '46', '45', 'Mảng', 'Mang', ['Mảng Ư', 'Xá Lá Vàng']],
  ['co-lao', '47', '47', 'Cơ Lao', 'Co Lao', ['Co Lao', 'Cờ Lao']],
  ['bo-y', '48', '49', 'Bố Y', 'Bo Y', ['Chủng Chá', 'Trọng Gia', 'Tu Dí', 'Tu Dìn']],
  ['cong', '49', '48', 'Cống', 'Cong', ['Xắm Khống', 'Mấng Nhé', 'Xá Xeng']],
  ['si-la', '50', '50', 'Si La', 'Si La', ['Cù Dề Xừ', 'Khả Pẻ']],
  ['pu-peo', '51', '51', 'Pu Péo', 'Pu Peo', ['Ka Pèo', 'Pen Ti Lô Lô']],
  ['ro-mam', '52', '54', 'Rơ Măm', 'Ro Mam', ['Rơ-măm']],
  ['brau', '53', '52', 'Brâu', 'Brau', ['Brao']],
  ['o-du', '54', '53', 'Ơ Đu', 'O Du', ['Tày Hạt']],
];
