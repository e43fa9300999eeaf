"""Petition templates, part two: electricity and water, public facilities,
welfare, health, schools, public order, procedures, officials, other.

Same format as ``corpus_topics_a``.
"""

TEXT = """
@ mat-dien dien-nuoc FFFFFFFRRR 5
T Mất điện thường xuyên tại {thon} không báo trước
T Điện chập chờn, điện áp yếu làm hỏng thiết bị gia đình
T Đề nghị nâng công suất trạm biến áp cho {thon}
B Từ đầu tháng đến nay, {thon} bị mất điện {so} lần, mỗi lần kéo dài nhiều giờ.
B Ngành điện không thông báo lịch cắt điện trước cho người dân.
B Vào giờ cao điểm buổi tối, điện áp rất yếu, bóng đèn chỉ sáng lờ mờ, tủ lạnh không chạy được.
B Nhiều gia đình đã bị hỏng ti vi, máy bơm nước vì điện chập chờn.
B Trạm biến áp của thôn đã quá tải do số hộ dùng điện tăng nhanh.
R Đề nghị điện lực kiểm tra, nâng cấp trạm biến áp và thông báo lịch cắt điện đầy đủ.

@ hoa-don-dien dien-nuoc CCCCFFFFRR 3
T Hóa đơn tiền điện tháng này tăng bất thường
T Đề nghị kiểm tra công tơ điện của gia đình
T Tiền điện tăng gấp đôi dù sử dụng như mọi tháng
B Hóa đơn tiền điện tháng {so} của gia đình tôi là {phi}, cao gấp đôi so với các tháng trước.
B Gia đình chỉ có hai người, thiết bị sử dụng không thay đổi.
B Nhân viên ghi chỉ số không đến ghi trực tiếp mà ước tính.
B Tôi nghi ngờ công tơ điện bị hỏng hoặc ghi sai chỉ số.
B Nhiều hộ khác ở {thon} cũng phản ánh tình trạng tương tự.
R Đề nghị điện lực kiểm tra, kiểm định lại công tơ và điều chỉnh hóa đơn nếu có sai sót.

@ nuoc-sach dien-nuoc RRRRRRRFFF 4
T Đề nghị kéo đường ống nước sạch về {thon}
T Người dân {thon} chưa được dùng nước sạch
T Kiến nghị đầu tư công trình cấp nước sạch cho {sohos}
B Đến nay {thon} vẫn chưa có nước sạch, người dân phải dùng nước giếng khoan nhiễm phèn.
B Nước giếng có mùi tanh, màu vàng, phải lọc nhiều lần mới dùng được.
B Đường ống cấp nước chính chỉ cách thôn khoảng {so} km nhưng chưa được đấu nối.
B Mùa khô giếng cạn, nhiều hộ phải đi mua nước từ nơi khác với giá cao.
B Nhiều người trong thôn mắc các bệnh ngoài da mà người dân nghi do nguồn nước.
R Đề nghị đầu tư kéo đường ống cấp nước sạch về thôn để người dân yên tâm sinh hoạt.

@ nuoc-may dien-nuoc FFFFFFFRRC 4
T Nước máy có màu vàng đục, mùi clo nồng nặc
T Mất nước sinh hoạt kéo dài tại {ngo} {duong}
T Nước sạch yếu, các hộ ở cuối nguồn không có nước dùng
B Từ {ngay}, nước máy cấp cho khu vực {thon} có màu vàng đục, lắng cặn.
B Nước có mùi clo nồng nặc, không thể dùng để nấu ăn.
B Có những ngày mất nước hoàn toàn từ sáng đến tối mà không có thông báo.
B Các hộ ở cuối tuyến ống áp lực nước rất yếu, phải bơm trữ vào ban đêm.
B Gia đình vẫn phải trả tiền nước đầy đủ dù chất lượng không bảo đảm.
R Đề nghị công ty cấp nước kiểm tra chất lượng nước và khắc phục sự cố đường ống.

@ day-dien dien-nuoc FFFFFFFRRR 2
T Dây điện võng thấp qua {thon} nguy hiểm
T Cột điện nghiêng sắp đổ trên {duong}
T Đề nghị bó gọn dây cáp viễn thông chằng chịt tại {ngo} {duong}
B Đường dây điện hạ thế chạy qua {thon} bị võng thấp, xe chở hàng đi qua thường xuyên vướng.
B Cột điện bê tông bị nghiêng hẳn sau mưa bão, chân cột bị xói lở.
B Dây cáp viễn thông chằng chịt, nhiều đoạn rơi xuống sát mặt đường.
B Vào những ngày mưa, có chỗ dây điện phát ra tia lửa rất nguy hiểm.
B Người dân đã báo cho điện lực nhưng chưa thấy xuống kiểm tra.
R Đề nghị đơn vị quản lý khẩn trương khắc phục trước khi xảy ra tai nạn.

@ den-duong chieu-sang FFFFFFFFRR 6
T Đèn đường {ngo} {duong} hỏng nhiều ngày chưa được sửa
T Đề nghị lắp đèn chiếu sáng cho tuyến đường qua {thon}
T Hệ thống chiếu sáng trên {duong} không hoạt động
T Đèn đường bật tắt không đúng giờ tại {thon}
B Toàn bộ {so} bóng đèn chiếu sáng trên {duong} đoạn qua {thon} đã tắt {thoigian} nay.
B Buổi tối đường tối om, người dân đi lại rất khó khăn, tiềm ẩn nguy cơ trộm cắp.
B Có nhiều cột đèn bị nghiêng, chao đèn rơi xuống đất.
B Tuyến đường dài hơn {so} km nhưng chưa có đèn chiếu sáng công cộng.
B Đèn đường có hôm sáng cả ngày, có hôm lại không bật vào buổi tối.
B Người dân sẵn sàng đóng góp kinh phí nếu xã có chủ trương lắp đặt.
R Đề nghị đơn vị quản lý chiếu sáng công cộng sớm kiểm tra, sửa chữa.

@ nha-van-hoa chieu-sang RRRRRRFFFF 3
T Nhà văn hóa {thon} xuống cấp nghiêm trọng
T Đề nghị sửa chữa nhà văn hóa để người dân sinh hoạt cộng đồng
T Nhà văn hoá {thon} bị sử dụng sai mục đích
B Nhà văn hóa của {thon} được xây dựng từ năm {nam}, nay mái dột, tường nứt.
B Mỗi khi họp thôn vào mùa mưa, người dân phải che ô ngồi họp.
B Trang thiết bị như loa, bàn ghế đã hư hỏng gần hết.
B Khuôn viên nhà văn hóa bị một số hộ tận dụng làm nơi tập kết hàng hóa.
R Đề nghị xã hỗ trợ kinh phí sửa chữa để nhà văn hóa phát huy hiệu quả.

@ san-choi chieu-sang RRRRRRRFFF 2
T Kiến nghị xây dựng sân chơi cho trẻ em tại {thon}
T Thiếu điểm vui chơi, tập thể dục cho người dân {thon}
T Dụng cụ tập thể dục ngoài trời ở {noi} bị hỏng
B Khu dân cư {thon} có hàng trăm trẻ em nhưng không có sân chơi nào.
B Trẻ em phải ra đường hoặc bờ ao chơi đùa, rất nguy hiểm.
B Dụng cụ thể dục ngoài trời lắp đặt ở {noi} đã gãy, hoen gỉ.
B Khu đất trống cạnh nhà văn hóa có thể cải tạo thành sân chơi.
R Đề nghị xã quan tâm đầu tư sân chơi, sân tập thể thao cho người dân.

@ tro-cap an-sinh CCCFFFFRRR 4
T Chậm chi trả trợ cấp xã hội cho người khuyết tật
T Mẹ tôi {tuoi} tuổi chưa được hưởng trợ cấp người cao tuổi
T Đề nghị xem xét trợ cấp bảo trợ xã hội cho hộ {nguoi}
B Mẹ tôi năm nay {tuoi} tuổi, sống một mình tại {thon} và không có lương hưu.
B Gia đình đã làm hồ sơ đề nghị hưởng trợ cấp xã hội từ {ngay} nhưng chưa được giải quyết.
B Em tôi là người khuyết tật nặng nhưng tiền trợ cấp {thoigian} nay chưa được chi trả.
B Cán bộ văn hóa – xã hội nói hồ sơ còn thiếu giấy xác nhận mức độ khuyết tật.
B Việc chi trả qua tài khoản thường xuyên chậm, có tháng không nhận được.
R Đề nghị xã kiểm tra và giải quyết chế độ trợ cấp đúng quy định.

@ ho-ngheo an-sinh CCCCFFFRRR 3
T Bình xét hộ nghèo ở {thon} không công khai, minh bạch
T Gia đình khó khăn nhưng không được công nhận hộ cận nghèo
T Đề nghị rà soát lại danh sách hộ nghèo năm {nam}
B Việc bình xét hộ nghèo, hộ cận nghèo tại {thon} không tổ chức họp dân công khai.
B Một số hộ có nhà cao cửa rộng, có ô tô vẫn có tên trong danh sách hộ nghèo.
B Gia đình tôi chồng bị bệnh nặng, không có thu nhập ổn định nhưng không được xét.
B Danh sách không được niêm yết tại nhà văn hóa như quy định.
R Đề nghị rà soát lại, công khai danh sách và tiêu chí bình xét hộ nghèo.

@ nguoi-co-cong an-sinh RRRRRCCCFF 2
T Đề nghị xem xét chế độ cho người có công với cách mạng
T Hồ sơ đề nghị công nhận thương binh của cha tôi bị thất lạc
T Chưa được hưởng chế độ trợ cấp thờ cúng liệt sĩ
B Cha tôi là {nguoi}, tham gia kháng chiến và bị thương năm 1972.
B Gia đình đã nộp hồ sơ đề nghị hưởng chế độ người có công từ năm {nam}.
B Đến nay hồ sơ không rõ đang ở đâu, cán bộ mới không nắm được quá trình.
B Gia đình thờ cúng liệt sĩ nhưng chưa nhận được trợ cấp thờ cúng hằng năm.
R Đề nghị cơ quan chức năng kiểm tra, giải quyết để cha tôi được hưởng chế độ khi còn sống.

@ nha-tam an-sinh RRRRRRRFFC 2
T Đề nghị hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo
T Hộ {nguoi} nhà dột nát chưa được hỗ trợ làm nhà
T Chưa nhận được tiền hỗ trợ xây nhà theo chương trình xóa nhà tạm
B Gia đình {nguoi} ở {thon} thuộc diện hộ nghèo, đang ở trong căn nhà tạm lợp tôn đã mục.
B Mỗi khi mưa bão, cả nhà phải sang nhờ hàng xóm.
B Gia đình đã được đưa vào danh sách hỗ trợ xóa nhà tạm nhưng chưa nhận được tiền.
B Mức hỗ trợ {tien} không đủ để xây nhà, gia đình cần được vay vốn ưu đãi thêm.
R Đề nghị xã quan tâm, đẩy nhanh việc hỗ trợ để gia đình có nơi ở ổn định.

@ bhyt y-te FFFFFRRRCC 4
T Chưa được cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi
T Thẻ bảo hiểm y tế của người cao tuổi bị ghi sai thông tin
T Đề nghị gia hạn thẻ bảo hiểm y tế hộ cận nghèo
T Bị từ chối thanh toán bảo hiểm y tế khi khám trái tuyến
B Con tôi sinh {ngay}, đã làm giấy khai sinh nhưng chưa được cấp thẻ bảo hiểm y tế.
B Thẻ bảo hiểm y tế của mẹ tôi bị ghi sai năm sinh nên khi đi khám bị yêu cầu điều chỉnh.
B Gia đình thuộc diện hộ cận nghèo nhưng thẻ bảo hiểm y tế hết hạn từ {ngay} chưa được gia hạn.
B Khi đi khám ở bệnh viện tỉnh, gia đình phải tự chi trả {tien} vì bị cho là trái tuyến.
B Cán bộ xã hướng dẫn lên bảo hiểm xã hội, lên đó lại được hướng dẫn về xã.
R Đề nghị cơ quan bảo hiểm xã hội kiểm tra, cấp và điều chỉnh thẻ kịp thời.

@ tram-y-te y-te FFFFFFRRRR 3
T Trạm y tế {xa} thiếu thuốc điều trị bệnh mãn tính
T Trạm y tế không có bác sĩ trực vào ban đêm
T Đề nghị bổ sung trang thiết bị cho trạm y tế xã
B Người bệnh huyết áp, tiểu đường đến trạm y tế lĩnh thuốc thường xuyên bị hẹn vì hết thuốc.
B Ban đêm trạm y tế chỉ có một nhân viên trực, không có bác sĩ.
B Trang thiết bị y tế cũ kỹ, máy đo đường huyết, máy xét nghiệm đều hỏng.
B Người bệnh phải đi hơn {so}0 km lên bệnh viện tuyến trên để khám.
R Đề nghị bố trí đủ thuốc bảo hiểm y tế và tăng cường bác sĩ cho trạm y tế.

@ attp y-te FFFFFFFRRD 3
T Phản ánh cơ sở bán thực phẩm không rõ nguồn gốc tại {noi}
T Học sinh bị đau bụng sau khi ăn tại quán trước cổng trường
T Đề nghị kiểm tra an toàn thực phẩm tại {noi}
B Một số hàng quán trước cổng {noi} bán đồ ăn vặt không rõ nguồn gốc, không có nhãn mác.
B Sau bữa ăn ngày {ngay}, nhiều học sinh có biểu hiện đau bụng, nôn ói.
B Thịt lợn bán ở chợ không có dấu kiểm dịch, có mùi lạ.
B Cơ sở chế biến thực phẩm gần {thon} mất vệ sinh, nước thải chảy lênh láng.
R Đề nghị đoàn kiểm tra an toàn thực phẩm của xã kiểm tra và xử lý nghiêm.

@ sot-xuat-huyet y-te RRRRRRFFFF 2
T Đề nghị phun thuốc diệt muỗi phòng sốt xuất huyết tại {thon}
T Nhiều ca sốt xuất huyết ở {thon} nhưng chưa được phun thuốc
T Ao tù, nước đọng là nơi muỗi sinh sản ở {thon}
B Trong tháng qua, {thon} đã có {so} trường hợp mắc sốt xuất huyết phải nhập viện.
B Quanh khu dân cư có nhiều ao tù, vũng nước đọng, muỗi phát triển rất nhiều.
B Đến nay chưa thấy trạm y tế tổ chức phun thuốc diệt muỗi hay tuyên truyền phòng bệnh.
B Người dân lo lắng vì trong nhà có người già và trẻ nhỏ.
R Đề nghị y tế xã sớm phun thuốc, phát động chiến dịch vệ sinh diệt lăng quăng.

@ khoan-thu giao-duc FFFFFFCCRR 3
T Trường thu các khoản ngoài quy định đầu năm học
T Phản ánh thu quỹ phụ huynh quá cao tại trường Tiểu học {place}
T Đề nghị công khai các khoản thu, chi của nhà trường
B Đầu năm học, trường Tiểu học {place} thu của mỗi học sinh gần {so} triệu đồng gồm nhiều khoản.
B Nhiều khoản như tiền máy lọc nước, tiền máy điều hòa, tiền vệ sinh không rõ căn cứ.
B Ban đại diện cha mẹ học sinh tự đặt ra mức thu mà không họp bàn với phụ huynh.
B Học phí được miễn nhưng các khoản thu khác lại tăng so với năm trước.
B Gia đình tôi có hai con đi học nên rất khó khăn.
R Đề nghị phòng giáo dục kiểm tra, yêu cầu nhà trường công khai các khoản thu, chi.

@ truong-lop giao-duc RRRRRRFFFF 3
T Phòng học trường {place} xuống cấp, nứt tường
T Đề nghị xây thêm phòng học cho trường THCS {place}
T Nhà vệ sinh của trường học bị hư hỏng, mất vệ sinh
B Dãy phòng học của điểm trường {place} được xây từ năm {nam}, tường nứt, trần bong tróc.
B Mỗi khi mưa to, nước dột vào lớp, học sinh phải dồn sang một bên để ngồi học.
B Nhà vệ sinh của trường hư hỏng, không có nước, học sinh phải nhịn đi vệ sinh.
B Sĩ số mỗi lớp lên tới 45 học sinh vì không đủ phòng học.
R Đề nghị đầu tư sửa chữa, xây thêm phòng học để bảo đảm an toàn cho học sinh.

@ mam-non giao-duc RRRRRRRFFF 2
T Thiếu chỗ học cho trẻ mầm non tại {xa}
T Đề nghị mở thêm lớp mầm non tại điểm trường {thon}
T Trẻ 5 tuổi không được nhận vào trường mầm non công lập
B Năm học này, con tôi đủ tuổi nhưng không được nhận vào trường mầm non công lập gần nhà.
B Nhà trường nói đã hết chỉ tiêu, phải chờ năm sau.
B Các nhóm trẻ tư thục gần nhà thu học phí cao, cơ sở vật chất không bảo đảm.
B Điểm trường mầm non ở {thon} đã bị sáp nhập, trẻ phải đi học xa hơn {so} km.
R Đề nghị mở thêm lớp hoặc hỗ trợ các nhóm trẻ đủ điều kiện để con em được đi học.

@ karaoke an-ninh FFFFFFFFRR 5
T Hát karaoke gây ồn ào đến khuya tại {thon}
T Ô nhiễm tiếng ồn từ quán karaoke trên {duong}
T Loa kẹo kéo mở hết công suất làm mất ngủ cả xóm
T Đề nghị xử lý tiếng ồn karaoke sau {gio}
B Hộ {nguoi} ở {thon} thường xuyên hát karaoke với âm lượng rất lớn đến {gio}.
B Quán karaoke trên {duong} hoạt động quá giờ quy định, tiếng nhạc vọng ra cả khu phố.
B Nhiều nhà dùng loa kẹo kéo công suất lớn hát từ sáng đến tối, cả ngày nghỉ lẫn ngày thường.
B Người già, người bệnh và học sinh không thể nghỉ ngơi, học bài.
B Khi nhắc nhở thì chủ nhà còn có thái độ thách thức.
R Đề nghị công an xã kiểm tra, xử phạt hành vi gây ồn ào theo quy định.

@ cho-tha-rong an-ninh FFFFFFFRRR 3
T Chó thả rông không rọ mõm trên {duong}
T Chó thả rông cắn người tại {thon}
T Đề nghị xử lý tình trạng nuôi chó không tiêm phòng dại
B Nhiều hộ ở {thon} nuôi chó nhưng thả rông ra đường, không đeo rọ mõm.
B Ngày {ngay}, một cháu bé {so} tuổi bị chó cắn phải đi tiêm phòng dại.
B Chó phóng uế bừa bãi trên vỉa hè, nơi sinh hoạt chung.
B Người đi xe máy bị chó đuổi, đã có người ngã xe.
B Nhiều con chó chưa được tiêm phòng dại.
R Đề nghị chính quyền tuyên truyền và xử phạt các chủ nuôi chó thả rông.

@ trom-cap an-ninh FFFFFFRRRR 3
T Trộm cắp xe máy xảy ra liên tiếp tại {thon}
T Tình trạng trộm cắp tài sản ban đêm ở {thon} gia tăng
T Đề nghị tăng cường tuần tra an ninh tại {noi}
B Trong {thoigian} qua, {thon} đã xảy ra {so} vụ mất trộm xe máy, gia súc.
B Kẻ gian lợi dụng đêm tối, đường không có đèn để đột nhập nhà dân.
B Nhiều gia đình bị trộm bẻ khóa lấy tài sản khi đi vắng.
B Người dân lo lắng, phải thay nhau thức canh.
R Đề nghị công an xã tăng cường tuần tra, lắp camera an ninh tại các điểm đầu thôn.

@ dua-xe an-ninh FFFFFFFRRR 2
T Thanh niên tụ tập đua xe trái phép trên {duong}
T Nhóm thanh niên nẹt pô, lạng lách lúc nửa đêm
B Vào các tối cuối tuần, nhóm thanh niên tụ tập đua xe trên {duong} từ {gio}.
B Xe được độ chế, nẹt pô inh ỏi, lạng lách đánh võng nguy hiểm.
B Người dân đi đường phải tránh vào lề, nhiều người suýt bị tông.
B Có hôm các nhóm còn mang theo hung khí gây mất an ninh trật tự.
R Đề nghị lực lượng công an có biện pháp ngăn chặn, xử lý dứt điểm.

@ chay-no an-ninh FFFFFFFRRR 2
T Cơ sở kinh doanh gas trong khu dân cư không bảo đảm phòng cháy
T Nguy cơ cháy nổ từ {coso} sát nhà dân
T Đề nghị kiểm tra phòng cháy chữa cháy tại {noi}
B Cửa hàng kinh doanh gas nằm giữa khu dân cư {thon} chứa hàng trăm bình gas.
B Cơ sở không có bình chữa cháy, lối thoát hiểm bị hàng hóa chắn hết.
B Dây điện trong xưởng đấu nối tạm bợ, đã từng xảy ra chập điện.
B Khu vực này đường nhỏ, xe chữa cháy không vào được nếu xảy ra sự cố.
R Đề nghị cơ quan phòng cháy chữa cháy kiểm tra và yêu cầu cơ sở khắc phục.

@ thu-tuc-cham thu-tuc CCCFFFFRRR 4
T Hồ sơ trễ hẹn nhưng không có văn bản xin lỗi
T Bộ phận một cửa {xa} giải quyết hồ sơ chậm
T Phải đi lại nhiều lần để bổ sung hồ sơ
B Tôi nộp hồ sơ tại bộ phận một cửa của {xa} ngày {ngay}.
B Đến hẹn trả kết quả nhưng cán bộ báo hồ sơ chưa xong và hẹn lại thêm {thoigian}.
B Mỗi lần đến lại được yêu cầu bổ sung một loại giấy tờ khác nhau.
B Theo quy định, hồ sơ trễ hẹn phải có văn bản xin lỗi và hẹn lại, nhưng tôi không nhận được.
B Việc đi lại nhiều lần làm tôi mất nhiều ngày công lao động.
R Đề nghị chỉ đạo bộ phận một cửa giải quyết đúng hạn và hướng dẫn đầy đủ ngay từ đầu.

@ dich-vu-cong thu-tuc FFFFFFRRRR 3
T Không nộp được hồ sơ trên Cổng dịch vụ công
T Dịch vụ công trực tuyến báo lỗi khi thanh toán lệ phí
T Đề nghị hướng dẫn nộp hồ sơ trực tuyến cho người cao tuổi
B Tôi nộp hồ sơ đăng ký khai sinh trên Cổng dịch vụ công nhưng hệ thống báo lỗi liên tục.
B Sau khi thanh toán lệ phí trực tuyến, tài khoản đã bị trừ tiền nhưng hồ sơ vẫn chưa được tiếp nhận.
B Người cao tuổi không biết sử dụng điện thoại thông minh nên rất khó nộp hồ sơ trực tuyến.
B Gọi tổng đài hỗ trợ nhiều lần nhưng không ai nghe máy.
R Đề nghị bố trí cán bộ hướng dẫn trực tiếp tại bộ phận một cửa.

@ ho-tich thu-tuc FFFFRRRRCC 3
T Chậm cấp bản sao trích lục khai sinh
T Chứng thực giấy tờ phải chờ đợi lâu tại {xa}
T Thông tin trên cơ sở dữ liệu dân cư bị sai chưa được điều chỉnh
B Tôi đến {xa} làm thủ tục chứng thực bản sao và phải chờ từ sáng đến trưa.
B Chỉ có một cán bộ tư pháp – hộ tịch làm việc nên người dân phải xếp hàng dài.
B Hồ sơ xin trích lục khai sinh của con tôi nộp từ {ngay} đến nay chưa có.
B Thông tin trên cơ sở dữ liệu dân cư bị sai họ tên, cần điều chỉnh nhưng chưa được hướng dẫn.
R Đề nghị bố trí thêm cán bộ và công khai thời gian giải quyết từng thủ tục.

@ can-bo can-bo CCCCCFFFRD 3
T Cán bộ tiếp dân có thái độ thiếu tôn trọng
T Phản ánh cán bộ {xa} gây phiền hà, sách nhiễu người dân
T Cán bộ không làm việc đúng giờ tại bộ phận một cửa
B Khi tôi đến bộ phận một cửa hỏi về hồ sơ, cán bộ trả lời cộc lốc, không hướng dẫn.
B Cán bộ yêu cầu phải nộp thêm tiền "bồi dưỡng" thì hồ sơ mới được giải quyết nhanh.
B Giờ hành chính nhưng nhiều lúc không có cán bộ ngồi tại bàn tiếp nhận.
B Tôi đã phản ánh với {chucdanh} nhưng không thấy chuyển biến.
R Đề nghị lãnh đạo xã chấn chỉnh, xử lý nghiêm cán bộ vi phạm.

@ phi-cho khac FFFFCCCRRR 2
T Ban quản lý chợ {place} thu phí sai quy định
T Tiểu thương chợ {place} phản đối việc tăng giá thuê sạp
T Đề nghị sửa chữa mái che chợ {place} bị dột
B Ban quản lý chợ {place} tự ý tăng phí thuê sạp lên gấp đôi mà không thông báo trước.
B Các khoản thu không có biên lai, hóa đơn.
B Mái che của chợ bị dột nhiều chỗ, mùa mưa hàng hóa bị ướt hết.
B Hệ thống phòng cháy của chợ đã hỏng, bình chữa cháy hết hạn.
R Đề nghị xã kiểm tra việc thu phí và sửa chữa chợ.

@ bao-hiem-xa-hoi an-sinh FFFFRRRRCC 2
T Chậm giải quyết chế độ hưu trí cho người lao động
T Doanh nghiệp nợ bảo hiểm xã hội, người lao động không được chốt sổ
B Tôi làm việc tại {coso} từ năm {nam} và đã nghỉ việc.
B Công ty trích tiền bảo hiểm xã hội hằng tháng từ lương nhưng không đóng cho cơ quan bảo hiểm.
B Vì công ty nợ bảo hiểm nên tôi không được chốt sổ để hưởng trợ cấp thất nghiệp.
B Hồ sơ đề nghị hưởng lương hưu của cha tôi nộp đã lâu nhưng chưa có quyết định.
R Đề nghị cơ quan chức năng can thiệp để bảo vệ quyền lợi của người lao động.

@ thuy-loi khac RRRRRRFFFF 3
T Kênh thủy lợi bồi lấp, ruộng lúa {thon} thiếu nước tưới
T Đề nghị nạo vét kênh mương nội đồng trước vụ gieo cấy
T Cống thuỷ lợi hư hỏng, nước mặn tràn vào ruộng
B Kênh thủy lợi dẫn nước vào cánh đồng {thon} bị bồi lấp, cỏ mọc kín lòng kênh.
B Vụ này nhiều hộ không có nước để gieo cấy, phải bơm tát rất tốn kém.
B Cống điều tiết bị hư hỏng, cánh cửa cống không đóng kín.
B Khi triều cường, nước mặn tràn vào làm cháy lúa của {sohos}.
R Đề nghị hợp tác xã và xã sớm nạo vét kênh, sửa chữa cống trước vụ sản xuất.
"""
