"""Quality set, part two: queries q041-q080 (format in ``quality_set_a``)."""

TEXT = """
Q q041 căn cước | rare pair
N thu-tuc F | Làm căn cước cho con chờ hơn hai tháng
  Tôi đưa con 10 tuổi đi làm thẻ căn cước tại công an xã từ tháng 3, đến nay đã hơn hai tháng vẫn
  chưa nhận được thẻ. Con cần thẻ căn cước để làm hồ sơ nhập học.
N thu-tuc R | Đề nghị tổ chức cấp căn cước lưu động cho người già
  Nhiều cụ già ở thôn Phú Hữu đi lại khó khăn, không lên được trụ sở công an xã để làm căn cước.
  Đề nghị tổ chức tổ cấp căn cước lưu động về thôn.

Q q042 VNeID | a single rare token in mixed case; one needle typed without diacritics
N thu-tuc F | Không kích hoạt được tài khoản định danh điện tử VNeID
  Tôi đã đăng ký tài khoản định danh điện tử mức 2 từ lâu nhưng ứng dụng VNeID vẫn báo chưa kích
  hoạt. Lên công an xã thì được hướng dẫn chờ thêm.
N thu-tuc R~ | Đề nghị hướng dẫn người cao tuổi cài ứng dụng VNeID
  Nhiều người cao tuổi trong tổ dân phố không biết cài ứng dụng VNeID để làm thủ tục trực tuyến.
  Đề nghị đoàn thanh niên hỗ trợ cài đặt tại nhà văn hóa.

Q q043 định danh điện tử | four words, two of them đ words
+ q042a
N thu-tuc F | Tài khoản định danh điện tử bị khóa sau khi đổi số điện thoại
  Tôi đổi số điện thoại nên tài khoản định danh điện tử bị khóa, không đăng nhập được để nộp hồ
  sơ trực tuyến. Đề nghị hướng dẫn thủ tục mở khóa.

Q q044 lừa đảo | đ; rare in the background
N an-ninh F | Người già bị lừa đảo qua điện thoại giả danh công an
  Mẹ tôi 70 tuổi nhận cuộc gọi của kẻ giả danh công an yêu cầu chuyển tiền để xác minh, đã bị lừa
  đảo mất 120 triệu đồng. Đề nghị công an vào cuộc và tuyên truyền cho người già.
N an-ninh R | Đề nghị tuyên truyền phòng chống lừa đảo trên mạng
  Ở tổ dân phố 2 đã có ba người bị lừa đảo qua mạng xã hội với hình thức nhờ nhận hàng, đặt phòng
  giá rẻ. Đề nghị phổ biến các thủ đoạn lừa đảo tại các buổi họp dân.

Q q045* tín dụng đen | "đen" is common (khói đen), "tín" occurs in names and "tín hiệu"
N an-ninh F | Tờ rơi quảng cáo tín dụng đen dán khắp cột điện
  Tờ rơi quảng cáo cho vay tín dụng đen không cần thế chấp dán kín cột điện, tường rào ở đường Lê
  Văn Lương. Nhiều người vay rồi bị đòi nợ, khủng bố tinh thần.
N an-ninh C | Bị nhóm cho vay tín dụng đen đe dọa
  Gia đình tôi vay 20 triệu đồng của nhóm tín dụng đen, đã trả gấp ba lần nhưng vẫn bị tạt sơn,
  ném chất bẩn vào nhà. Đề nghị công an bảo vệ gia đình tôi.

Q q046* tờ rơi | "rơi" is common (rơi vãi, rơi xuống)
+ q045a
N xay-dung F | Tờ rơi quảng cáo dán bừa bãi trên tường nhà dân
  Tường nhà tôi và cột điện trước cửa thường xuyên bị dán tờ rơi quảng cáo khoan cắt bê tông, hút
  bể phốt. Sơn lại xong vài hôm lại bị dán.

Q q047 khoan cắt bê tông | four words; "bê tông" is very common
+ q046a
N xay-dung F | Tiếng khoan cắt bê tông từ công trình bên cạnh suốt ngày
  Công trình sửa nhà số 17 khoan cắt bê tông từ 6 giờ sáng đến 9 giờ tối, cả thứ bảy và chủ nhật.
  Bụi và tiếng ồn làm người già, trẻ nhỏ trong ngõ không nghỉ ngơi được.

Q q048* máy phát điện | three common words
N an-ninh F | Máy phát điện của quán ăn chạy suốt đêm gây ồn
  Quán nhậu đầu ngõ đặt máy phát điện công suất lớn ngay trên vỉa hè, chạy suốt từ chiều đến nửa
  đêm, khói và tiếng ồn hắt thẳng vào nhà tôi.
N dien-nuoc R | Đề nghị trang bị máy phát điện dự phòng cho trạm y tế
  Mỗi lần mất điện, trạm y tế phải dừng khám, tủ lạnh bảo quản thuốc cũng ngừng chạy. Đề nghị
  trang bị máy phát điện dự phòng cho trạm.

Q q049 "đồng hồ nước" | quoted phrase; each word is very common
N dien-nuoc C | Đồng hồ nước quay khi không dùng nước
  Đồng hồ nước nhà tôi vẫn quay dù đã khóa hết vòi, tiền nước tháng 8 lên tới 900.000 đồng. Đề
  nghị công ty cấp nước kiểm định lại đồng hồ nước.
N dien-nuoc F | Đồng hồ nước lắp giữa lối đi bị vỡ
  Đồng hồ nước của các hộ trong ngõ 58 lắp ngay giữa lối đi, xe cán qua làm vỡ nắp hộp, nước rò
  rỉ liên tục. Đề nghị di dời vào sát tường.

Q q050* hoá đơn tiền nước | tone placement; close to the background's "hóa đơn tiền điện"
N dien-nuoc C | Hóa đơn tiền nước tăng gấp ba tháng này
  Hóa đơn tiền nước tháng 7 của gia đình tôi là 1.250.000 đồng, gấp ba các tháng trước dù nhà chỉ
  có bốn người. Nhân viên ghi số nước không đến nhà mà ước tính.
N dien-nuoc F^ | Không nhận được hóa đơn tiền nước điện tử
  Từ khi chuyển sang hóa đơn điện tử, gia đình tôi không nhận được hóa đơn tiền nước qua tin nhắn,
  đến khi bị cắt nước mới biết còn nợ hai tháng.

Q q051 trụ nước cứu hoả | four words; tone placement: query "hoả", text "hỏa"
N an-ninh F | Trụ nước cứu hỏa bị che khuất, không có nước
  Trụ nước cứu hỏa trên đường Trần Khát Chân bị hàng quán che kín, khi kiểm tra thì không có
  nước. Khu này nhà ống san sát, nếu cháy thì rất nguy hiểm.
N an-ninh R | Đề nghị lắp thêm trụ nước cứu hỏa trong khu tập thể
  Khu tập thể Kim Liên có hơn 300 hộ nhưng chỉ có một trụ nước cứu hỏa ở đầu khu. Đề nghị lắp
  thêm trụ và kiểm tra định kỳ.

Q q052 kho hoá chất | tone placement: query "hoá", text "hóa"
N moi-truong F | Kho chứa hóa chất giữa khu dân cư bốc mùi
  Kho chứa hóa chất của công ty Thịnh Phát nằm sát khu dân cư tổ 15, mùi hắc bốc ra hằng ngày,
  nhiều người bị rát họng, chảy nước mắt. Đề nghị di dời kho ra khỏi khu dân cư.
N an-ninh F | Kho hóa chất không có biển cảnh báo cháy nổ
  Kho hóa chất ở cụm công nghiệp gần thôn Văn Giáp không có biển cảnh báo, thùng phuy để ngoài
  trời. Người dân lo ngại xảy ra cháy nổ.

Q q053 giấy uỷ quyền | tone placement: query "uỷ", text "ủy"
N thu-tuc C | Bộ phận một cửa không chấp nhận giấy ủy quyền
  Tôi mang giấy ủy quyền có chứng thực của mẹ đi nộp hồ sơ thay nhưng cán bộ một cửa không chấp
  nhận, yêu cầu mẹ tôi 85 tuổi phải đến trực tiếp.

Q q054 thuỷ điện xả lũ | tone placement: query "thuỷ", text "thủy"
N an-ninh F | Thủy điện xả lũ không báo trước, nhà dân bị ngập
  Đêm 15/10 nhà máy thủy điện Nậm Chiến xả lũ không thông báo trước, nước dâng nhanh làm ngập
  hàng chục nhà và cuốn trôi lồng bè nuôi cá của người dân.
N an-sinh R | Đề nghị thủy điện hỗ trợ người dân bị thiệt hại do xả lũ
  Đợt xả lũ của thủy điện tháng 9 làm hỏng 3 ha hoa màu ven sông của gia đình tôi. Đề nghị chủ đầu
  tư thủy điện hỗ trợ thiệt hại và thông báo lịch xả lũ sớm.

Q q055 lồng bè nuôi cá | four words; "nuôi" and "cá" are common in the background
+ q054a
N moi-truong F | Lồng bè nuôi cá trên sông bị cá chết hàng loạt
  Khoảng 20 lồng bè nuôi cá của bà con trên sông Đà đoạn qua xóm Bến bị cá chết hàng loạt sau khi
  có nước thải đổ ra. Thiệt hại ước hàng trăm triệu đồng.

Q q056 lò hoả táng | tone placement: query "hoả", text "hỏa" (and one needle typed "hoả")
+ q081a
N moi-truong F | Khói từ lò hỏa táng bay vào khu dân cư
  Lò hỏa táng của nghĩa trang xã nằm cách khu dân cư chưa đầy 300 mét. Mỗi lần hỏa táng, khói và
  mùi khét bay vào nhà dân, nhất là vào những ngày gió nồm.

Q q057 điện giật | "điện" is very common, "giật" is not
N dien-nuoc F | Trâu bị điện giật chết do dây điện đứt rơi xuống ruộng
  Dây điện hạ thế đi qua cánh đồng thôn Tràng bị đứt rơi xuống ruộng, con trâu của gia đình tôi đi
  qua bị điện giật chết. Đề nghị điện lực bồi thường và kiểm tra lại đường dây.
N an-ninh F | Bẫy điện bắt chuột trên ruộng gây nguy hiểm
  Nhiều hộ căng dây bẫy điện bắt chuột quanh ruộng lúa vào ban đêm. Tuần trước một người đi soi
  ếch bị điện giật ngã xuống ruộng, may được cứu kịp.

Q q058 chuột | a single word, rare in the background
+ q057b
N khac F | Chuột phá hại lúa xuân trên diện rộng
  Năm nay chuột phá hại lúa xuân ở cánh đồng thôn Hậu rất nặng, nhiều thửa bị cắn trụi. Đề nghị
  xã tổ chức diệt chuột tập trung và hỗ trợ thuốc cho nông dân.

Q q059 bẫy điện bắt chuột | four words
+ q057b

Q q060* đánh bạc | đ
N an-ninh F | Tụ tập đánh bạc trong quán nước ven đê
  Quán nước ven đê đầu thôn Hạ Lôi thường có nhóm người tụ tập đánh bạc từ chiều đến khuya, có cả
  thanh niên chưa đủ tuổi. Đề nghị công an xã kiểm tra xử lý.
N an-ninh F | Đá gà ăn tiền, đánh bạc ở bãi đất trống sau chợ
  Sáng chủ nhật nào cũng có vài chục người tụ tập đá gà ăn tiền, đánh bạc ở bãi đất trống sau chợ
  Phú Thạnh, xe máy đậu kín lối vào chợ.

Q q061 đá gà ăn tiền | four words; "đá" and "tiền" are common
+ q060b
N an-ninh F | Tổ chức đá gà ăn tiền công khai cuối tuần
  Một hộ ở ấp Hòa Khánh làm trường gà, tổ chức đá gà ăn tiền công khai vào các ngày cuối tuần,
  người từ nơi khác kéo đến rất đông, gây mất trật tự.

Q q062 ma tuý | tone placement: query "tuý", text "túy"
N an-ninh F | Nhà hoang thành nơi tụ tập sử dụng ma túy
  Căn nhà bỏ hoang ở cuối ngõ 24 thành nơi các đối tượng tụ tập sử dụng ma túy, sáng ra còn vứt
  lại kim tiêm. Trẻ em trong ngõ đi học qua đây rất nguy hiểm.
N an-ninh R | Đề nghị kiểm tra việc bán ma túy ở khu trọ công nhân
  Khu trọ công nhân gần khu công nghiệp Quang Minh có người lạ ra vào bán ma túy. Người dân đề
  nghị công an tăng cường kiểm tra, lập chốt vào ban đêm.

Q q063* kim tiêm | both syllables occur in the background (Kim Sơn, tiêm phòng)
+ q062a q094a
N y-te F | Kim tiêm vứt bừa bãi ở công viên
  Sáng nay tôi phát hiện nhiều kim tiêm, ống tiêm đã qua sử dụng vứt trong bụi cây ở công viên
  cạnh hồ, nơi trẻ em thường chơi. Đề nghị thu gom và kiểm tra khu vực này.

Q q064* nhà hoang | "nhà" is very common; "nhà bỏ hoang" in q062a is relevant
+ q062a
N xay-dung F | Nhà hoang xuống cấp có nguy cơ đổ sập
  Căn nhà hoang số 12 đường Hàng Chuối bỏ không hơn 10 năm, tường nứt, mái sập một phần. Đề nghị
  chủ sở hữu hoặc chính quyền có biện pháp xử lý trước mùa mưa bão.

Q q065 người nghiện | a rare word after a very common one
N an-ninh F | Người nghiện tụ tập dưới gầm cầu
  Dưới gầm cầu Vĩnh Tuy thường có người nghiện tụ tập, đêm xuống có tiếng cãi vã. Người dân đi
  tập thể dục buổi sáng rất sợ.

Q q066 lang thang | rare word
N an-sinh R | Cụ bà lang thang xin ăn ở chợ cần được hỗ trợ
  Có một cụ bà khoảng 80 tuổi lang thang xin ăn ở chợ Đồng Xoài nhiều tháng nay, tối ngủ ở hiên
  chợ. Đề nghị xã xác minh và đưa cụ vào diện bảo trợ xã hội.
N an-sinh F | Trẻ em lang thang bán vé số ban đêm
  Nhiều trẻ em khoảng 10 tuổi lang thang bán vé số ở các quán nhậu đến khuya. Đề nghị xã phối hợp
  kiểm tra, đưa các em về với gia đình và đến trường.

Q q067 tảo hôn | rare word
N an-sinh F | Tình trạng tảo hôn ở bản Sín Chải
  Ở bản Sín Chải vẫn còn tình trạng tảo hôn, có em gái 15 tuổi đã phải bỏ học để lấy chồng. Đề
  nghị tăng cường tuyên truyền và can thiệp kịp thời.

Q q068 đuối nước | đ; rare
N giao-duc R | Đề nghị dạy bơi cho học sinh sau vụ đuối nước
  Hè vừa rồi hai em học sinh ở thôn Đông Xá bị đuối nước khi tắm sông. Đề nghị xã và nhà trường
  tổ chức lớp dạy bơi, cắm biển cảnh báo ở các điểm nước sâu.
N an-ninh F | Ao sâu không rào chắn, nguy cơ đuối nước
  Ao sâu hơn 3 mét của hợp tác xã cũ nằm ngay cạnh đường đi học không có rào chắn. Năm ngoái đã
  có một cháu bé bị đuối nước ở đây.

Q q069 bể bơi | "bể" occurs in the background (bể chứa)
N y-te F | Bể bơi công cộng nước đục, có mùi hóa chất
  Bể bơi công cộng ở nhà thi đấu thị xã nước đục, mùi nồng, nhiều trẻ đi bơi về bị đau mắt đỏ. Đề
  nghị kiểm tra chất lượng nước bể bơi.

Q q070 pickleball | a single rare foreign word
N an-ninh F | Sân pickleball mở đến khuya gây ồn
  Sân pickleball mới xây trên sân thượng nhà số 8 hoạt động từ 5 giờ sáng đến 11 giờ đêm, tiếng
  bóng đập liên tục. Các hộ xung quanh không ngủ được.
N xay-dung C | Xây sân pickleball trên đất trồng lúa
  Hộ ông Tư tự ý đổ bê tông, xây hai sân pickleball trên đất trồng lúa ở cánh đồng ấp Mỹ Hòa để
  cho thuê. Đề nghị xã kiểm tra, xử lý.

Q q071 trạm sạc | "trạm" is common in the background
N dien-nuoc R | Đề nghị lắp trạm sạc xe điện ở chung cư
  Chung cư HH3 có hàng trăm xe máy điện nhưng chưa có trạm sạc riêng, cư dân phải kéo dây sạc
  trong hầm rất nguy hiểm. Đề nghị ban quản trị lắp trạm sạc.
N an-ninh F | Trạm sạc xe điện đặt sát cửa nhà dân
  Một trạm sạc xe điện công cộng vừa được lắp sát cửa nhà tôi trên vỉa hè, ô tô đến sạc đỗ chắn
  lối ra vào cả ngày.

Q q072 trạm phát sóng | three words; "trạm" and "phát" are common
+ q073a
N dien-nuoc F | Trạm phát sóng lắp trên nóc nhà dân
  Một nhà mạng thuê nóc nhà hàng xóm để lắp trạm phát sóng điện thoại, người dân lo ngại ảnh
  hưởng sức khỏe. Đề nghị công khai giấy phép và kết quả đo bức xạ.

Q q073 mất sóng điện thoại | four words; "mất" and "điện" are common
N dien-nuoc R | Bản vùng cao thường xuyên mất sóng điện thoại
  Bản Lao Chải thường xuyên mất sóng điện thoại, muốn gọi phải lên đồi. Học sinh không học trực
  tuyến được. Đề nghị nhà mạng lắp thêm trạm phát sóng.

Q q074* cáp quang | rare pair
N dien-nuoc F | Cáp quang bị đứt nhiều ngày chưa được nối
  Xe tải kéo đứt đường cáp quang trên đường vào xóm Trại từ hôm 4/8, đến nay mạng internet vẫn
  mất, nhà mạng hẹn mãi chưa đến sửa.

Q q075 bưu điện | rare pair
N thu-tuc F | Bưu điện văn hóa xã đóng cửa, khó nhận trợ cấp
  Điểm bưu điện văn hóa xã đóng cửa từ đầu năm, người già phải đi hơn 10 km lên bưu điện trung
  tâm để nhận lương hưu, trợ cấp hằng tháng.

Q q076 đòi nợ thuê | đ; "nợ" and "thuê" appear in the background
N an-ninh F | Nhóm đòi nợ thuê đến nhà gây rối
  Nhóm người xăm trổ tự xưng là đòi nợ thuê đến nhà tôi la hét, ném mắm tôm vào cổng dù gia đình
  không vay mượn ai. Đề nghị công an xử lý.

Q q077 vay nặng lãi | rare combination
N an-ninh C | Bị ép vay nặng lãi, lãi suất 10% mỗi tuần
  Anh trai tôi vay nặng lãi 30 triệu đồng, lãi 10% mỗi tuần, đến nay đã trả hơn 100 triệu mà vẫn
  bị đòi. Đề nghị công an điều tra đường dây cho vay nặng lãi này.

Q q078 say rượu | rare words
N an-ninh F | Người say rượu gây rối, đập phá đồ đạc của hàng xóm
  Ông hàng xóm thường xuyên say rượu, chửi bới, đập phá đồ đạc và dọa các hộ trong xóm. Đã nhiều
  lần báo công an nhưng chỉ nhắc nhở rồi thôi.

Q q079* đánh nhau | đ
N an-ninh F | Thanh niên đánh nhau trước quán nhậu lúc nửa đêm
  Đêm 22/7 hai nhóm thanh niên đánh nhau bằng hung khí trước quán nhậu trên đường 3 Tháng 2, một
  người bị thương nặng. Khu này thường xuyên xảy ra xô xát.

Q q080 cưỡng chế | rare word
N dat-dai C | Khiếu nại quyết định cưỡng chế thu hồi đất
  Gia đình tôi chưa nhận được quyết định phê duyệt phương án bồi thường thì đã bị cưỡng chế thu hồi
  đất vào ngày 12/4. Tài sản trên đất bị phá dỡ mà không được kiểm đếm.
N xay-dung F | Cưỡng chế công trình vi phạm không đồng đều
  Xã cưỡng chế phá dỡ công trình của một số hộ nhưng các công trình vi phạm tương tự của hộ khác
  lại không bị xử lý. Người dân cho rằng thiếu công bằng.
"""
