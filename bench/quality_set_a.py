"""Quality set, part one: queries q001-q040 and the needles that answer them.

    Q id[*] query as typed | what it tests (* crowded: other petitions
                        contain all its words without being about it)
    + needle ids        more relevant needles, written under other queries
    N category kind[~^] | needle title
      needle body (continued on lines that start with two spaces)

A needle is relevant to the query it is written under. Kind letters are those
of ``corpus_topics_a``; "~" marks a needle typed without diacritics, "^" one
typed with the tone on the second vowel (hoà, thuỷ). Needle ids are the
query id plus a, b, c... in order.
"""

TEXT = """
Q q001 cầu khỉ sập | rare object with two words ("cầu", "sập") that are common alone
N giao-thong F | Cầu khỉ qua kênh Bà Bèo ở ấp 3 bị sập một nhịp
  Cây cầu khỉ bắc qua kênh Bà Bèo ở ấp 3 bị sập một nhịp sau trận mưa lớn đêm 12/9. Học sinh phải
  đi vòng gần 4 km để đến trường, nhiều hộ phải dùng xuồng để qua kênh.
N giao-thong R | Đề nghị làm lại cầu khỉ bị sập ở xóm Bãi Giữa
  Cầu khỉ bằng tre nối xóm Bãi Giữa với cánh đồng đã bị sập hoàn toàn từ tuần trước. Bà con ra đồng
  phải lội qua mương nước sâu ngang ngực, rất nguy hiểm cho người già và trẻ nhỏ.

Q q002 sập cầu khỉ | word order differs from the text
+ q001a q001b

Q q003 trâu bò thả rông | "thả rông" is common in the background (stray dogs)
N an-ninh F | Trâu bò thả rông phá hoa màu và làm bẩn đường làng
  Nhiều hộ ở thôn Đồng Chằm thả rông trâu bò ra đường, đàn bò ăn hết ruộng ngô vừa trồng của gia
  đình tôi. Phân trâu bò vương vãi khắp đường bê tông, trời mưa trơn trượt rất dễ ngã.
N giao-thong F | Trâu bò thả rông trên quốc lộ gây tai nạn ban đêm
  Tối 3/10, một người đi xe máy đâm vào đàn bò thả rông trên quốc lộ đoạn qua bản Nà Sáng và bị
  thương nặng. Chủ đàn trâu bò thường thả rông từ chiều đến đêm mà không ai trông coi.

Q q004 tổ ong vò vẽ | four words; rare vocabulary; one needle typed without diacritics
N an-ninh R | Đề nghị tiêu hủy tổ ong vò vẽ trên cây trước cổng trường
  Trên cây bằng lăng trước cổng trường tiểu học có một tổ ong vò vẽ to bằng cái thúng. Tuần qua đã
  có hai học sinh bị ong đốt phải đưa đi trạm y tế. Phụ huynh rất lo lắng.
N an-ninh F~ | Tổ ong vò vẽ làm tổ ở mái hiên nhà văn hóa thôn
  Tổ ong vò vẽ lớn bám dưới mái hiên nhà văn hóa thôn Hạ, người đến họp thôn không dám đi cửa
  chính. Xin xã cử người có chuyên môn đến xử lý giúp.

Q q005 rắn hổ mang | rare animal; "mang" occurs in the background
N an-ninh F | Rắn hổ mang bò vào nhà dân từ bãi đất hoang
  Khu đất hoang bỏ trống cạnh khu dân cư cỏ mọc um tùm, đã ba lần rắn hổ mang bò vào nhà dân. Đề
  nghị chủ đất phát quang bụi rậm để bảo đảm an toàn cho trẻ nhỏ.

Q q006 sạt lở taluy | rare technical word next to a common pair ("sạt lở")
N giao-thong F | Taluy dương sạt lở vùi lấp đường lên bản
  Sau mấy ngày mưa lớn, taluy dương trên đường lên bản Khe Vàng sạt lở, đất đá vùi lấp gần hết mặt
  đường. Xe máy không đi được, học sinh phải nghỉ học.
N giao-thong R | Đề nghị gia cố taluy có nguy cơ sạt lở trên đường tỉnh
  Đoạn taluy âm bên phải đường tỉnh qua xã bị nứt dài hơn 20 mét, có nguy cơ sạt lở xuống suối bất
  cứ lúc nào. Đề nghị cắm biển cảnh báo và gia cố sớm.

Q q007 nhiễm asen | rare word; "nhiễm" appears with "phèn" in the background
N dien-nuoc F | Nước giếng khoan nhiễm asen vượt ngưỡng cho phép
  Kết quả xét nghiệm của trung tâm y tế cho thấy nước giếng khoan của nhiều hộ ở xóm Đình nhiễm
  asen cao gấp năm lần ngưỡng cho phép. Người dân vẫn phải dùng nước này để nấu ăn.
N y-te R | Kiến nghị hỗ trợ bình lọc cho hộ dùng nước nhiễm asen
  Nhiều gia đình ở ấp Tân Quy dùng nước giếng nhiễm asen lâu năm, đã có người bị sạm da, dày sừng
  bàn tay. Đề nghị hỗ trợ bình lọc và sớm kéo nước sạch về ấp.

Q q008 asen | a single rare word
+ q007a q007b

Q q009 hố ga mất nắp | "mất" and "nắp" are common, "hố ga" is not
N giao-thong F | Hố ga mất nắp giữa đường nguy hiểm cho người đi xe máy
  Hố ga trên đường Nguyễn Văn Cừ đoạn trước chợ Tân Mỹ bị mất nắp đã nửa tháng. Người dân phải
  cắm cành cây để cảnh báo, ban đêm đã có người sụp bánh xe ngã.
N moi-truong F | Nhiều hố ga mất nắp sau khi thi công cống
  Sau khi đơn vị thi công làm xong tuyến cống ở khu phố 4, nhiều hố ga vẫn bị mất nắp, chỉ che
  tạm bằng tấm tôn. Trẻ em đi học ngang qua rất dễ bị sụp chân.

Q q010 lũ quét | rare natural hazard
N giao-thong F | Lũ quét cuốn trôi cầu tràn vào bản Phiêng Cại
  Trận lũ quét đêm 18/8 cuốn trôi cầu tràn duy nhất vào bản Phiêng Cại, hơn 60 hộ bị cô lập. Bà
  con phải đu dây qua suối để mua lương thực.
N an-sinh R | Đề nghị di dời các hộ ở vùng có nguy cơ lũ quét
  Các hộ sống ven suối Nậm Mu nằm trong vùng có nguy cơ lũ quét rất cao. Năm ngoái lũ quét đã
  cuốn mất hai căn nhà. Đề nghị sớm bố trí tái định cư cho bà con.

Q q011* cầu tràn | two words common apart (hamlet "Cầu Đá", "nước tràn"): needs proximity
+ q010a
N giao-thong R | Cầu tràn qua suối ngập sâu mỗi khi mưa
  Cầu tràn qua suối Cò Nòi thấp, mỗi khi mưa lớn nước ngập sâu hơn một mét, nhiều ngày liền người
  dân không qua lại được. Đề nghị nâng cấp thành cầu cứng.

Q q012 đò ngang áo phao | four words; đ
N giao-thong F | Đò ngang chở quá tải, không có áo phao
  Bến đò ngang qua sông ở xóm Bến thường chở 20 đến 30 người cùng xe máy, trong khi đò không có
  áo phao, phao cứu sinh. Mùa nước lớn đi đò rất nguy hiểm.
N giao-thong R | Đề nghị kiểm tra an toàn đò ngang chở học sinh
  Mỗi sáng hàng chục học sinh đi đò ngang sang bờ bên kia để đến trường nhưng không em nào được
  mặc áo phao. Chủ đò chưa có bằng lái phương tiện.

Q q013 vỡ đập tràn | đ; word order differs from "đập tràn bị vỡ"
N khac F | Đập tràn hồ Khe Gỗ bị vỡ một đoạn
  Đập tràn của hồ chứa Khe Gỗ bị vỡ một đoạn dài khoảng 6 mét sau đợt mưa lũ. Nước hồ rút cạn,
  hơn 30 ha lúa vụ đông xuân có nguy cơ thiếu nước tưới.

Q q014* mái đình dột | "đình" occurs in background landmarks and hamlet names
N khac R | Mái đình làng Phù Lưu dột nát cần tu bổ
  Đình làng Phù Lưu là di tích lịch sử cấp tỉnh nhưng mái đình bị dột nhiều chỗ, ngói vỡ, xà gỗ
  mục. Mỗi khi mưa to nước chảy vào hậu cung. Đề nghị sớm tu bổ di tích.

Q q015* hồ điều hòa | three words, each common alone
N moi-truong F | Cá chết nổi trắng hồ điều hòa khu đô thị
  Từ sáng 6/5, cá chết nổi trắng mặt hồ điều hòa cạnh khu đô thị Nam Cường, mùi hôi bốc lên nồng
  nặc. Nhiều cống thải sinh hoạt vẫn đổ thẳng xuống hồ.
N chieu-sang R | Đề nghị làm lan can quanh hồ điều hòa
  Hồ điều hòa ở tổ dân phố số 9 sâu hơn 3 mét nhưng bờ hồ không có lan can, tối không có đèn. Trẻ
  em thường ra đây câu cá, chơi đùa rất dễ bị ngã xuống hồ.

Q q016* hồ điều hoà | tone placement: query "hoà", text "hòa"
+ q015a q015b

Q q017* trạm bơm tiêu úng | four words; the background has "máy bơm tiêu úng"
N khac F | Trạm bơm tiêu úng Đồng Quan hỏng máy, lúa ngập trắng
  Trạm bơm tiêu úng Đồng Quan có hai máy thì hỏng cả hai từ đầu vụ. Mưa lớn ba ngày liền làm hơn
  40 ha lúa đang trổ bông ngập trắng mà không bơm được nước ra sông.
N khac R | Đề nghị nâng cấp trạm bơm tiêu úng cho cánh đồng thôn Nội
  Trạm bơm tiêu úng phục vụ cánh đồng thôn Nội xây từ những năm 80, công suất nhỏ, không đủ tiêu
  nước khi mưa lớn. Đề nghị đầu tư thay máy bơm mới.

Q q018* thuỷ nông | tone placement: query "thuỷ", text "thủy"
N khac R | Đề nghị kiên cố hóa mương thủy nông nội đồng
  Tuyến mương thủy nông dẫn nước từ trạm bơm xuống cánh đồng Mả Lạng vẫn là mương đất, thất thoát
  nước nhiều. Đề nghị đưa vào kế hoạch kiên cố hóa năm tới.
N khac C | Hợp tác xã thủy nông thu phí tưới tiêu không đúng
  Hợp tác xã dịch vụ thủy nông thu phí tưới tiêu của hộ tôi cả vụ mùa năm nay dù ruộng bỏ hoang,
  không lấy nước. Khi hỏi thì được trả lời là thu theo diện tích.

Q q019 khoá cổng trường | tone placement: query "khoá", text "khóa"
N giao-duc F | Trường khóa cổng sớm, học sinh đứng ngoài đường chờ
  Trường THCS Hợp Thanh khóa cổng đúng 7 giờ, học sinh đến muộn vài phút phải đứng ngoài đường
  chờ đến hết tiết một. Cổng trường sát quốc lộ, xe tải chạy qua rất nguy hiểm.

Q q020 "loa phát thanh" | quoted phrase; the three words are common apart
N khac F | Loa phát thanh thôn mở quá sớm và quá to
  Loa phát thanh của thôn đặt ngay đầu ngõ nhà tôi, phát từ 5 giờ sáng với âm lượng rất lớn. Nhà
  có người bệnh cần nghỉ ngơi. Đề nghị điều chỉnh giờ phát và quay loa về phía cánh đồng.
N khac R | Đề nghị sửa loa phát thanh bị hỏng ở xóm Trại
  Hệ thống loa phát thanh ở xóm Trại hỏng đã lâu nên người dân không nắm được thông tin về lịch
  tiêm phòng, lịch họp. Đề nghị xã sửa chữa hoặc thay loa mới.

Q q021 "sân bóng" | quoted phrase; "sân" (sân chơi) and "bóng" (bóng đèn) are common apart
N an-ninh F | Sân bóng đá mini hoạt động đến khuya gây ồn
  Sân bóng đá mini cạnh tổ dân phố 6 mở cửa đến 23 giờ, tiếng la hét, tiếng còi và đèn pha chiếu
  thẳng vào nhà dân. Xe của người đến đá bóng đậu kín cả ngõ.
N xay-dung F | Sân bóng của thôn bị san lấp để phân lô
  Sân bóng của thôn Đông là nơi thanh niên và trẻ em chơi thể thao duy nhất, nay đã bị san lấp
  để phân lô bán nền. Người dân không được hỏi ý kiến.

Q q022 "cổng làng" | quoted phrase; "cổng" and "làng" are common apart
N giao-thong F | Xe tải đâm đổ cổng làng Thổ Hà
  Đêm 2/11, một xe tải chở vật liệu đâm đổ cổng làng Thổ Hà rồi bỏ đi. Cổng làng là công trình
  người dân góp tiền xây dựng từ năm 2008. Đề nghị công an truy tìm xe gây tai nạn.
N xay-dung R | Đề nghị không phá dỡ cổng làng khi mở rộng đường
  Theo thiết kế mở rộng đường liên xã thì cổng làng cổ của thôn Mông Phụ sẽ bị phá dỡ. Người dân
  đề nghị điều chỉnh tuyến hoặc di dời nguyên trạng cổng làng.

Q q023 "điện mặt trời" | quoted phrase; three common words
N dien-nuoc C | Chưa được thanh toán tiền điện mặt trời áp mái
  Gia đình tôi lắp hệ thống điện mặt trời áp mái từ năm 2020, đã ký hợp đồng bán điện nhưng tám
  tháng nay điện lực chưa thanh toán tiền điện phát lên lưới.
N xay-dung F | Tấm pin điện mặt trời trên mái nhà hàng xóm chói mắt
  Nhà bên cạnh lắp dàn tấm pin điện mặt trời nghiêng về phía nhà tôi, buổi chiều ánh nắng phản
  chiếu chói chang vào phòng ngủ, nhiệt độ trong nhà tăng cao.

Q q024 nhà chờ xe buýt | four words; "nhà", "chờ", "xe" are very common
N giao-thong R | Đề nghị làm nhà chờ xe buýt trước bệnh viện huyện cũ
  Điểm dừng xe buýt trước bệnh viện huyện cũ không có nhà chờ, người bệnh và người già phải đứng
  dưới nắng mưa. Đề nghị lắp nhà chờ và ghế ngồi.
N giao-thong F | Nhà chờ xe buýt bị chiếm làm chỗ bán hàng
  Nhà chờ xe buýt ở đầu đường Hoàng Quốc Việt bị người bán nước dựng quán chiếm hết chỗ, hành
  khách phải đứng dưới lòng đường để đón xe.

Q q025 trộm chó | two common words never together in the background
N an-ninh F | Nhóm trộm chó dùng súng điện hoạt động ban đêm
  Gần đây nhóm trộm chó đi xe máy, dùng súng điện bắt chó ngay trong sân nhà dân ở xóm Mới. Khi
  bị phát hiện, chúng còn dùng súng điện dọa người đuổi theo.
N an-ninh R | Đề nghị xử lý nghiêm các đối tượng trộm chó
  Chỉ trong một tháng, hơn chục hộ ở thôn Phương Đình bị mất trộm chó. Người dân bắt được một đối
  tượng nhưng sau đó lại được thả. Đề nghị xử lý nghiêm để răn đe.

Q q026 súng điện | a rare word next to a very common one
+ q025a

Q q027 cháy rừng | "cháy" is common (cháy nổ, cháy lúa)
N an-ninh F | Đốt thực bì gây cháy rừng thông
  Chiều 14/4, một số hộ đốt thực bì để trồng keo làm lửa lan sang, gây cháy gần 5 ha rừng thông
  của ban quản lý rừng phòng hộ. Lửa cháy đến tối mới được dập tắt.
N khac R | Đề nghị lập chòi canh lửa phòng cháy rừng mùa khô
  Mùa khô năm nào khu rừng keo giáp thôn Làng Chùa cũng xảy ra cháy rừng. Đề nghị bố trí chòi
  canh lửa, đường băng cản lửa và tổ xung kích phòng cháy rừng.

Q q028 phá rừng phòng hộ | four words; "phòng" is very common
N an-ninh F | Chặt phá rừng phòng hộ đầu nguồn suối Khe Lim
  Một nhóm người dùng cưa máy chặt phá rừng phòng hộ đầu nguồn suối Khe Lim, gỗ được kéo ra bằng
  trâu vào ban đêm. Diện tích bị phá đã lên tới vài ha.

Q q029 voi rừng | "voi" alone matches the background ("ổ voi")
N khac R | Voi rừng phá hoa màu, đề nghị hỗ trợ người dân
  Đàn voi rừng khoảng 8 con liên tục về phá nương ngô, sắn và vườn chuối của bà con thôn 6. Đề
  nghị hỗ trợ thiệt hại và hướng dẫn cách xua đuổi voi an toàn.

Q q030* dịch tả lợn | "lợn" is common (trại nuôi lợn, thịt lợn)
N khac F | Lợn chết do dịch tả lợn châu Phi bị vứt ra suối
  Dịch tả lợn châu Phi bùng phát ở thôn Bắc Hà, một số hộ vứt lợn chết xuống suối và ven đường
  gây ô nhiễm. Đề nghị xã chỉ đạo tiêu hủy đúng quy định.
N an-sinh R | Chưa nhận hỗ trợ tiêu hủy lợn mắc dịch tả lợn châu Phi
  Gia đình tôi có 35 con lợn phải tiêu hủy vì dịch tả lợn châu Phi từ tháng 6 nhưng đến nay chưa
  nhận được tiền hỗ trợ theo quy định.

Q q031 lở mồm long móng | four words; "long" occurs in names (Hoàng Long, Long Điền)
N khac F | Trâu bò mắc bệnh lở mồm long móng
  Nhiều con trâu bò ở bản Pá Ngam có biểu hiện bệnh lở mồm long móng: sốt, loét miệng, chân
  què. Đàn vật nuôi năm nay chưa được tiêm phòng.

Q q032 vắc xin | two rare words
N y-te F | Trạm y tế thiếu vắc xin tiêm chủng mở rộng
  Con tôi đến lịch tiêm mũi vắc xin 5 trong 1 nhưng trạm y tế báo hết vắc xin, hẹn tháng sau. Đã
  ba lần hẹn như vậy, nhiều phụ huynh phải đưa con đi tiêm dịch vụ giá cao.
N y-te R | Đề nghị thông báo lịch tiêm vắc xin qua nhóm Zalo
  Lịch tiêm vắc xin cho trẻ ở tổ dân phố 11 chỉ dán ở bảng tin trạm y tế nên nhiều phụ huynh
  không biết. Đề nghị thông báo qua nhóm Zalo của tổ dân phố.

Q q033* xe cứu thương | three words; "xe" is very common
N y-te F | Gọi xe cứu thương 115 chờ hơn một giờ
  Tối 21/6 cha tôi bị đột quỵ, gia đình gọi xe cứu thương 115 nhưng hơn một giờ sau xe mới đến.
  Đề nghị bố trí thêm xe cứu thương cho khu vực phía tây.

Q q034 sữa học đường | "học" and "đường" are very common
N giao-duc F | Sữa học đường có mùi lạ, học sinh bị đau bụng
  Ngày 9/10 nhiều học sinh lớp 2 uống sữa học đường thấy có mùi chua, một số em bị đau bụng. Hộp
  sữa vẫn còn hạn sử dụng. Đề nghị kiểm tra nguồn gốc lô sữa.
N giao-duc C | Phụ huynh không đồng ý đóng tiền chương trình sữa học đường
  Nhà trường thu tiền sữa học đường của tất cả học sinh dù chương trình là tự nguyện. Phụ huynh
  không đăng ký vẫn bị giáo viên nhắc đóng tiền.

Q q035 bán trú | "bán" is common (bán hàng)
N giao-duc F | Bữa ăn bán trú ít thịt, nhiều rau
  Suất ăn bán trú của học sinh trường tiểu học Lê Văn Tám giá 30.000 đồng nhưng chỉ có ít thịt,
  chủ yếu là rau và canh. Phụ huynh đề nghị công khai thực đơn và giá thực phẩm.
N giao-duc R | Đề nghị sửa chữa nhà ăn bán trú của trường
  Nhà ăn bán trú của điểm trường Nà Khoang mái tôn thủng, nền đất, mùa đông gió lùa rất lạnh. Học
  sinh ăn trưa, ngủ trưa ngay trong phòng học.

Q q036 xe đưa đón học sinh | four common words
N giao-duc F | Xe đưa đón học sinh chở quá số người quy định
  Xe đưa đón học sinh của nhà xe tư nhân loại 16 chỗ nhưng chở tới 25 em, nhiều em phải đứng. Tài
  xế còn vừa lái xe vừa nghe điện thoại.
N giao-duc R | Kiến nghị bố trí xe đưa đón học sinh vùng xa
  Học sinh ở bản Tà Làng phải đi bộ 7 km đến trường, mùa mưa đường trơn lầy. Đề nghị xã phối hợp
  nhà trường bố trí xe đưa đón học sinh.

Q q037 bạo lực học đường | four words
N giao-duc F | Học sinh bị bạn đánh hội đồng, quay clip đăng mạng
  Con tôi học lớp 8 bị một nhóm bạn đánh hội đồng sau giờ học, clip được tung lên mạng xã hội. Đề
  nghị nhà trường xử lý và có biện pháp phòng chống bạo lực học đường.
N giao-duc R | Đề nghị tăng cường phòng chống bạo lực học đường
  Gần đây liên tục xảy ra các vụ bạo lực học đường ở trường THCS Quang Trung. Phụ huynh đề nghị có
  giáo viên trực ở cổng trường và camera trong khuôn viên.

Q q038 dạy thêm | "thêm" is very common
N giao-duc C | Giáo viên ép học sinh đi học thêm tại nhà
  Cô giáo chủ nhiệm lớp 4A dạy thêm tại nhà, học sinh không đi học thêm bị cô cho điểm thấp và
  nhắc nhở trước lớp. Đề nghị kiểm tra việc dạy thêm trái quy định.

Q q039 sách giáo khoa | three words
N giao-duc F | Nhà trường bắt mua sách giáo khoa kèm sách tham khảo
  Đầu năm học nhà trường yêu cầu phụ huynh mua trọn bộ sách giáo khoa kèm sách bài tập, sách tham
  khảo với giá hơn 700.000 đồng. Sách cũ của anh chị không được dùng lại.

Q q040* đồng phục | đ; both syllables are common in other words (triệu đồng, khắc phục)
N giao-duc F | Trường bắt mua đồng phục giá cao tại một cửa hàng
  Phụ huynh trường Mầm non Hoa Sen phải mua đồng phục tại một cửa hàng chỉ định với giá 450.000
  đồng một bộ, cao gấp đôi giá ngoài thị trường.
N giao-duc R | Đề nghị không thay đổi mẫu đồng phục hằng năm
  Năm nào trường cũng thay mẫu đồng phục mới khiến phụ huynh tốn kém, áo năm trước còn mới vẫn
  không được mặc. Đề nghị giữ nguyên mẫu ít nhất ba năm.
"""
