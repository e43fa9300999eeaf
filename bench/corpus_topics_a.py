"""Petition templates, part one: the sentences every petition may use, then
land, environment, roads and construction.

Format, one template a line (continuation lines start with two spaces):

    @ code category-code kinds weight    a topic; kinds is a bag of letters:
                                         F feedback, R recommendation,
                                         C complaint, D denunciation
    T ...                                a title
    B ...                                a body sentence (kept in order)
    R ...                                the request that ends the body

Slots in braces are filled from ``corpus_slots.SLOTS``. Most templates
spell "hòa", "thủy" with the tone on the first vowel, as most residents
type; a few use "hoà", "thuỷ" so both spellings occur in ordinary text.
"""

TEXT = """
@ _opening - - 0
B Tôi là người dân sinh sống tại {thon}, {xa}, {tinh}.
B Tôi xin trình bày sự việc như sau.
B Kính gửi UBND {xa}.
B Tôi viết phản ánh này thay mặt cho {sohos} ở {thon}.
B Gia đình tôi đã sinh sống tại {thon} từ năm {nam}.
B Chúng tôi là các hộ dân ở {thon}, {xa}, {tinh}.
B Tôi xin phản ánh một việc đã kéo dài {thoigian} tại {xa}.
B Kính gửi lãnh đạo UBND {xa} và các cơ quan có liên quan.
B Tôi là {nguoi}, ở {xa}, {tinh}.
B Thay mặt bà con {thon}, tôi xin gửi phản ánh này.

@ _effect - - 0
B Sự việc đã kéo dài {thoigian}, ảnh hưởng trực tiếp đến đời sống của {sohos}.
B Người dân đã phản ánh tại buổi tiếp xúc cử tri năm {nam} nhưng chưa được giải quyết.
B Tôi đã gửi đơn lần thứ {so} nhưng chưa nhận được trả lời.
B Việc này đã được {chucdanh} ghi nhận nhưng đến nay chưa có chuyển biến.
B Nhiều người dân bức xúc, có ý định kéo nhau lên xã.
B Sự việc gây mất an toàn và làm mất mỹ quan khu dân cư.
B Hình ảnh hiện trường tôi đã chụp lại và gửi kèm theo phản ánh này.
B Tình hình ngày càng nghiêm trọng hơn, nhất là từ {ngay} đến nay.
B Chính quyền đã hứa xử lý từ {ngay} nhưng đến nay vẫn chưa thực hiện.

@ _closing - - 0
B Kính mong chính quyền sớm xem xét, giải quyết.
B Rất mong nhận được phản hồi sớm của cơ quan chức năng.
B Tôi xin chân thành cảm ơn.
B Tôi cam đoan những nội dung trình bày trên là đúng sự thật.
B Kính đề nghị UBND {xa} quan tâm, chỉ đạo giải quyết dứt điểm.
B Xin cảm ơn và mong được trả lời bằng văn bản.
B Mong các cấp chính quyền vào cuộc để người dân yên tâm sinh sống.
B Người dân chúng tôi xin trân trọng cảm ơn.
B Đề nghị trả lời cho người dân được biết.
B Mong được giải quyết thỏa đáng.
B Mong được giải quyết thoả đáng, công khai.

@ boi-thuong dat-dai CCCCCRRRFF 5
T Chậm chi trả tiền bồi thường giải phóng mặt bằng
T Chưa nhận tiền bồi thường của {duan}
T Đề nghị làm rõ đơn giá bồi thường đất nông nghiệp
T Khiếu nại phương án bồi thường khi thu hồi đất ở {thon}
T Bị thu hồi đất đã {thoigian} nhưng chưa nhận được tiền bồi thường
B Gia đình tôi có {dientich} đất nông nghiệp bị thu hồi để thực hiện {duan}.
B Đến nay đã {thoigian} kể từ ngày bàn giao mặt bằng nhưng gia đình vẫn chưa nhận được tiền bồi thường.
B Đơn giá bồi thường áp dụng thấp hơn nhiều so với giá chuyển nhượng thực tế ở {thon}.
B Hội đồng bồi thường chưa công khai phương án chi tiết cho từng hộ bị ảnh hưởng.
B Một số hộ liền kề có cùng loại đất nhưng được áp giá khác nhau, gây bức xúc trong nhân dân.
B Khi hỏi thì {chucdanh} trả lời đang chờ cấp trên phê duyệt kinh phí.
B Phần tài sản trên đất gồm cây ăn quả và chuồng trại chưa được kiểm đếm đầy đủ.
R Chúng tôi đề nghị xem xét lại đơn giá và chi trả dứt điểm tiền bồi thường trước {ngay}.

@ tai-dinh-cu dat-dai CCCRRRRFFF 3
T Chưa được bố trí đất tái định cư sau khi bàn giao mặt bằng
T Khu tái định cư {place} chưa có điện, nước và đường vào
T Kiến nghị bố trí suất tái định cư cho {sohos} bị giải tỏa trắng
B Nhà ở của gia đình tôi bị giải tỏa toàn bộ để thực hiện {duan}.
B Theo phương án được duyệt, gia đình được bố trí một lô đất tái định cư nhưng đến nay chưa được bốc thăm.
B Khu tái định cư đã san lấp xong nhưng hạ tầng điện, nước, thoát nước vẫn chưa hoàn thiện.
B Gia đình phải đi thuê nhà trọ {thoigian} với chi phí {phi} mỗi tháng.
B Tiền hỗ trợ thuê nhà tạm cư chỉ được chi trả sáu tháng đầu rồi dừng.
B Nhiều hộ khác ở {thon} cũng đang trong hoàn cảnh tương tự.
R Đề nghị sớm tổ chức bốc thăm, giao đất tái định cư để người dân ổn định cuộc sống.

@ so-do dat-dai FFFRRRRCCC 5
T Hồ sơ cấp sổ đỏ bị trễ hẹn {thoigian}
T Xin cấp sổ đỏ lần đầu chưa được giải quyết
T Đề nghị đính chính thông tin sai trên giấy chứng nhận quyền sử dụng đất
T Chậm cấp sổ đỏ cho các hộ ở {thon}
B Tôi nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất tại bộ phận một cửa từ {ngay}.
B Theo phiếu hẹn thì đã quá hạn {thoigian} nhưng chưa nhận được kết quả.
B Thửa đất có diện tích {dientich}, gia đình sử dụng ổn định, không tranh chấp từ năm {nam}.
B Cán bộ địa chính yêu cầu bổ sung giấy tờ nhiều lần, mỗi lần một yêu cầu khác nhau.
B Trên sổ đỏ được cấp, tên người sử dụng đất và diện tích thửa đất bị ghi sai so với thực tế.
B Việc chưa có sổ đỏ khiến gia đình không thể thế chấp vay vốn ngân hàng để sản xuất.
R Đề nghị cơ quan chức năng kiểm tra và trả lời rõ hồ sơ đang vướng ở khâu nào.

@ tranh-chap-dat dat-dai CCCCCCFFRR 3
T Tranh chấp ranh giới đất ở {thon} chưa được hòa giải
T Hộ bên cạnh xây tường rào lấn sang đất nhà tôi
T Đề nghị đo đạc lại ranh giới thửa đất giáp ranh
B Gia đình tôi và hộ {nguoi} có đất giáp ranh tại {thon}.
B Từ {ngay}, hộ bên cạnh tự ý xây tường rào lấn sang khoảng {dientich} đất của gia đình tôi.
B Tổ hòa giải ở cơ sở đã họp hai lần nhưng không thành.
B Gia đình tôi có giấy tờ và bản đồ địa chính năm {nam} thể hiện rõ mốc ranh giới.
B Việc tranh chấp kéo dài {thoigian} làm mất đoàn kết giữa hai gia đình.
R Đề nghị UBND {xa} cử cán bộ địa chính xuống đo đạc, cắm mốc và giải quyết dứt điểm.

@ lan-chiem-dat-cong dat-dai FFFFFFFRRD 3
T Phản ánh việc lấn chiếm đất công tại {thon}
T Hộ dân tự ý rào chắn, chiếm dụng đất hành lang {kenh}
T Đất công bị lấn chiếm để xây dựng nhà xưởng trái phép
B Khu đất công của {xa} cạnh {noi} đang bị một số hộ rào lại để sử dụng riêng.
B Ban đầu chỉ dựng lều tạm, sau đó đã đổ móng và xây tường kiên cố.
B Phần đất hành lang bảo vệ {kenh} cũng bị san lấp để trồng cây và làm chuồng trại.
B Người dân đã báo với {chucdanh} nhưng việc lấn chiếm vẫn tiếp diễn.
B Diện tích bị chiếm dụng ước khoảng {dientich}, ảnh hưởng đến quy hoạch chung của {thon}.
R Đề nghị chính quyền kiểm tra, lập biên bản và buộc trả lại hiện trạng ban đầu.

@ quy-hoach-treo dat-dai RRRRRRFFFC 2
T Quy hoạch treo nhiều năm tại {thon} ảnh hưởng đời sống người dân
T Đề nghị công khai quy hoạch sử dụng đất của {xa}
T Đất nằm trong quy hoạch dự án nhưng không triển khai
B Khu đất của gia đình tôi nằm trong quy hoạch {duan} từ năm {nam}.
B Đến nay dự án vẫn chưa triển khai, người dân không được xây mới, sửa chữa nhà cửa.
B Nhiều căn nhà đã xuống cấp nghiêm trọng nhưng không được cấp phép sửa chữa.
B Người dân cũng không thể chuyển nhượng hay tách thửa vì vướng quy hoạch.
B Bản đồ quy hoạch niêm yết tại nhà văn hóa đã mờ, người dân không đọc được.
R Đề nghị cơ quan có thẩm quyền công bố rõ tiến độ hoặc điều chỉnh, hủy bỏ quy hoạch.

@ rac-thai moi-truong FFFFFFFRRR 7
T Rác thải tồn đọng nhiều ngày tại {noi}
T Xe thu gom rác không đến {thon} {thoigian}
T Bãi rác tự phát bên {kenh} gây ô nhiễm
T Đề nghị bố trí thêm điểm tập kết rác cho {thon}
B Rác thải sinh hoạt tập kết tại {noi} đã {thoigian} chưa được thu gom.
B Rác bốc mùi hôi thối, ruồi muỗi phát sinh, ảnh hưởng sức khỏe các hộ xung quanh.
B Xe thu gom chỉ đến không thường xuyên, có tuần không đến lần nào.
B Một số người dân ý thức kém, đổ rác cả xuống {kenh} làm tắc dòng chảy.
B Gia đình vẫn đóng phí vệ sinh đầy đủ {phi} mỗi năm nhưng rác không được thu gom đúng lịch.
B Khi trời mưa, nước rỉ từ đống rác chảy tràn ra đường.
R Đề nghị đơn vị thu gom bố trí lịch thu gom cố định và xử lý dứt điểm điểm rác này.

@ chan-nuoi moi-truong FFFFFFFRRC 4
T Trại nuôi lợn gần khu dân cư {thon} gây mùi hôi thối
T Ô nhiễm mùi từ trang trại chăn nuôi của hộ {nguoi}
T Đề nghị di dời trại chăn nuôi ra khỏi khu dân cư
B Trại nuôi lợn với quy mô hàng trăm con nằm sát khu dân cư {thon}.
B Chất thải chăn nuôi không được xử lý mà xả thẳng ra {kenh}.
B Mùi hôi bốc lên nồng nặc nhất là vào buổi chiều tối và những ngày nắng nóng.
B Nhiều hộ phải đóng kín cửa cả ngày, trẻ em bị ho, viêm họng kéo dài.
B Hầm biogas của trại đã quá tải từ lâu nhưng chủ trại không đầu tư thêm.
B Người dân đã nhiều lần kiến nghị trong các buổi họp thôn nhưng chưa được xử lý.
R Đề nghị kiểm tra việc chấp hành quy định bảo vệ môi trường trong chăn nuôi.

@ nuoc-thai moi-truong FFFFFFRRCD 4
T Phản ánh {coso} xả nước thải chưa qua xử lý
T Nước {kenh} đen kịt, cá chết hàng loạt
T Đề nghị kiểm tra nguồn xả thải gây ô nhiễm {kenh}
B Nhiều tháng nay, {coso} xả nước thải chưa qua xử lý trực tiếp ra {kenh}.
B Nước ở đoạn kênh chảy qua {thon} chuyển màu đen, nổi bọt và bốc mùi khó chịu.
B Cá trong ao của các hộ lấy nước từ kênh chết hàng loạt.
B Nước thải thường được xả vào ban đêm nên rất khó phát hiện.
B Người dân sử dụng nước kênh để tưới rau màu lo ngại ảnh hưởng sức khỏe.
R Đề nghị cơ quan chức năng lấy mẫu nước, kiểm tra và xử lý nghiêm cơ sở vi phạm.

@ khoi-bui moi-truong FFFFFFFRRR 3
T Khói bụi từ {coso} gây ô nhiễm
T Đốt rơm rạ sau thu hoạch gây khói mù khu dân cư {thon}
T Xe chở vật liệu gây bụi mù trên {duong}
B Khói đen từ ống khói của {coso} thải ra liên tục, nhất là vào ban đêm.
B Bụi bám đầy nhà cửa, bàn ghế, quần áo phơi ngoài trời không dùng được.
B Sau mỗi vụ thu hoạch, nhiều hộ đốt rơm rạ ngay trên đồng khiến khói bay vào khu dân cư.
B Xe chở đất, cát không che chắn, rơi vãi dọc {duong} gây bụi mù mịt.
B Người già và trẻ nhỏ trong xóm thường xuyên bị ho, khó thở.
R Đề nghị kiểm tra, yêu cầu cơ sở lắp đặt hệ thống xử lý khí thải theo quy định.

@ cong-ranh moi-truong FFFFFFRRRR 4
T Cống thoát nước trên {duong} bị tắc, bốc mùi hôi
T Rãnh thoát nước {thon} bị lấp, nước thải tràn ra đường
T Đề nghị nạo vét hệ thống cống rãnh {ngo} {duong}
B Hệ thống cống thoát nước trên {duong} đoạn qua {thon} bị tắc nghẽn nhiều tháng nay.
B Nắp cống bị vỡ, nước thải ứ đọng bốc mùi hôi thối.
B Một số hộ đổ đất đá, phế thải xây dựng lấp cả rãnh thoát nước trước nhà.
B Mỗi khi mưa xuống, nước thải tràn lên mặt đường và vào nhà dân.
B Cống đã được xây dựng từ năm {nam} và chưa từng được nạo vét.
R Đề nghị đơn vị quản lý sớm nạo vét, thay nắp cống và khơi thông dòng chảy.

@ ngap-ung chieu-sang FFFFFFRRRR 5
T Ngập úng kéo dài tại {ngo} {duong} mỗi khi mưa lớn
T Khu dân cư {thon} ngập sâu sau mỗi trận mưa
T Đề nghị nâng cấp hệ thống thoát nước chống ngập cho {thon}
B Mỗi khi có mưa lớn, {ngo} {duong} lại bị ngập sâu từ 40 đến 60 cm.
B Nước ngập tràn vào nhà, làm hư hỏng đồ đạc của nhiều hộ.
B Học sinh phải nghỉ học, người dân không thể đi làm vì đường ngập.
B Nguyên nhân do hệ thống thoát nước nhỏ, xuống cấp, lại bị lấp bởi các công trình xây dựng mới.
B Tình trạng ngập úng đã kéo dài {thoigian} nhưng chưa có giải pháp.
R Đề nghị sớm đầu tư nâng cấp hệ thống thoát nước, bố trí máy bơm tiêu úng khi cần.

@ duong-hu-hong giao-thong FFFFFFRRRR 7
T Tuyến {duong} xuống cấp, nhiều ổ gà nguy hiểm
T Ổ gà, ổ voi trên {duong} đoạn qua {thon}
T Đề nghị sửa chữa mặt đường hư hỏng tại {thon}
T Tuyến {duong} bong tróc, lún sụt gây tai nạn
B Tuyến {duong} đoạn qua {thon} xuống cấp nghiêm trọng, xuất hiện nhiều ổ gà, ổ voi.
B Trời mưa nước đọng thành vũng, người đi xe máy không nhìn thấy ổ gà nên thường xuyên bị ngã.
B Trong tháng qua đã xảy ra {so} vụ tai nạn giao thông tại đoạn đường này.
B Mặt đường bong tróc, đá dăm văng ra khi ô tô chạy qua.
B Tuyến đường này là lối đi duy nhất của học sinh đến {noi}.
B Đơn vị thi công đã vá tạm nhưng chỉ sau vài tuần lại hư hỏng như cũ.
R Đề nghị cơ quan quản lý đường bộ sớm sửa chữa, thảm lại mặt đường.

@ xe-qua-tai giao-thong FFFFFFFRRR 3
T Xe tải trọng lớn chạy qua {thon} làm hỏng đường
T Xe chở đất quá tải gây lún nứt {duong}
T Đề nghị cấm xe trọng tải lớn đi vào đường liên thôn
B Hằng ngày có hàng chục lượt xe tải chở đất, cát chạy qua {thon} với tốc độ cao.
B Nhiều xe chở quá tải khiến mặt đường bê tông nứt vỡ, lún sâu.
B Tuyến đường được thiết kế cho xe dưới 5 tấn nhưng xe trên 20 tấn vẫn lưu thông.
B Xe chạy cả ban đêm gây tiếng ồn và rung nứt tường nhà dân hai bên đường.
B Người dân đã chặn xe để phản đối nhưng chỉ được vài hôm lại đâu vào đấy.
R Đề nghị lực lượng chức năng tăng cường kiểm tra tải trọng xe và lắp biển hạn chế tải trọng.

@ bien-bao giao-thong RRRRRRFFFF 3
T Đề nghị lắp gờ giảm tốc tại {noi}
T Thiếu biển báo giao thông ở đoạn cua nguy hiểm trên {duong}
T Kiến nghị lắp đèn tín hiệu giao thông tại {noi}
B Đoạn đường trước {noi} thường xuyên có học sinh qua lại nhưng không có biển báo.
B Xe cộ chạy tốc độ cao, đã xảy ra nhiều vụ va chạm trong thời gian qua.
B Khúc cua trên {duong} bị cây cối che khuất tầm nhìn.
B Gờ giảm tốc cũ đã bị bào mòn, không còn tác dụng.
B Đèn tín hiệu tại ngã tư bị hỏng {thoigian} nhưng chưa được sửa.
R Đề nghị lắp đặt biển báo, gờ giảm tốc và vạch sơn kẻ đường tại khu vực này.

@ cau-xuong-cap giao-thong FFFFFFRRRR 2
T Cầu {place} xuống cấp, lan can bị gãy
T Đề nghị sửa chữa cầu dân sinh qua {kenh}
T Cầu tạm bắc qua {kenh} hư hỏng nguy hiểm
B Cây cầu dân sinh bắc qua {kenh} được xây dựng từ năm {nam} nay đã xuống cấp nghiêm trọng.
B Lan can hai bên cầu bị gãy nhiều đoạn, mặt cầu nứt, lộ cốt thép.
B Hằng ngày có hàng trăm học sinh và người dân qua lại cây cầu này.
B Vào mùa mưa nước dâng cao, đi qua cầu rất nguy hiểm.
B Chính quyền đã đặt biển cảnh báo nhưng chưa có kế hoạch sửa chữa.
R Đề nghị sớm khảo sát, sửa chữa hoặc xây mới cầu để bảo đảm an toàn cho người dân.

@ via-he xay-dung FFFFFFFRRR 5
T Lấn chiếm vỉa hè kinh doanh trên {duong}
T Vỉa hè {duong} bị chiếm làm nơi để xe
T Đề nghị xử lý tình trạng lấn chiếm vỉa hè trước {noi}
B Nhiều hộ kinh doanh trên {duong} bày bán hàng hóa, kê bàn ghế tràn ra vỉa hè.
B Người đi bộ phải đi xuống lòng đường, rất nguy hiểm, nhất là người già và trẻ em.
B Một số quán còn dựng mái che, biển quảng cáo lấn ra cả lòng đường.
B Vỉa hè trước {noi} bị biến thành bãi trông giữ xe thu tiền.
B Lực lượng trật tự đô thị có ra nhắc nhở nhưng sau đó tình trạng lại tái diễn.
R Đề nghị xử lý dứt điểm, trả lại vỉa hè cho người đi bộ.

@ cho-coc xay-dung FFFFFFFRRR 3
T Chợ tạm họp lấn chiếm lòng đường tại {noi}
T Chợ cóc trên {duong} gây ùn tắc giao thông
T Đề nghị dẹp chợ tự phát trước cổng {noi}
B Mỗi sáng từ 5 giờ đến 9 giờ, người bán hàng bày sạp chiếm gần hết lòng đường {duong}.
B Xe cộ không đi được, thường xuyên ùn tắc nhất là giờ học sinh đến trường.
B Sau khi chợ tan, rác thải, nước bẩn vương vãi khắp mặt đường.
B Chợ {place} đã được xây dựng khang trang nhưng các tiểu thương không vào chợ.
R Đề nghị chính quyền sắp xếp lại, đưa các hộ kinh doanh vào chợ, không để họp chợ dưới lòng đường.

@ xay-dung-trai-phep xay-dung FFFFFFFRRD 5
T Công trình xây dựng không phép tại {ngo} {duong}
T Hộ {nguoi} xây nhà vượt số tầng được cấp phép
T Phản ánh xây dựng trái phép trên đất nông nghiệp tại {thon}
B Hộ {nguoi} đang xây dựng nhà ở tại {thon} nhưng không có giấy phép xây dựng.
B Công trình đã lên {so} tầng, vượt quá số tầng được phép và lấn ra hành lang an toàn giao thông.
B Việc xây dựng được tiến hành cả ban đêm, vào ngày nghỉ để tránh bị kiểm tra.
B Trên đất nông nghiệp ở {thon} xuất hiện nhiều nhà tạm, kho xưởng xây dựng trái phép.
B Người dân đã phản ánh với {chucdanh} nhưng công trình vẫn tiếp tục thi công.
R Đề nghị kiểm tra, đình chỉ thi công và xử lý theo quy định về trật tự xây dựng.

@ nut-nha xay-dung CCCCFFFFRR 2
T Thi công công trình bên cạnh làm nứt nhà dân
T Nhà bị nứt, lún do thi công tầng hầm công trình liền kề
T Đề nghị buộc chủ đầu tư bồi thường thiệt hại nhà bị nứt
B Công trình xây dựng bên cạnh nhà tôi tại {ngo} {duong} thi công từ {ngay}.
B Trong quá trình đóng cọc, ép cọc, tường nhà tôi xuất hiện nhiều vết nứt lớn.
B Sàn nhà bị lún, cửa không đóng được, nước mưa thấm qua các vết nứt.
B Chủ đầu tư chỉ đến xem rồi hẹn nhưng không có phương án khắc phục.
B Thiệt hại ước tính khoảng {tien}.
R Đề nghị cơ quan chức năng tổ chức giám định và buộc chủ đầu tư bồi thường thỏa đáng.

@ vat-lieu-duong xay-dung FFFFFFFFRR 2
T Vật liệu xây dựng đổ tràn ra {duong}
T Cát, đá, gạch tập kết chiếm lòng đường tại {thon}
T Đề nghị xử lý việc đổ trộm phế thải xây dựng tại {noi}
B Cửa hàng vật liệu xây dựng trên {duong} đổ cát, đá, gạch tràn ra lòng đường.
B Vào ban đêm, vật liệu không có đèn cảnh báo, đã có người đi xe máy đâm vào.
B Xe tải xuống hàng chắn ngang đường hàng giờ liền.
B Có người đổ trộm phế thải xây dựng thành đống lớn ven đường gần {noi}.
R Đề nghị lực lượng chức năng kiểm tra và xử lý nghiêm các trường hợp vi phạm.

@ nghia-trang khac RRRRRRFFFC 2
T Nghĩa trang {thon} quá tải, không còn chỗ an táng
T Đề nghị quy hoạch lại nghĩa trang nhân dân {place}
T Mộ phần bị ảnh hưởng khi thi công {duan}
B Nghĩa trang của {thon} đã hết chỗ, người dân phải chôn cất sát khu dân cư.
B Đường vào nghĩa trang là đường đất, mùa mưa lầy lội không đi được.
B Khi thi công {duan}, một số ngôi mộ bị ảnh hưởng nhưng chưa được hỗ trợ di dời.
B Gia đình tôi có {so} ngôi mộ cần cải táng nhưng chưa được bố trí vị trí mới.
R Đề nghị chính quyền quy hoạch lại nghĩa trang và làm đường vào.

@ cay-xanh chieu-sang FFFFFFFRRR 3
T Cây xanh trên {duong} có nguy cơ gãy đổ
T Đề nghị cắt tỉa cây xanh trước {noi} trước mùa mưa bão
T Cây đổ chắn ngang đường {thon} sau cơn giông
B Hàng cây xanh trên {duong} đã lâu năm, nhiều cây bị mục gốc, nghiêng hẳn ra đường.
B Sau trận giông ngày {ngay}, một cây lớn bị bật gốc đổ chắn ngang đường.
B Cành cây vươn ra chạm vào đường dây điện, mỗi khi có gió lại phát ra tia lửa.
B Người dân rất lo lắng khi đi qua, nhất là vào mùa mưa bão.
B Cây đổ đè lên mái nhà của {so} hộ dân nhưng chưa được dọn dẹp.
R Đề nghị đơn vị quản lý cây xanh kiểm tra, cắt tỉa hoặc thay thế cây có nguy cơ gãy đổ.

@ thuoc-bvtv moi-truong FFFFFFFRRR 2
T Vỏ bao bì thuốc bảo vệ thực vật vứt bừa bãi trên đồng ruộng
T Phun thuốc trừ sâu gần nhà dân gây ngộ độc
T Đề nghị xây bể chứa bao bì thuốc bảo vệ thực vật cho {thon}
B Trên các cánh đồng của {thon}, vỏ chai, bao bì thuốc bảo vệ thực vật bị vứt bừa bãi.
B Nhiều vỏ thuốc trôi xuống {kenh}, nơi người dân lấy nước tưới tiêu.
B Một số hộ phun thuốc trừ sâu sát khu dân cư khiến nhiều người bị choáng váng, buồn nôn.
B Các bể chứa bao bì trước đây đã hư hỏng, không được thu gom định kỳ.
R Đề nghị tuyên truyền cho nông dân và bố trí bể chứa, thu gom xử lý bao bì đúng quy định.

@ khai-thac-cat moi-truong FFFFFFRRRD 2
T Khai thác cát trái phép trên {kenh} vào ban đêm
T Tàu hút cát gây sạt lở bờ {kenh}
T Đề nghị xử lý tình trạng khai thác cát lậu gần {thon}
B Nhiều đêm nay, tàu hút cát hoạt động trên {kenh} đoạn qua {thon} từ {gio} đến sáng.
B Tiếng máy nổ ầm ĩ suốt đêm khiến người dân không ngủ được.
B Bờ sông bị khoét sâu, nhiều đoạn đã sạt lở lấn vào đất sản xuất của người dân.
B Người dân lo ngại nhà cửa ven sông sẽ bị cuốn trôi vào mùa lũ.
R Đề nghị lực lượng chức năng tuần tra, bắt giữ và xử lý nghiêm các tàu khai thác cát trái phép.
"""
