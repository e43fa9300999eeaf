"""Near-duplicates: a resident's rewrite of a planted needle, the draft a
"similar petitions" search sees while it is being typed.

    D id original-needle-id[~^] | what changed
    > rewrite title
      rewrite body (lines start with two spaces)

"~" after the original's id: the rewrite is typed without diacritics; "^":
typed with the tone on the second vowel. Rewrites are not in the corpus.
"""

TEXT = """
D d01 q001a | reordered, shorter; the sibling q001b is also about a collapsed cầu khỉ
> Sập cầu khỉ kênh Bà Bèo
  Học sinh ấp 3 phải đi vòng cả 4 km mới tới trường vì cầu khỉ qua kênh Bà Bèo bị sập một nhịp
  sau trận mưa đêm 12/9. Nhiều nhà phải đi xuồng qua kênh.
D d02 q001b~ | without diacritics, words changed
> Cau khi xom Bai Giua bi sap
  Cau khi bang tre tu xom Bai Giua ra canh dong sap han tu tuan truoc, ba con phai loi qua muong
  nuoc ngang nguc, nguoi gia tre nho rat nguy hiem.
D d03 q003a | reordered, "bò" for "trâu bò" in places
> Bò thả rông ăn ngô, phân đầy đường
  Đường bê tông thôn Đồng Chằm đầy phân trâu bò, mưa xuống trơn trượt dễ ngã. Bò thả rông còn ăn
  hết ruộng ngô nhà tôi mới trồng.
D d04 q003b | shorter, different verbs
> Tai nạn do bò thả rông trên quốc lộ qua bản Nà Sáng
  Đàn bò thả rông không ai trông, tối 3/10 có người đi xe máy tông vào bị thương nặng ở quốc lộ
  đoạn bản Nà Sáng.
D d05 q004a~ | without diacritics
> To ong vo ve truoc cong truong tieu hoc
  Cay bang lang truoc cong truong co to ong vo ve to nhu cai thung, hai hoc sinh bi ong dot phai
  dua len tram y te. Phu huynh lo lang lam.
D d06 q005a | shorter
> Rắn hổ mang vào nhà
  Bãi đất hoang cỏ um tùm sát khu dân cư, rắn hổ mang đã ba lần bò vào nhà. Đề nghị chủ đất phát
  quang.
D d07 q006a | reordered
> Sạt lở taluy đường lên bản Khe Vàng
  Học sinh phải nghỉ học, xe máy không qua được vì đất đá từ taluy dương sạt lở vùi lấp mặt đường
  lên bản Khe Vàng sau mấy ngày mưa.
D d08 q007a | words changed
> Giếng khoan xóm Đình nhiễm asen gấp năm lần
  Trung tâm y tế xét nghiệm nước giếng khoan ở xóm Đình thấy asen vượt ngưỡng gấp năm lần, bà con
  vẫn phải dùng để nấu ăn.
D d09 q009a | reordered, shorter
> Mất nắp hố ga trước chợ Tân Mỹ
  Nửa tháng nay hố ga trên đường Nguyễn Văn Cừ trước chợ Tân Mỹ mất nắp, người dân cắm cành cây
  cảnh báo, tối có người sụp bánh xe.
D d10 q010a~ | without diacritics
> Lu quet cuon troi cau tran ban Phieng Cai
  Dem 18/8 lu quet cuon mat cau tran vao ban Phieng Cai, hon 60 ho bi co lap, phai du day qua suoi
  de mua luong thuc.
D d11 q012a | reordered
> Đi đò ngang không có áo phao
  Mùa nước lớn rất nguy hiểm: đò ngang ở bến xóm Bến chở 20, 30 người kèm xe máy mà không có áo
  phao hay phao cứu sinh.
D d12 q013a | shorter, "bị vỡ" reworded
> Vỡ đập tràn hồ Khe Gỗ
  Sau mưa lũ đập tràn hồ chứa Khe Gỗ vỡ khoảng 6 mét, nước rút hết, 30 ha lúa đông xuân sắp thiếu
  nước.
D d13 q014a^ | typed with the tone on the second vowel
> Tu bổ mái đình làng Phù Lưu
  Mái đình làng Phù Lưu, di tích cấp tỉnh, dột nhiều chỗ, ngói vỡ, xà gỗ mục, mưa to nước vào hậu
  cung. Mong sớm tu bổ.
D d14 q015a | reordered; the sibling q015b is about the same lake type
> Cá chết trắng hồ điều hòa Nam Cường
  Mùi hôi nồng nặc vì cá chết nổi trắng hồ điều hòa cạnh khu đô thị Nam Cường từ sáng 6/5, cống
  thải sinh hoạt vẫn đổ xuống hồ.
D d15 q017a | words changed
> Trạm bơm Đồng Quan hỏng, 40 ha lúa ngập
  Cả hai máy của trạm bơm tiêu úng Đồng Quan hỏng từ đầu vụ, mưa ba ngày liền, lúa trổ bông ngập
  trắng, không bơm được nước ra sông.
D d16 q019a^ | typed with the tone on the second vowel
> Trường Hợp Thanh khoá cổng lúc 7 giờ
  Học sinh đến muộn vài phút bị để ngoài đường đến hết tiết một vì trường THCS Hợp Thanh khoá cổng
  đúng 7 giờ, cổng sát quốc lộ rất nguy hiểm.
D d17 q020a | shorter
> Loa phát thanh đầu ngõ phát 5 giờ sáng
  Loa phát thanh thôn đặt đầu ngõ nhà tôi phát từ 5 giờ sáng, rất to, nhà có người ốm. Xin quay loa
  ra cánh đồng.
D d18 q021a~ | without diacritics
> San bong da mini on den 23 gio
  San bong mini canh to dan pho 6 mo den 23 gio, la het, den pha chieu vao nha dan, xe dau kin ngo.
D d19 q022a | reordered
> Cổng làng Thổ Hà bị xe tải tông đổ
  Cổng làng Thổ Hà do dân góp tiền xây năm 2008 bị một xe tải chở vật liệu đâm đổ đêm 2/11 rồi bỏ
  chạy. Mong công an tìm ra xe.
D d20 q023a | words changed
> Điện lực chưa trả tiền điện mặt trời
  Tám tháng rồi điện lực chưa thanh toán cho gia đình tôi tiền điện mặt trời áp mái phát lên lưới,
  hợp đồng bán điện ký từ năm 2020.
D d21 q024b | shorter
> Quán nước chiếm nhà chờ xe buýt
  Nhà chờ xe buýt đầu đường Hoàng Quốc Việt bị quán nước chiếm, khách đứng dưới lòng đường đón xe.
D d22 q025a | reordered; sibling q025b is also about dog thieves
> Trộm chó bằng súng điện ở xóm Mới
  Ở xóm Mới có nhóm đi xe máy dùng súng điện bắt trộm chó ngay trong sân nhà, bị phát hiện còn dọa
  người đuổi theo.
D d23 q027a~ | without diacritics
> Dot thuc bi chay rung thong
  Chieu 14/4 dot thuc bi de trong keo lam lua lan, chay gan 5 ha rung thong cua ban quan ly rung
  phong ho, den toi moi dap tat.
D d24 q029a | shorter
> Đàn voi rừng phá nương ngô thôn 6
  Khoảng 8 con voi rừng liên tục về phá ngô, sắn, chuối của thôn 6. Xin hỗ trợ thiệt hại.
D d25 q030a | reordered
> Vứt lợn chết ra suối ở thôn Bắc Hà
  Một số hộ ở thôn Bắc Hà vứt lợn chết do dịch tả lợn châu Phi xuống suối, ven đường, gây ô nhiễm.
  Xin xã chỉ đạo tiêu hủy.
D d26 q032a | words changed
> Hết vắc xin 5 trong 1 ở trạm y tế
  Ba lần đưa con đi tiêm mũi 5 trong 1 đều bị trạm y tế báo hết vắc xin, hẹn tháng sau, phải đi
  tiêm dịch vụ giá cao.
D d27 q033a^ | typed with the tone on the second vowel
> Xe cứu thương 115 đến chậm hơn một giờ
  Cha tôi đột quỵ tối 21/6, gọi 115 hơn một giờ xe cứu thương mới tới. Mong có thêm xe cho khu
  phía tây.
D d28 q034a | shorter
> Học sinh lớp 2 đau bụng sau khi uống sữa học đường
  Ngày 9/10 sữa học đường có mùi chua, nhiều em lớp 2 uống xong bị đau bụng dù hộp sữa còn hạn.
D d29 q036a | reordered
> Xe 16 chỗ chở 25 học sinh
  Tài xế xe đưa đón học sinh vừa lái vừa nghe điện thoại, xe 16 chỗ mà chở 25 em, nhiều em phải
  đứng.
D d30 q037a~ | without diacritics
> Con bi danh hoi dong, clip tung len mang
  Con toi lop 8 bi nhom ban danh hoi dong sau gio hoc, clip dua len mang xa hoi. De nghi truong xu
  ly, chong bao luc hoc duong.
D d31 q040a | words changed
> Bắt mua đồng phục 450.000 đồng một bộ
  Trường Mầm non Hoa Sen chỉ định một cửa hàng bán đồng phục giá 450.000 đồng, gấp đôi ngoài thị
  trường.
D d32 q041a | shorter
> Chờ thẻ căn cước cho con hơn hai tháng
  Con 10 tuổi làm căn cước ở công an xã từ tháng 3 đến giờ chưa có thẻ, cần để nhập học.
D d33 q044a | reordered
> Mẹ bị lừa mất 120 triệu qua điện thoại
  Kẻ giả danh công an gọi bảo mẹ tôi 70 tuổi chuyển tiền để xác minh, lừa đảo mất 120 triệu đồng.
D d34 q045b | words changed
> Vay tín dụng đen bị tạt sơn vào nhà
  Vay nhóm tín dụng đen 20 triệu, trả gấp ba vẫn bị tạt sơn, ném chất bẩn vào nhà, xin công an bảo
  vệ.
D d35 q047a~ | without diacritics
> Khoan cat be tong tu 6 gio sang
  Nha so 17 sua chua khoan cat be tong tu 6 gio sang den 9 gio toi ca thu bay chu nhat, bui va
  tieng on khong ai nghi duoc.
D d36 q049a | shorter
> Đồng hồ nước tự quay, tiền nước 900.000 đồng
  Khóa hết vòi mà đồng hồ nước vẫn quay, tháng 8 tiền nước 900.000 đồng. Xin kiểm định lại.
D d37 q050a^ | typed with the tone on the second vowel
> Hoá đơn tiền nước tháng 7 gấp ba
  Nhà bốn người mà hoá đơn tiền nước tháng 7 tới 1.250.000 đồng, nhân viên không đến ghi số mà ước
  tính.
D d38 q051a | reordered
> Trụ cứu hỏa đường Trần Khát Chân không có nước
  Kiểm tra thì trụ nước cứu hỏa trên đường Trần Khát Chân không có nước, lại bị hàng quán che kín,
  nhà ống san sát rất nguy hiểm nếu cháy.
D d39 q052a | words changed
> Kho hóa chất Thịnh Phát bốc mùi hắc
  Mùi hắc từ kho hóa chất công ty Thịnh Phát sát tổ 15 làm người dân rát họng, chảy nước mắt. Đề
  nghị di dời.
D d40 q054a~ | without diacritics
> Thuy dien Nam Chien xa lu khong bao
  Dem 15/10 thuy dien Nam Chien xa lu khong thong bao, nuoc len nhanh ngap hang chuc nha, troi ca
  long be nuoi ca.
D d41 q057a | reordered
> Dây điện đứt ở đồng thôn Tràng, trâu chết
  Con trâu nhà tôi bị điện giật chết vì dây hạ thế qua cánh đồng thôn Tràng đứt rơi xuống ruộng.
  Đề nghị điện lực bồi thường.
D d42 q060a | shorter
> Đánh bạc ở quán nước ven đê thôn Hạ Lôi
  Quán nước ven đê thôn Hạ Lôi chiều nào cũng tụ tập đánh bạc đến khuya, có cả thanh niên nhỏ tuổi.
D d43 q062a | words changed; sibling q062b is about drugs too
> Nhà bỏ hoang ngõ 24 thành tụ điểm ma túy
  Cuối ngõ 24 có căn nhà hoang người ta vào sử dụng ma túy, sáng còn vứt kim tiêm, trẻ con đi học
  qua sợ lắm.
D d44 q066a | reordered
> Cụ bà ngủ ở hiên chợ Đồng Xoài
  Tối nào cũng thấy cụ bà khoảng 80 tuổi ngủ ở hiên chợ Đồng Xoài, ban ngày lang thang xin ăn. Mong
  xã đưa cụ vào diện bảo trợ.
D d45 q070a | shorter; sibling q070b is also about pickleball
> Pickleball trên sân thượng ồn đến 11 giờ đêm
  Sân thượng nhà số 8 làm sân pickleball, đánh từ 5 giờ sáng tới 11 giờ đêm, tiếng bóng cả ngày.
D d46 q077a | reordered
> Vay 30 triệu đã trả hơn 100 triệu vẫn bị đòi
  Lãi 10% mỗi tuần, anh tôi vay nặng lãi 30 triệu đồng mà trả hơn 100 triệu vẫn chưa xong. Xin điều
  tra đường dây cho vay.
D d47 q080a~ | without diacritics
> Bi cuong che khi chua co phuong an boi thuong
  Ngay 12/4 nha toi bi cuong che thu hoi dat trong khi chua nhan quyet dinh phe duyet phuong an
  boi thuong, tai san bi pha do khong kiem dem.
D d48 q082a | words changed
> Dồn điền đổi thửa chia ruộng trũng cho nhà tôi
  Sau dồn điền đổi thửa nhà tôi nhận ruộng trũng ở Cửa Miếu không cấy được, ruộng tốt thì người
  nhà cán bộ thôn được.
D d49 q087a | reordered
> Ngập hầm chui cao tốc thôn Phú Mỹ
  Máy bơm không chạy nên mưa là hầm chui dân sinh qua cao tốc ở thôn Phú Mỹ ngập gần một mét, phải
  đi vòng 5 km.
D d50 q091a | shorter
> Ném đá tàu hỏa ở tổ dân phố Ga
  Trẻ con tổ dân phố Ga hay ném đá vào tàu hỏa, có khách bị thương vì vỡ kính.
D d51 q099a | words changed; q100b is another cây đa
> Công ty cây cảnh hỏi mua cây đa cổ thụ làng Cự Đà
  Cây đa hơn trăm năm đầu làng Cự Đà có người hỏi mua để bứng đi. Dân làng muốn xã công nhận cây
  di sản.
D d52 q105a | reordered
> Cụ già kẹt thang máy CT2 Văn Khê
  Tuần trước cụ già mắc kẹt gần một tiếng trong thang máy tòa CT2 chung cư Văn Khê, thang hỏng
  liên tục mà ban quản trị chậm sửa.
D d53 q110a | shorter
> Đấu giá đất Mả Vang có người lạ vây
  Phiên đấu giá đất đồng Mả Vang 20/9 có người lạ vây, dọa người tham gia, giá trúng sát giá khởi
  điểm.
D d54 q111a~ | without diacritics
> Mo da no min nut nha
  Mo da cong ty Hoang Long o nui Voi no min ngay hai lan, da vang sang vuon, nha dan nut tuong.
D d55 q114a | reordered
> Loa dẫn dụ chim yến kêu cả đêm
  Phân chim rơi đầy sân, loa dẫn dụ kêu suốt ngày đêm từ nhà ba tầng nuôi chim yến bên cạnh.
"""
