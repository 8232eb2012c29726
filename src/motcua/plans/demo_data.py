"""The appendix of Plan No. 1186/KH-SKHĐT, row by row as printed, numbering quirks included
(two tasks numbered 1.1, no 1.6, "110" for 1.10, a second 1.8 after 2.4).

A heading row is ("H", number, title, level); a task row is (number, content, expected result,
schedule, method, lead unit code, co-operating unit codes). Paragraphs and list items of the
printed cells are kept as lines; a cell broken over a page is joined back."""

# Tasks the Office leads with every other unit of the Department.
EVERY_OTHER_UNIT = (
    "dang-ky-kinh-doanh",
    "xuc-tien-dau-tu",
    "kinh-te-doi-ngoai",
    "dau-thau",
    "tong-hop-quy-hoach",
    "kinh-te-nganh",
    "khoa-giao-van-xa",
    "thanh-tra",
    "mot-cua",
)

ROWS = [
    ("H", "I", "NÂNG CAO CHỈ SỐ HÀI LÒNG", 1),
    (
        "H",
        "1.",
        "Đối với người dân, doanh nghiệp thực hiện thủ tục hành chính tại sở và trực tuyến mức độ 3, 4",
        2,
    ),
    (
        "1.1",
        "Phối hợp rà soát, cập nhật đầy đủ, kịp thời, chính xác thông tin, quy trình giải quyết TTHC "
        "của Sở lên Trung tâm Dịch vụ hành chính công trực tuyến của tỉnh",
        "Cải thiện Chỉ số Tiếp cận dịch vụ và Chỉ số Thủ tục hành chính",
        "Từ Quý I",
        "Văn phòng Sở chủ trì, phối hợp với các phòng, Trung tâm có thủ tục hành chính lập hồ sơ, cập "
        "nhật đầy đủ, kịp thời, chính xác thông tin, quy trình giải quyết TTHC trên Trung tâm Dịch vụ "
        "hành chính công trực tuyến tỉnh.",
        "van-phong",
        ("dang-ky-kinh-doanh", "mot-cua"),
    ),
    (
        "1.2",
        "Hỗ trợ, hướng dẫn cá nhân, tổ chức thực hiện TTHC trực tiếp tại sở, thực hiện trực tuyến trên "
        "Cổng Dịch vụ hành chính công trực tuyến tỉnh, Hệ thống quản lý đăng ký kinh doanh của Bộ Kế "
        "hoạch và Đầu tư; Tiếp tục hỗ trợ, hướng dẫn khách hàng trong tiếp cận dịch vụ hành chính công "
        "trực tuyến, thanh toán trực tuyến, bưu chính công ích.",
        "Cải thiện Chỉ số Tiếp cận dịch vụ và Chỉ số Sự phục vụ của các bộ, công chức",
        "Từ Quý I",
        "- Phòng Đăng ký kinh doanh xây dựng dữ liệu bao gồm: quy trình thủ tục hành chính, thành phần "
        "hồ sơ, biểu mẫu, phí, lệ phí và các thông tin liên quan của các thủ tục hành chính thuộc phạm "
        "vi quản lý, thực hiện của đơn vị, gửi Bộ phận Quảng trị mạng – Văn phòng Sở tiến hành cập nhật "
        "tại chuyên mục Sổ Tay hướng dẫn doanh nghiệp trên Trang thông tin điện tử của Sở. - Bộ phận "
        "Một cửa Sở, Phòng Đăng ký kinh doanh tích cực hướng dẫn, hỗ trợ người dân và doanh nghiệp thực "
        "hiện TTHC đối với các lĩnh vực phụ trách khi được liên hệ qua điện thoại và các phương tiện "
        "trao đổi khác. Bộ phận đường dây nóng Văn phòng Sở hướng dẫn, giải đáp, trả lời kịp thời những "
        "khó khăn, vướng mắc của người dân, doanh nghiệp khi thực hiện thủ tục hành chính thông qua các "
        "kênh tiếp nhận; cập nhật đầy đủ các câu hỏi, nội dung trả lời lên Trang thông tin điện tử của "
        "Sở, chuyên mục Đồng hành cùng doanh nghiệp – Cổng thông tin điện tử của tỉnh để người dân, "
        "doanh nghiệp tham khảo khi thực hiện.\n"
        "- Chi đoàn Sở lên kế hoạch định kỳ, tổ chức “Ngày thứ bảy tình nguyện hướng dẫn người dân, "
        "doanh nghiệp thực hiện thủ tục hành chính.”",
        "dang-ky-kinh-doanh",
        ("mot-cua", "van-phong"),
    ),
    (
        "1.3",
        "- Tiếp tục rà soát, đề xuất phương án đơn giản hóa TTHC, giảm số lượng giấy tờ, thời gian giải "
        "quyết;\n"
        "- Tiếp tục hỗ trợ dịch vụ công cho khách hàng ngay từ hồ sơ đầu vào để hạn chế tình trạng yêu "
        "cầu bổ sung hồ sơ hoặc từ chối giải quyết hồ sơ khi đã tiếp nhận",
        "Cải thiện Chỉ số Thủ tục hành chính, chỉ số Sự phục vụ của cán bộ, công chức",
        "Quý II",
        "- Văn phòng Sở tiếp tục rà soát, đơn giản hóa các TTHC theo lĩnh vực được ban hành kèm theo Kế "
        "hoạch kiểm soát TTHC năm 2022 của Sở;\n"
        "- Cán bộ Một cửa phối hợp với công chức phòng chuyên môn, bộ phận Một cửa phòng Đăng ký kinh "
        "doanh thực hiện kiểm tra, hướng dẫn khách hàng ngay từ hồ sơ đầu vào để hạn chế tình trạng sai "
        "sót.",
        "van-phong",
        ("mot-cua", "dang-ky-kinh-doanh"),
    ),
    (
        "1.4",
        "Tiếp tục cập nhật, phổ biến, hướng dẫn kịp thời các thông tin về cơ chế, chính sách mới, những "
        "thay đổi của ngành, lĩnh vực,.. để người dân, doanh nghiệp kịp thời nắm bắt, thực hiện đúng "
        "quy định",
        "Cải thiện Chỉ số Tiếp cận dịch vụ",
        "Từ Quý I",
        "- Ban Biên tập Trang TTĐT cập nhật kịp thời các quy định về TTHC, các thông tin về cơ chế, "
        "chính sách mới, những thay đổi của ngành, lĩnh vực,.. trên Trang TTĐT của Sở; - Các phòng, đơn "
        "vị cung cấp thông tin gửi Ban Biên tập cập nhật; hướng dẫn doanh nghiệp thực hiện các cơ chế, "
        "chính sách mới của ngành, lĩnh vực được phân công.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.5",
        "Thực hiện nghiêm túc các quy định của UBND tỉnh về thực hiện cơ chế một cửa, một cửa liên "
        "thông trong giải quyết các TTHC thuộc thẩm quyền giải quyết của Sở",
        "Cải thiện Chỉ số Sự phục vụ của các bộ, công chức và Chỉ số Kết quả, tiến độ giải quyết công "
        "việc",
        "Trong năm",
        "- Bộ phận Một cửa hướng dẫn khách hàng hoàn thiện hồ sơ bằng Phiếu hướng dẫn; cập nhật đầy đủ "
        "thông tin hồ sơ TTHC của khách hàng.\n"
        "- Cán bộ thuộc tổ Một cửa thực hiện văn bản thông báo đề nghị bổ sung hồ sơ hoặc từ chối giải "
        "quyết hồ sơ,.. theo quy định; cập nhật quá trình giải quyết hồ sơ và các văn bản, tài liệu "
        "phát sinh qua từng bước xử lý của quy trình trên phần mềm Một cửa điện tử;\n"
        "- Văn thư cập nhật kết quả giải quyết hồ sơ TTHC của công dân tại bước phát hành văn bản để "
        "tạo lập cơ sở dữ liệu đồng bộ với hồ sơ giấy.\n"
        "- Trường hợp các cơ quan, đơn vị được lấy ý kiến chậm trễ trong việc tham gia ý kiến, đồng "
        "thời còn thời gian xử lý thủ tục hành chính, cán bộ xử lý thủ tục hành chính phải có văn bản "
        "đôn đốc các đơn vị thực hiện, trường hợp đã có văn bản đôn đốc 02 lần mà vẫn chưa nhận được "
        "văn bản góp ý hoặc chưa nhận được văn bản góp ý của các đơn vị và đồng thời đã hết thời gian "
        "xử lý thủ tục hành chính thì phải báo cáo UBND tỉnh chỉ đạo, giải quyết.",
        "mot-cua",
        ("van-phong",),
    ),
    ("H", "2.", "Về cơ sở vật chất và sự phục vụ của cán bộ, công chức", 2),
    (
        "2.1",
        "Báo cáo kết quả thực hiện công tác CCHC, kết quả giải quyết TTHC và đánh giá, nhận xét cán bộ, "
        "công chức tham gia quy trình giải quyết TTHC trên phần mềm Một cửa điện tử trong cuộc họp giao "
        "ban hằng tháng",
        "Cải thiện Chỉ số Kết quả, tiến độ giải quyết công việc",
        "Từ Tháng 01",
        "- Văn phòng Sở rà soát nhiệm vụ, xây dựng nội công tác CCHC báo cáo phục vụ cuộc họp giao ban "
        "định kỳ hằng tháng và đề xuất giải quyết các tiêu chí, nội dung chưa đạt, chưa hoàn thành;\n"
        "- Các phòng, Trung tâm giải trình và đưa ra các phương án giải quyết đối với các tiêu chí, nội "
        "dung chưa đạt, chưa hoàn thành.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "2.2",
        "Tiếp tục cải thiện không gian làm việc, trang thiết bị tại Bộ phận một cửa phục vụ khách hàng "
        "theo tình hình thực tế phát sinh.",
        "Cải thiện Chỉ số Điều kiện tiếp đón và phục vụ và Chỉ số Tiếp cận dịch vụ",
        "Thường xuyên",
        "- Văn phòng Sở thường xuyên vệ sinh không gian, bổ sung trang thiết bị cần thiết phục vụ khách "
        "hàng tại Bộ phận một cửa;\n"
        "- Phòng Đăng ký kinh doanh rà soát trang thiết bị phục vụ khách hàng, đối với trang thiết bị "
        "cần phải sửa chữa, thay thế hoặc trang bị mới thì đề xuất Văn phòng Sở tham mưu Lãnh đạo Sở "
        "phê duyệt.",
        "van-phong",
        ("dang-ky-kinh-doanh",),
    ),
    (
        "2.3",
        "- Tiếp tục phát huy tinh thần, thái độ phục vụ Nhân dân. Hạn chế sử dụng điện thoại, làm việc "
        "riêng khi đang tiếp nhận hồ sơ của khách hàng. - Trường hợp cán bộ, công chức có hành vi không "
        "đúng mực hoặc những nhiều, bị khách hàng nêu đích danh hoặc có tên trong đơn tố cáo, kiến "
        "nghị,.. sẽ bị cơ quan xem xét, xử lý theo quy định.",
        "Cải thiện Chỉ số Sự phục vụ của các bộ, công chức",
        "Trong năm",
        "- Bộ phận Một cửa, phòng Đăng ký kinh doanh và công chức phòng chuyên môn phát huy tốt hơn nữa "
        "tinh thần, thái độ phục vụ khách hàng; - Toàn thể cán bộ, công chức, viên chức thực hiện tốt "
        "văn hóa công vụ, không vi phạm kỷ luật kỷ cương hành chính.",
        "mot-cua",
        ("dang-ky-kinh-doanh",),
    ),
    ("H", "II.", "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", 1),
    ("H", "1", "Nội dung hạn chế của năm 2021", 2),
    (
        "1.1",
        "Hoàn thành các nhiệm vụ đã đặt ra trong kế hoạch CCHC năm 2022",
        "Mức độ hoàn thành Kế hoạch CCHC",
        "Trong năm 2022",
        "Văn phòng Sở chủ trì, đôn đốc, nhắc nhở các phòng, Trung tâm được giao nhiệm vụ thực hiện đúng "
        "đúng tiến độ theo kế hoạch.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.1",
        "Thực hiện chế độ báo cáo CCHC định kỳ",
        "Đáp ứng đầy đủ về số lượng, nội dung và đúng thời gian theo hướng dẫn",
        "Trong năm 2022",
        "Cán bộ được giao nhiệm vụ báo cáo công tác CCHC định kỳ thường xuyên theo dõi, tổng hợp tình "
        "hình, kết quả thực hiện đối với các nội dung được phân công chủ trì trong Kế hoạch CCHC tỉnh, "
        "đồng thời lưu ý báo cáo đúng thời gian quy định.",
        "van-phong",
        (),
    ),
    (
        "1.2",
        "Ban hành quy chế làm việc của cơ quan sau khi sắp xếp lại cơ cấu tổ chức",
        "Quyết định ban hành quy chế làm việc của cơ quan sau khi sắp xếp lại cơ cấu tổ chức",
        "Trong Quý I/2022",
        "Giám đốc Sở đã có Quyết định số 54/QĐ-SKHĐT ngày 07/12/2021 ban hành Quy chế làm việc của Sở "
        "Kế hoạch và Đầu tư tỉnh Khánh Hòa",
        "van-phong",
        (),
    ),
    (
        "1.3",
        "Rà soát, cập nhật và chỉ đạo xây dựng quy chế tổ chức và hoạt động của đơn vị sự nghiệp công "
        "lập theo quy định tại Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 quy định về cơ chế tự chủ của "
        "đơn vị sự nghiệp công lập",
        "Quy chế tổ chức và hoạt động của đơn vị mình theo quy định tại Nghị định số 60/2021/NĐ-CP ngày "
        "21/6/2021 của Chính phủ đối với Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp",
        "Trong Quý II/2022",
        "Trên cơ sở Quyết định số 22/QĐ-SKHĐT ngày 28/02/2022 của Giám đốc Sở về việc giao quyền tự "
        "chủ, tự chịu trách nhiệm về thực hiện nhiệm vụ tài chính đối với Trung tâm Xúc tiến Đầu tư và "
        "Hỗ trợ doanh nghiệp, Trung tâm XTĐT và HTDN chủ động xây dựng lại quy chế tổ chức và hoạt động "
        "của đơn vị mình theo quy định tại Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ",
        "xuc-tien-dau-tu",
        (),
    ),
    (
        "1.4",
        "Thực hiện các nhiệm vụ, công việc được UBND tỉnh giao trong năm",
        "Mức độ hoàn thành đúng tiến độ các nhiệm vụ, công việc được giao",
        "Trong năm",
        "- Các phòng, đơn vị thuộc Sở phần đầu không có công việc trễ hạn, gia hạn được giao trên Phần "
        "mềm nhắc việc.\n"
        "- Các công việc được giao có liên quan hoặc phải lấy ý kiến các cơ quan, đơn vị khác, trường "
        "hợp các đơn vị chậm gửi ý kiến thì cá nhân, đơn vị chủ trì thực hiện phải báo cáo UBND tỉnh "
        "chỉ đạo, đôn đốc thực hiện.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.5",
        "Thực hiện nghiêm quy định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết hồ "
        "sơ thủ tục hành chính (TTHC)",
        "Việc tiếp nhận, giải quyết TTHC phải tuân thủ theo đúng quy định",
        "Trong năm",
        "- Hồ sơ TTHC phải được tiếp nhận tại Bộ phận Một cửa trước khi xử lý; hướng dẫn hoàn thiện hồ "
        "sơ bằng phiếu hướng dẫn; đề nghị bổ sung hồ sơ phải có thông báo; từ chối giải quyết phải có "
        "văn bản nêu rõ lý do từ chối; hủy hồ sơ phải đúng quy định; hồ sơ trễ hạn phải có thông báo "
        "xin lỗi và hẹn lại thời gian trả kết quả cụ thể; thực hiện tạm dừng giải quyết hồ sơ phải đúng "
        "quy định; không yêu cầu cá nhân, tổ chức nộp thêm các loại giấy tờ, tài liệu ngoài quy định, "
        "thực hiện các công việc thuộc về trách nhiệm của cơ quan nhà nước (yêu cầu công dân phải đi "
        "liên hệ với các cơ quan, đơn vị liên quan để xác minh; cung cấp thông tin, hồ sơ, tài liệu mà "
        "đơn vị mình đang nắm giữ, quản lý,...)\n"
        "- Cán bộ một cửa lựa chọn đúng quy trình TTHC để tiếp nhận hồ sơ; kiểm tra tính đầy đủ và hợp "
        "lệ của hồ sơ trước khi tiếp nhận hồ sơ và nhập thông tin trên Phần mềm; cập nhật đầy đủ, chính "
        "xác thông tin của khách hàng; số hóa và gắn file hồ sơ TTHC đầy đủ, đảm bảo yêu cầu; thao tác, "
        "xử lý, luân chuyển hồ sơ theo đúng quy trình đã được thiết lập. Cán bộ xử lý hồ sơ giải quyết "
        "hồ sơ TTHC điện tử bảo đảm đồng bộ với hồ sơ giấy thực tế; bảo đảm sự trùng khớp giữa thành "
        "phần hồ sơ điện tử lưu trên Phần mềm với hồ sơ giấy thực tế;...",
        "mot-cua",
        ("dang-ky-kinh-doanh",),
    ),
    (
        "1.7",
        "Tham mưu ban hành quy trình giải quyết thủ tục hành chính thuộc phạm vi quản lý ngành, lĩnh "
        "vực, và công khai đầy đủ, chính xác trên Cổng (Trang) thông tin điện tử của cơ quan",
        "Công bố và cập nhật và công khai quy trình thủ tục hành chính phải đúng thời gian quy định",
        "Sau khi Bộ Kế hoạch và Đầu tư công bố thủ tục hành chính",
        "- Văn phòng Sở chủ trì, phối hợp với các phòng có thủ tục hành chính tiến hành xây dựng quy "
        "trình giải quyết thủ tục hành chính trình Lãnh đạo Sở công bố, đồng thời gửi Trung tâm Dịch vụ "
        "Hành chính công cập nhật đúng thời hạn. - Văn phòng Sở thực hiện công khai các thủ tục hành "
        "chính theo Kế hoạch kiểm soát thủ tục hành chính năm 2022 của Sở.",
        "van-phong",
        ("dang-ky-kinh-doanh",),
    ),
    (
        "1.8",
        "Báo cáo kết quả triển khai, thực hiện các nội dung tại Kế hoạch số 10316/KH-UBND ngày "
        "22/12/2016 của UBND tỉnh về triển khai thực hiện Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ "
        "tướng Chính phủ về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp "
        "và Chỉ thị số 06/CT-UBND ngày 21/4/2020 của UBND tỉnh về việc cải tiến lề lối làm việc, nâng "
        "cao chất lượng tham mưu, thực hiện nhiệm vụ, giải quyết công việc của các sở, ngành, địa "
        "phương",
        "Báo cáo 6 tháng, báo cáo năm gửi Sở Nội vụ và UBND tỉnh theo quy định.",
        "Tháng 6, Tháng 12",
        "Các phòng, Trung tâm báo cáo 6 tháng trước ngày 25/5 và báo cáo năm trước ngày 20/11 hàng năm "
        "gửi về Văn phòng Sở để tổng hợp báo cáo Sở Nội vụ và UBND tỉnh theo quy định",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.9",
        "Kết quả giải quyết thủ tục hành chính",
        "Tỷ lệ thủ tục hành chính được hoàn thành đúng hạn",
        "Trong năm 2022",
        "Cán bộ, công chức tham gia xử lý thủ tục hành chính phần đầu 99% thủ tục hành chính phải được "
        "giải quyết đúng hạn; tích cực đôn đốc hoặc báo cáo UBND tỉnh chỉ đạo đối với các cơ quan, đơn "
        "vị được lấy ý kiến không gửi văn bản ý kiến đúng hạn.",
        "mot-cua",
        ("dang-ky-kinh-doanh",),
    ),
    (
        "110",
        "Sắp xếp, tổ chức, bố trí biên chế, nhân sự theo quy định tại Nghị định số 107/2020/NĐ-CP, Nghị "
        "định số 120/2020/NĐ-CP của Chính phủ, Quyết định số 1086/QĐ-SKHĐT ngày 22/4/2021 của UBND tỉnh "
        "về việc sắp xếp cơ cấu tổ chức của Sở Kế hoạch và Đầu tư, Quyết định số 71/QĐSKHĐT ngày "
        "05/5/2021 của Giám đốc Sở về việc quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức "
        "các phòng, Trung tâm thuộc Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa và Quyết định số 12/QĐ-SKHĐT "
        "ngày 09/02/2022 của Giám đốc Sở về việc phân bổ chỉ tiêu biên chế công chức năm 2022 cho các "
        "phòng thuộc Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa",
        "Cơ cấu tổ chức, cán bộ, công chức và người lao động được bố trí theo đúng quy định",
        "Trong năm 2022",
        "Văn phòng Sở phối hợp với các phòng, Trung tâm sắp xếp, tổ chức, bố trí biên chế, nhân sự theo "
        "quy định",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.11",
        "Triển khai văn bản điện tử",
        "- Tất cả văn bản đi được tham mưu, xét duyệt trên phần mềm E-Office;\n"
        "- Tỷ lệ văn bản đi được gửi dưới dạng điện tử qua phần mềm E-Office trên tổng số văn bản đi "
        "trong năm của cơ quan; - Việc sử dụng, trao đổi và quản lý văn bản trên phần mềm E-office theo "
        "đúng quy định.",
        "Trong năm 2022",
        "- Văn phòng Sở triển khai đến các phòng, Trung tâm thuộc Sở thực hiện trao đổi văn bản dưới "
        "dạng điện tử qua phần mềm E-Office theo Quyết định số 04/2021/QĐ-UBND ngày 15/3/2021 của UBND "
        "tỉnh. - Các phòng, Trung tâm thực hiện nghiêm túc việc sử dụng, trao đổi và quản lý văn bản "
        "trên phần mềm E-office theo quy định tại Quyết định số 31/QĐ-SKHĐT ngày 07/02/2018 của Giám "
        "đốc Sở về việc ban hành Quy định trao đổi, lưu trữ, xử lý văn bản điện tử trong hoạt động của "
        "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa. Đảm bảo việc tham mưu luồng văn bản theo quy trình khép "
        "kín một luồng xử lý từ văn bản đến cho tới khi phát hành văn bản đi. Tiếp tục triển khai thực "
        "hiện Hệ thống nhắc việc trên Hệ thống E-office theo hướng dẫn của Văn phòng Sở tại Công văn số "
        "591/SKHĐT-VP ngày 04/3/2022; lưu ý nghiêm túc thực hiện thao tác kết thúc nhắc việc trên Hệ "
        "thống.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    ("H", "2.", "Nội dung tiếp tục duy trì, phần đầu trong năm 2022", 2),
    (
        "2.1",
        "Có mô hình, sáng kiến tham gia cuộc thi “Mô hình, sáng kiến CCHC của công chức, viên chức trẻ” "
        "do tỉnh tổ chức hoặc chủ động áp dụng mô hình, sáng kiến, giải pháp mới tại cơ quan, đơn vị "
        "đem lại hiệu quả tích cực",
        "Văn bản chứng minh việc triển khai áp dụng sáng kiến",
        "Trước 15/12",
        "Chi đoàn Sở triển khai đến các đoàn viên Chi đoàn đảm bảo phải có ít nhất một mô hình, sáng "
        "kiến, giải pháp mới được áp dụng tại cơ quan, đơn vị, đem lại hiệu quả tích cực hoặc có ít "
        "nhất một mô hình, sáng kiến tham gia cuộc thi “Mô hình, sáng kiến CCHC của công chức, viên "
        "chức trẻ” do tỉnh tổ chức.",
        "van-phong",
        (),
    ),
    (
        "2.2",
        "Áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001",
        "Thực hiện áp dụng và duy trì tốt hệ thống quản lý chất lượng theo TCVN ISO 9001 vào hoạt động "
        "công vụ của cơ quan",
        "Trong năm 2022",
        "Văn phòng Sở chủ trì, phối hợp với các phòng, Trung tâm có liên quan tiếp tục triển khai duy "
        "trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 đối với "
        "các lĩnh vực được công bố của Sở Kế hoạch và Đầu tư đảm bảo đúng tiến độ theo Kế hoạch số "
        "179/KH-SKHĐT ngày 19/01/2022.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "2.3",
        "Thứ hạng các tiêu chí, tiêu chí thành phần trong các Bộ chỉ số: PAR-INDEX, PCI thuộc phạm vi "
        "phụ trách tăng so với năm trước liền kề",
        "Tăng từ 04 tiêu chí trở lên so với năm trước",
        "Trong năm 2022",
        "- Phân đầu tăng các tiêu chí thành phần sơ với năm trước, không có tiêu chí giảm so với năm "
        "trước.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "2.4",
        "Hoàn thành công việc, nhiệm vụ cải cách hành chính được giao tại Kế hoạch CCHC năm 2022 của "
        "tỉnh",
        "Hoàn thành đúng tiến độ các nhiệm vụ được giao chủ trì và các nhiệm vụ phối hợp khác được giao "
        "tại Kế hoạch CCHC của tỉnh năm 2022",
        "Trước 15/12",
        "Các phòng, Trung tâm chủ trì, phối hợp với các cơ quan, đơn vị liên quan thực hiện theo nhiệm "
        "vụ được giao.",
        "van-phong",
        EVERY_OTHER_UNIT,
    ),
    (
        "1.8",
        "Tỷ lệ hồ sơ trực tuyến mức độ 3, 4",
        "Tỷ lệ hồ sơ trực tuyến mức độ 3, 4 đạt chỉ tiêu được UBND tỉnh giao",
        "Trong năm 2022",
        "- Phòng Đăng ký kinh doanh tiếp tục tuyên truyền, hướng dẫn người dân, doanh nghiệp cách thức "
        "nộp hồ sơ trực tuyến; đồng thời bố trí cán bộ hướng dẫn người dân thực hiện ngay tại Bộ phận "
        "Một cửa; phân đầu tối thiểu đạt 55% hồ sơ được tiếp nhận và giải quyết trực tuyến trên tổng số "
        "hồ sơ giải quyết TTHC trong năm 2022.\n"
        "- Văn phòng Sở chủ trì, phối hợp với các phòng rà soát các thủ tục hành chính mức độ 3, 4 đã "
        "được công bố không đủ điều kiện thực hiện mức độ 3, 4, đề nghị Sở Nội vụ, Sở Thông tin và "
        "Truyền thông tham mưu UBND tỉnh quyết định công bố lại danh mục thủ tục hành chính mức độ 3, 4 "
        "cho phù hợp.",
        "dang-ky-kinh-doanh",
        ("van-phong",),
    ),
]
