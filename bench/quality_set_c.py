"""Quality set, part three: queries q081-q119 (format in ``quality_set_a``)."""

TEXT = """
Q q081* hỏa táng | tone placement the other way: query "hỏa", one needle typed "hoả"
+ q056a
N khac R^ | Đề nghị xây nhà tang lễ và lò hỏa táng cho các xã
  Người dân phải thuê xe đưa người mất lên thành phố để hỏa táng, chi phí rất tốn kém. Đề nghị
  quy hoạch nhà tang lễ và lò hỏa táng chung cho các xã lân cận.

Q q082 dồn điền đổi thửa | four words; đ; "điền" and "đổi" occur in other words
N dat-dai C | Chia ruộng sau dồn điền đổi thửa không công bằng
  Sau khi dồn điền đổi thửa, gia đình tôi bị chia ruộng ở xứ đồng Cửa Miếu trũng, cấy không được,
  trong khi ruộng tốt lại chia cho người nhà cán bộ thôn.
N dat-dai R | Đề nghị cấp giấy chứng nhận theo thửa mới sau dồn điền đổi thửa
  Thôn Yên Vỹ đã dồn điền đổi thửa xong từ năm 2019 nhưng đến nay người dân chưa được cấp đổi
  giấy chứng nhận quyền sử dụng đất theo thửa mới.

Q q083* hạn hán | "hạn" is common (trễ hạn, hết hạn)
N khac R | Đề nghị hỗ trợ nông dân vùng bị hạn hán
  Hạn hán kéo dài khiến hơn 50 ha cà phê của buôn Ea Bông thiếu nước tưới, nhiều cây rụng trái.
  Đề nghị hỗ trợ giống, khoan giếng và điều tiết nước từ hồ chứa.

Q q084 xâm nhập mặn | three words; "mặn" appears in the background
N khac F | Xâm nhập mặn sâu làm chết vườn sầu riêng
  Mùa khô năm nay xâm nhập mặn vào sâu trong kênh nội đồng, nhiều vườn sầu riêng ở ấp Phú Long
  bị cháy lá, chết cây. Đề nghị đóng cống ngăn mặn sớm hơn.
N dien-nuoc R | Nước máy có vị mặn trong mùa xâm nhập mặn
  Nước máy cấp cho ấp Thạnh Lợi có vị mặn vào những tháng xâm nhập mặn. Đề nghị nhà máy nước có
  nguồn nước dự phòng.

Q q085 xe ôm | "xe" is very common, "ôm" is not
N giao-thong F | Xe ôm tranh giành khách trước cổng bệnh viện
  Các xe ôm tự do và xe công nghệ chen nhau chiếm hết lối vào cổng bệnh viện huyện, tranh giành
  khách gây mất trật tự, xe cấp cứu vào rất khó.

Q q086 bến phà | rare word
N giao-thong R | Đề nghị nâng cấp bến phà Đình Khao
  Bến phà Đình Khao xuống cấp, cầu dẫn lên phà bị nứt, xe máy lên xuống phải dắt bộ. Giờ cao điểm
  người dân phải chờ hơn một giờ mới qua được sông.

Q q087 hầm chui ngập | three words; "ngập" is very common
N giao-thong F | Hầm chui dân sinh dưới cao tốc ngập sâu khi mưa
  Hầm chui dân sinh qua đường cao tốc ở thôn Phú Mỹ bị ngập sâu gần một mét mỗi khi mưa, người
  dân phải đi vòng hơn 5 km. Máy bơm trong hầm không hoạt động.
N giao-thong R | Đề nghị lắp đèn và bơm nước cho hầm chui
  Hầm chui qua đường sắt ở tổ 7 tối om, nước ngập lênh láng, đã có người bị ngã xe. Đề nghị lắp
  đèn chiếu sáng và máy bơm tiêu nước.

Q q088 ngập hầm chui | word order differs
+ q087a q087b

Q q089 đường gom cao tốc | four words, each common in the background
N giao-thong F | Đường gom cao tốc hư hỏng do xe tải công trình
  Đường gom cao tốc qua xã bị xe tải công trình cày nát, mùa khô bụi mù, mùa mưa lầy lội. Đề nghị
  chủ đầu tư sửa chữa đường gom trước khi bàn giao.

Q q090 lối đi tự mở | four words; the text says "tự mở lối đi"
N giao-thong F | Người dân tự mở lối đi qua đường sắt gây tai nạn
  Người dân tự mở lối đi qua đường sắt ở khu vực chợ Ga để đi tắt. Tháng trước đã xảy ra tai nạn
  tàu đâm xe máy. Đề nghị rào lại và làm đường gom.

Q q091 ném đá tàu hoả | four words; tone placement: query "hoả", text "hỏa"
N an-ninh F | Trẻ em ném đá vào tàu hỏa khi tàu chạy qua
  Một nhóm trẻ em ở tổ dân phố Ga thường ném đá vào tàu hỏa khi tàu chạy qua, đã có hành khách bị
  thương do kính vỡ. Đề nghị nhà trường và gia đình giáo dục các em.

Q q092* cầu vượt bộ hành | three words
N giao-thong R | Đề nghị xây cầu vượt bộ hành trước trường tiểu học
  Trường tiểu học nằm sát quốc lộ, học sinh phải băng qua đường rất nguy hiểm. Đề nghị xây cầu
  vượt bộ hành hoặc bố trí người hướng dẫn qua đường giờ tan học.
N giao-thong F | Cầu vượt bộ hành xuống cấp, không ai sử dụng
  Cầu vượt bộ hành trên đường Nguyễn Văn Linh bậc lên bong tróc, tối không có đèn, bị dán quảng
  cáo kín. Người đi bộ không dám lên nên vẫn băng qua đường.

Q q093 dải phân cách | three words; "phân" is common (phân lô, phân bón)
N giao-thong F | Người dân tự ý phá dải phân cách để quay đầu xe
  Dải phân cách giữa quốc lộ đoạn qua thôn Phù Chẩn bị người dân phá một đoạn để quay đầu xe,
  nhiều xe máy bất ngờ cắt ngang gây tai nạn.

Q q094 "rác thải y tế" | quoted phrase; four common words that co-occur apart
N moi-truong F | Rác thải y tế của phòng khám vứt chung với rác sinh hoạt
  Phòng khám tư nhân trên đường Lý Bôn bỏ rác thải y tế như bông băng, kim tiêm chung với rác
  sinh hoạt ở điểm tập kết đầu ngõ. Đề nghị kiểm tra xử lý.
N y-te R | Đề nghị có xe thu gom rác thải y tế riêng
  Trạm y tế xã phải tự đốt rác thải y tế trong lò đốt thủ công sau trạm, khói bay sang nhà dân.
  Đề nghị bố trí thu gom rác thải y tế riêng.

Q q095 lò đốt rác | three common words
+ q094b
N moi-truong F | Lò đốt rác của xã gây khói đen, mùi khét
  Lò đốt rác sinh hoạt của xã đặt cạnh thôn Hòa Lạc hoạt động quá công suất, khói đen, mùi khét
  bay vào nhà dân cả ngày. Tro xỉ đổ ngay cạnh lò.

Q q096 "chợ nổi" | quoted phrase; "chợ" and "nổi" are both common
N khac R | Đề nghị quy hoạch lại chợ nổi ven sông
  Chợ nổi ở ngã ba sông Cái Răng ngày càng thưa ghe, rác thải trôi khắp mặt sông. Đề nghị có quy
  hoạch bảo tồn và bố trí thùng rác trên các ghe.

Q q097 đốt vàng mã | đ
N moi-truong F | Đốt vàng mã trên vỉa hè gây khói bụi
  Vào ngày rằm, mùng một nhiều hộ kinh doanh đốt vàng mã ngay trên vỉa hè, tro bay khắp phố, có
  lần lửa bén vào mái che gây cháy.

Q q098 pháo | a single word, rare in the background
N an-ninh F | Trẻ em đốt pháo tự chế gây thương tích
  Dịp Tết vừa qua một cháu bé ở thôn Đại Bái bị bỏng nặng do đốt pháo tự chế. Đề nghị kiểm tra
  việc mua bán thuốc pháo trên mạng và tuyên truyền trong trường học.
N an-ninh F | Đốt pháo nổ trong đám cưới lúc nửa đêm
  Đám cưới nhà bên cạnh đốt pháo nổ liên hồi lúc 0 giờ, cả xóm giật mình, trẻ con khóc thét.

Q q099 cây cổ thụ | three words; "cây" is very common
N chieu-sang R | Đề nghị bảo vệ cây cổ thụ trăm năm tuổi đầu làng
  Cây đa cổ thụ hơn trăm năm tuổi ở đầu làng Cự Đà đang bị một công ty cây cảnh hỏi mua để đánh
  đi. Người dân đề nghị xã công nhận là cây di sản và không cho bán.
N chieu-sang F | Cây cổ thụ trong sân trường bị mục rỗng
  Cây xà cừ cổ thụ trong sân trường THCS Tân Định bị mục rỗng thân, có nhiều cành khô. Học sinh
  chơi dưới gốc cây giờ ra chơi rất nguy hiểm.

Q q100 "cây đa" | quoted phrase; without diacritics it meets the hamlet name "Cây Da"
+ q099a
N khac F | Cây đa trước đình làng bị đốn hạ không xin phép
  Cây đa trước đình làng Đông Ngạc bị một nhóm người đốn hạ trong đêm 5/3 mà không có ý kiến của
  người dân. Đề nghị làm rõ ai cho phép.

Q q101* bãi đỗ xe | "bãi" and "xe" are common, "đỗ" is also a family name
N giao-thong R | Đề nghị quy hoạch bãi đỗ xe cho khu phố cổ
  Khu phố cổ không có bãi đỗ xe, ô tô đỗ kín hai bên đường cả ngày, xe cứu hỏa khó vào. Đề nghị
  tận dụng khu đất trống sau ủy ban cũ làm bãi đỗ xe.
N giao-thong F | Bãi đỗ xe tự phát trên đất công viên
  Một phần đất công viên ven hồ bị biến thành bãi đỗ xe ô tô thu tiền, cây xanh bị chặt bớt.
  Người dân mất chỗ đi bộ, tập thể dục.

Q q102 tốc mái | two common words together only in the needles
N an-sinh R | Nhà bị tốc mái sau giông lốc chưa được hỗ trợ
  Trận giông lốc chiều 30/5 làm tốc mái hoàn toàn nhà của gia đình tôi và 12 hộ khác ở thôn Lại
  Thượng. Đến nay chưa nhận được hỗ trợ khắc phục.
N giao-duc F | Lốc xoáy làm tốc mái trường mầm non
  Cơn lốc xoáy tối 2/6 làm tốc mái ba phòng học của trường mầm non Hoa Mai, bàn ghế, đồ chơi ướt
  hết. Đề nghị sửa chữa để kịp đón trẻ.

Q q103 lốc xoáy | rare pair
+ q102b
N khac F | Lốc xoáy quật đổ nhà kính trồng rau
  Lốc xoáy chiều qua quật đổ gần hết nhà kính trồng rau của hợp tác xã ở thôn Xuân Lâm, thiệt hại
  hàng trăm triệu đồng.

Q q104 "mưa đá" | quoted phrase; "mưa" and "đá" often co-occur apart in the background
N khac R | Đề nghị hỗ trợ nông dân bị thiệt hại do mưa đá
  Trận mưa đá ngày 8/4 làm dập nát hơn 20 ha rau màu và mận của bà con bản Lướt. Đề nghị xã thống
  kê thiệt hại và hỗ trợ giống để tái sản xuất.

Q q105 thang máy chung cư | three words
N xay-dung F | Thang máy chung cư hỏng liên tục, người già mắc kẹt
  Thang máy tòa CT2 chung cư Văn Khê hỏng liên tục, tuần trước một cụ già bị mắc kẹt gần một
  tiếng. Ban quản trị chậm sửa chữa, cư dân phải leo bộ 20 tầng.

Q q106* ban quản trị | three words; "ban" and "quản" are common
+ q105a q071a
N xay-dung C | Ban quản trị chung cư không công khai quỹ bảo trì
  Ban quản trị chung cư Sông Hồng Park không công khai việc sử dụng quỹ bảo trì dù cư dân đã nhiều
  lần đề nghị. Hội nghị nhà chung cư thường niên không được tổ chức.

Q q107 quỹ bảo trì | three words
+ q106a

Q q108 "chuyển mục đích" | quoted phrase; the three words appear apart in the background
N dat-dai F | Hồ sơ chuyển mục đích sử dụng đất bị treo
  Tôi nộp hồ sơ xin chuyển mục đích từ đất vườn sang đất ở cho 100 m² từ tháng 2, đến nay vẫn
  chưa có kết quả, hỏi thì nói đang chờ bảng giá đất mới.

Q q109 thuế phi nông nghiệp | four words; "nông nghiệp" is very common
N dat-dai C | Thông báo thuế sử dụng đất phi nông nghiệp tính sai diện tích
  Thông báo nộp thuế sử dụng đất phi nông nghiệp năm nay của gia đình tôi tính theo 250 m², trong
  khi sổ đỏ chỉ có 180 m² đất ở.

Q q110* đấu giá đất | đ; "giá" and "đất" are very common
N dat-dai C | Phiên đấu giá đất có dấu hiệu thông đồng, dìm giá
  Phiên đấu giá đất khu đồng Mả Vang ngày 20/9 có nhiều người lạ đến vây quanh, dọa người tham
  gia, giá trúng chỉ nhỉnh hơn giá khởi điểm. Đề nghị hủy kết quả đấu giá.
N dat-dai R | Đề nghị công khai danh sách lô đất đấu giá
  Xã tổ chức đấu giá đất ở tại thôn Trung Hòa nhưng không niêm yết danh sách lô, giá khởi điểm
  tại nhà văn hóa thôn, nhiều người không biết để tham gia.

Q q111 mỏ đá nổ mìn | four words; đ; "nổ" is common (cháy nổ)
N moi-truong F | Mỏ đá nổ mìn làm nứt nhà dân
  Mỏ đá của công ty Hoàng Long ở núi Voi nổ mìn hai lần mỗi ngày, đá văng sang vườn, nhiều nhà
  dân bị nứt tường. Đề nghị kiểm tra giấy phép và khoảng cách an toàn.
N moi-truong F | Bụi đá từ mỏ đá phủ trắng ruộng lúa
  Từ khi mỏ đá Thạch Sơn mở rộng khai thác và tăng số lần nổ mìn, bụi đá phủ trắng ruộng lúa và
  mái nhà ở thôn Núi, năng suất lúa giảm mạnh.

Q q112 phân bón giả | three words; "phân" is common; one needle typed without diacritics
N khac F | Đại lý bán phân bón giả cho nông dân
  Vụ hè thu năm nay nhiều hộ mua phân bón NPK của một đại lý ở chợ Cầu Ngang, bón xong lúa không
  lên, mẫu phân được xét nghiệm là phân bón giả. Đề nghị xử lý nghiêm đại lý này.
N khac R~ | Đề nghị kiểm tra phân bón giả bán qua mạng
  Nhiều người bán phân bón giả qua mạng, quảng cáo là hàng nhập khẩu, nông dân mua về bón thì cây
  vàng lá. Đề nghị ngành nông nghiệp cảnh báo cho bà con.

Q q113* đa cấp | đ; "cấp" is very common
N an-ninh F | Nhóm bán hàng đa cấp lôi kéo người già
  Một nhóm bán hàng đa cấp thuê hội trường tổ chức hội thảo, tặng quà để lôi kéo người già mua
  thực phẩm chức năng giá cao. Mẹ tôi đã mất hơn 40 triệu đồng.

Q q114 nuôi chim yến | three words; "yến" is also a given name
N moi-truong F | Nhà nuôi chim yến phát loa dẫn dụ cả đêm
  Hộ bên cạnh xây nhà ba tầng để nuôi chim yến, loa phát tiếng chim dẫn dụ kêu suốt ngày đêm,
  phân chim rơi khắp sân nhà tôi.

Q q115* nấm độc | đ; rare
N y-te F | Cả gia đình ngộ độc do ăn nấm độc hái trên rừng
  Gia đình anh Sùng A Páo ở bản Háng Tày hái nấm trên rừng về nấu canh, cả nhà 5 người bị ngộ
  độc, phải đưa đi cấp cứu. Đề nghị tuyên truyền để bà con không ăn nấm lạ.

Q q116* sinh viên nhà trọ | word order differs from "nhà trọ sinh viên"
N xay-dung F | Nhà trọ sinh viên không bảo đảm phòng cháy
  Khu nhà trọ sinh viên trong ngõ 165 có hơn 40 phòng nhưng chỉ có một lối ra, không có bình chữa
  cháy, dây điện đấu nối chằng chịt.
N khac C | Chủ nhà trọ thu tiền điện của sinh viên quá cao
  Chủ nhà trọ thu tiền điện của sinh viên 4.000 đồng một số, cao hơn nhiều so với giá quy định.
  Sinh viên phản ánh thì bị đòi lấy lại phòng.

Q q117 cúm gia cầm | three words
N y-te R | Gà vịt chết nhiều, nghi cúm gia cầm
  Trong một tuần, đàn gà vịt của nhiều hộ ở ấp Bình Hòa chết hàng loạt, nghi mắc cúm gia cầm. Đề
  nghị thú y xã lấy mẫu xét nghiệm và hướng dẫn tiêu độc khử trùng.

Q q118* sổ hồng | "hồng" occurs in names; the background says "sổ đỏ"
N dat-dai C | Chủ đầu tư chậm làm sổ hồng cho cư dân chung cư
  Chung cư Green Park bàn giao nhà từ năm 2018 nhưng đến nay cư dân vẫn chưa được cấp sổ hồng do
  chủ đầu tư chưa nộp tiền sử dụng đất.

Q q119 "ao làng" | quoted phrase; "ao" (ao tù) and "làng" are common apart
N moi-truong R | Đề nghị nạo vét ao làng bị lấn chiếm và ô nhiễm
  Ao làng trước đình thôn Vân bị các hộ xung quanh lấn chiếm, đổ đất, diện tích thu hẹp một nửa,
  nước đen bốc mùi. Đề nghị nạo vét và kè bờ ao làng.
"""
