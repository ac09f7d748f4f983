"""Vietnamese news paragraphs and their Arabic translations, written for the tests.

Written by this project for its test suite, under the project's own terms: not copied
or adapted from any corpus, news site, translation memory or machine translation.
The events, figures and people are invented; the places are real Vietnamese provinces,
districts (huyện, before the district level was abolished in July 2025) and communes.
The Arabic is a faithful human-style translation in the house style of
``glossaries/`` (tỉnh = مقاطعة, huyện = منطقة, xã = بلدية, Quốc hội = الجمعية الوطنية,
Huyện ủy = لجنة الحزب في المنطقة), with Western digits and no Arabic-Indic ones.

``PAIRS`` is line-aligned: one Vietnamese sentence and its translation per pair, the
stories one after the other (``START`` gives each story's first line).  Tests rely on:

- every line being recognised as its language and never taken for mojibake;
- the first story (lines 0-11): lines 0 and 1 name "Quốc hội", rendered
  "الجمعية الوطنية", and no other term or name (a reviewer's change there can only be
  credited to it); line 3 is the first whose digits are not all in its translation
  ("tháng 6" is يونيو) and neither line 2 nor line 3's Arabic has a 6; line 6's
  Arabic has حزب;
- the Arabic of the fourth story (lines 30-39) is encodable in Windows-1256;
- the stories being about different things, so a paragraph of one story is a wrong
  translation of a paragraph of another;
- the aligner's two known weaknesses showing on the last two stories (test_align.py):
  "merger" has short on-topic sentences 1 and 2, "festival" a short sentence 1 before
  a long sentence 2.
"""

from __future__ import annotations

from pathlib import Path

STORIES: dict[str, tuple[tuple[str, str], ...]] = {
    # Deputies of the National Assembly meet voters in a mountain district.
    "voters": (
        ("Trước kỳ họp thứ chín của Quốc hội khóa XV, đoàn đại biểu Quốc hội của tỉnh đã "
         "tiếp xúc cử tri tại các huyện vùng cao.",
         "قبل الدورة التاسعة للجمعية الوطنية الخامسة عشرة، التقى وفد نواب الجمعية الوطنية عن "
         "المقاطعة بالناخبين في مناطق المرتفعات."),
        ("Tại buổi tiếp xúc đầu tiên, các đại biểu Quốc hội đã thông tin tới hơn 300 cử tri "
         "của 8 xã về chương trình dự kiến của kỳ họp.",
         "وخلال اللقاء الأول، أطلع نواب الجمعية الوطنية أكثر من 300 ناخب من 8 بلديات على "
         "البرنامج المتوقع للدورة."),
        ("Cử tri xã Thượng Lâm, huyện Lâm Bình, tỉnh Tuyên Quang kiến nghị sớm nâng cấp tuyến "
         "đường liên xã dài 12 km, đoạn đường thường bị sạt lở mỗi mùa mưa.",
         "وطالب ناخبو بلدية ثونغ لام بمنطقة لام بينه في مقاطعة توين كوانغ بالإسراع في تحسين "
         "الطريق الرابط بين البلديات البالغ طوله 12 كيلومترا، إذ تتعرض أجزاء منه للانهيارات "
         "الأرضية في كل موسم أمطار."),
        ("Theo kế hoạch, công trình sẽ được khởi công vào tháng 6 năm sau với tổng vốn đầu tư "
         "85 tỷ đồng.",
         "ووفقا للخطة، سيبدأ تنفيذ المشروع في يونيو من العام المقبل باستثمارات إجمالية قدرها "
         "85 مليار دونغ."),
        ("Nhiều ý kiến đề nghị tăng mức hỗ trợ cho các hộ trồng chè và nuôi cá lồng trên lòng "
         "hồ thủy điện Na Hang.",
         "ودعت آراء كثيرة إلى زيادة الدعم للأسر التي تزرع الشاي وتربي الأسماك في الأقفاص في "
         "بحيرة محطة نا هانغ الكهرومائية."),
        ("Cử tri cũng phản ánh tình trạng thiếu giáo viên ở các điểm trường vùng cao, nhất là "
         "giáo viên tiếng Anh và tin học.",
         "كما أشار الناخبون إلى نقص المعلمين في المدارس الفرعية بالمناطق الجبلية، ولا سيما "
         "معلمي اللغة الإنجليزية والمعلوماتية."),
        ("Bí thư Huyện ủy Lâm Bình Nông Văn Thắng cho biết Đảng bộ huyện đã chỉ đạo rà soát "
         "toàn bộ đội ngũ giáo viên hợp đồng.",
         "وقال سكرتير لجنة الحزب في منطقة لام بينه نونغ فان ثانغ إن منظمة الحزب في المنطقة "
         "وجهت بمراجعة أوضاع جميع المعلمين المتعاقدين."),
        ("Thay mặt đoàn, đại biểu Hoàng Thị Mai tiếp thu các ý kiến và cam kết chuyển đầy đủ "
         "tới các bộ, ngành liên quan.",
         "ونيابة عن الوفد، تلقت النائبة هوانغ ثي ماي هذه الآراء وتعهدت بإحالتها كاملة إلى "
         "الوزارات والقطاعات المعنية."),
        ("Năm 2024, thu nhập bình quân đầu người của huyện đạt 38 triệu đồng, tăng 4,5 triệu "
         "đồng so với năm trước.",
         "وفي عام 2024، بلغ متوسط دخل الفرد في المنطقة 38 مليون دونغ، بزيادة قدرها 4.5 مليون "
         "دونغ مقارنة بالعام السابق."),
        ("Tỷ lệ hộ nghèo đã giảm còn 21,3%, nhưng vẫn cao hơn nhiều so với mức bình quân "
         "của tỉnh.",
         "وانخفضت نسبة الأسر الفقيرة إلى 21.3%، لكنها لا تزال أعلى بكثير من متوسط المقاطعة."),
        ("Kỳ họp thứ chín dự kiến khai mạc tại Hà Nội vào ngày 5/5 và kéo dài gần một tháng.",
         "ومن المقرر أن تفتتح الدورة التاسعة في هانوي يوم 5 مايو وأن تستمر قرابة شهر."),
        ("Trước đó, đoàn đã làm việc với Ban Thường vụ Huyện ủy về tình hình phát triển "
         "kinh tế - xã hội của địa phương.",
         "وقبل ذلك، عقد الوفد جلسة عمل مع اللجنة الدائمة للجنة الحزب في المنطقة بشأن أوضاع "
         "التنمية الاقتصادية والاجتماعية في المنطقة."),
    ),
    # The summer-autumn rice harvest in the Mekong delta.
    "rice": (
        ("Nông dân tỉnh Đồng Tháp đang thu hoạch vụ lúa hè thu với năng suất bình quân "
         "khoảng 6 tấn mỗi héc-ta.",
         "يحصد المزارعون في مقاطعة دونغ ثاب محصول الأرز الصيفي الخريفي بمتوسط إنتاجية يبلغ "
         "نحو 6 أطنان للهكتار."),
        ("Theo Sở Nông nghiệp và Môi trường, toàn tỉnh đã gieo sạ hơn 180.000 héc-ta lúa "
         "trong vụ này.",
         "ووفقا لإدارة الزراعة والبيئة، زرعت المقاطعة بأكملها أكثر من 180 ألف هكتار من الأرز "
         "في هذا الموسم."),
        ("Giá lúa tươi tại ruộng hiện dao động từ 6.800 đến 7.200 đồng mỗi ki-lô-gam, cao hơn "
         "cùng kỳ năm ngoái.",
         "ويتراوح سعر الأرز الطازج في الحقول حاليا بين 6800 و7200 دونغ للكيلوغرام، وهو أعلى "
         "مما كان عليه في الفترة نفسها من العام الماضي."),
        ("Ông Trần Văn Dũng, một nông dân ở huyện Tháp Mười, cho biết gia đình ông lãi gần "
         "30 triệu đồng trên mỗi héc-ta.",
         "وقال السيد تران فان دونغ، وهو مزارع من منطقة ثاب موي، إن أسرته حققت ربحا يقارب "
         "30 مليون دونغ عن كل هكتار."),
        ("Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với doanh nghiệp ngay từ đầu vụ.",
         "ووقعت تعاونيات كثيرة عقودا مع الشركات لضمان شراء المحصول منذ بداية الموسم."),
        ("Tuy nhiên, chi phí phân bón và thuê máy gặt vẫn ở mức cao, khiến lợi nhuận của "
         "nông dân bị thu hẹp.",
         "غير أن تكاليف الأسمدة واستئجار آلات الحصاد لا تزال مرتفعة، مما يقلص أرباح المزارعين."),
        ("Ngành nông nghiệp khuyến cáo bà con không bán lúa non và theo dõi sát diễn biến "
         "thời tiết.",
         "ويوصي قطاع الزراعة المزارعين بعدم بيع الأرز قبل نضجه وبمتابعة تطورات الطقس عن كثب."),
        ("Dự kiến vụ hè thu năm nay sẽ kết thúc vào cuối tháng 8.",
         "ومن المتوقع أن ينتهي موسم الصيف والخريف لهذا العام في أواخر أغسطس."),
    ),
    # A district hospital opens a new building.
    "hospital": (
        ("Bệnh viện Đa khoa huyện Quỳnh Lưu, tỉnh Nghệ An vừa đưa vào sử dụng khu điều trị "
         "mới với 250 giường bệnh.",
         "بدأ المستشفى العام في منطقة كوينه لوو بمقاطعة نغي آن تشغيل مبنى علاج جديد يضم "
         "250 سريرا."),
        ("Công trình gồm 7 tầng, được xây dựng trong hai năm từ nguồn vốn ngân sách tỉnh "
         "và vốn vay ưu đãi.",
         "ويتألف المبنى من 7 طوابق، وقد استغرق بناؤه عامين بتمويل من ميزانية المقاطعة "
         "وقروض ميسرة."),
        ("Bệnh viện đã được trang bị máy chụp cắt lớp, hệ thống xét nghiệm tự động và "
         "phòng mổ nội soi.",
         "وجرى تزويد المستشفى بجهاز للتصوير المقطعي ونظام آلي للتحاليل وغرفة للجراحة بالمنظار."),
        ("Mỗi ngày, bệnh viện tiếp nhận trung bình 900 lượt khám, trong đó nhiều người đến "
         "từ các huyện lân cận.",
         "ويستقبل المستشفى يوميا ما معدله 900 حالة فحص، يأتي كثير منها من المناطق المجاورة."),
        ("Giám đốc bệnh viện, bác sĩ Lê Minh Tuấn, cho biết khu điều trị mới giúp chấm dứt "
         "tình trạng hai bệnh nhân nằm chung một giường.",
         "وقال مدير المستشفى، الطبيب لي مينه توان، إن مبنى العلاج الجديد ساعد على إنهاء "
         "ظاهرة تقاسم مريضين سريرا واحدا."),
        ("Bệnh viện cũng phối hợp với các bệnh viện tuyến trung ương để khám, chữa bệnh "
         "từ xa cho người dân.",
         "كما يتعاون المستشفى مع المستشفيات المركزية لتقديم الفحص والعلاج عن بعد للسكان."),
        ("Năm 2025, ngành y tế Nghệ An đặt mục tiêu có 95% dân số tham gia bảo hiểm y tế.",
         "وفي عام 2025، يستهدف قطاع الصحة في نغي آن أن يشمل التأمين الصحي 95% من السكان."),
        ("Tỉnh cũng đang thu hút bác sĩ trẻ về công tác tại các trạm y tế xã bằng chính sách "
         "hỗ trợ nhà ở.",
         "وتعمل المقاطعة أيضا على استقطاب الأطباء الشباب للعمل في المراكز الصحية بالبلديات "
         "من خلال سياسة لدعم السكن."),
        ("Hiện toàn tỉnh có 460 trạm y tế, nhưng khoảng một phần ba chưa có bác sĩ làm việc "
         "thường xuyên.",
         "ويوجد في المقاطعة حاليا 460 مركزا صحيا، لكن نحو ثلثها لا يعمل فيه طبيب بصورة دائمة."),
        ("Sở Y tế cho biết sẽ luân phiên cử bác sĩ từ tuyến huyện xuống hỗ trợ các trạm "
         "còn thiếu.",
         "وأعلنت إدارة الصحة أنها سترسل بالتناوب أطباء من مستوى المنطقة لدعم المراكز التي "
         "تعاني من النقص."),
    ),
    # Tourism figures of a coastal province (the Arabic is Windows-1256-encodable).
    "tourism": (
        ("Trong 6 tháng đầu năm, tỉnh Quảng Ninh đón hơn 10 triệu lượt khách du lịch, "
         "tăng 12% so với cùng kỳ.",
         "استقبلت مقاطعة كوانغ نينه خلال الأشهر الستة الأولى من العام أكثر من 10 ملايين "
         "زائر، بزيادة 12% عن الفترة نفسها من العام الماضي."),
        ("Trong đó, khách quốc tế đạt khoảng 1,8 triệu lượt, chủ yếu đến từ Hàn Quốc, "
         "Trung Quốc và Ấn Độ.",
         "ومن بين هؤلاء، بلغ عدد الزوار الدوليين نحو 1.8 مليون زائر، معظمهم من كوريا "
         "الجنوبية والصين والهند."),
        ("Vịnh Hạ Long vẫn là điểm đến thu hút nhiều du khách nhất, với hàng nghìn chuyến "
         "tàu tham quan mỗi tháng.",
         "ولا يزال خليج ها لونغ الوجهة الأكثر جذبا للسياح، إذ تنطلق آلاف الرحلات البحرية "
         "السياحية كل شهر."),
        ("Tổng thu từ du lịch ước đạt 21.000 tỷ đồng, chiếm gần một phần năm thu ngân sách "
         "của tỉnh.",
         "ويقدر إجمالي الإيرادات السياحية بنحو 21 ألف مليار دونغ، أي ما يقارب خمس إيرادات "
         "ميزانية المقاطعة."),
        ("Để giữ chân du khách, tỉnh đã mở thêm các tuyến du lịch đêm và lễ hội ẩm thực "
         "ven biển.",
         "ولإطالة إقامة السياح، افتتحت المقاطعة مسارات سياحية ليلية إضافية ومهرجانات "
         "للمأكولات على الساحل."),
        ("Đảo Cô Tô và Quan Lạn cũng ghi nhận lượng khách tăng mạnh nhờ tuyến tàu cao tốc mới.",
         "كما سجلت جزيرتا كو تو وكوان لان ارتفاعا كبيرا في أعداد الزوار بفضل خط القوارب "
         "السريعة الجديد."),
        ("Tuy vậy, tình trạng quá tải vào cuối tuần khiến nhiều du khách phàn nàn về giá "
         "dịch vụ và rác thải.",
         "ومع ذلك، أدى الازدحام في عطلات نهاية الأسبوع إلى شكاوى كثير من السياح من أسعار "
         "الخدمات والنفايات."),
        ("Ủy ban nhân dân tỉnh yêu cầu các địa phương kiểm tra việc niêm yết giá và xử lý "
         "nghiêm các vi phạm.",
         "وطالبت اللجنة الشعبية في المقاطعة السلطات المحلية بمراقبة إعلان الأسعار ومعاقبة "
         "المخالفات بصرامة."),
        ("Cả năm 2025, Quảng Ninh đặt mục tiêu đón 19 triệu lượt khách, trong đó có 4 triệu "
         "lượt khách quốc tế.",
         "وتهدف كوانغ نينه إلى استقبال 19 مليون زائر في عام 2025 بأكمله، من بينهم 4 ملايين "
         "زائر دولي."),
        ("Ngành du lịch đang đào tạo thêm hướng dẫn viên biết tiếng Hàn và tiếng Ả Rập để "
         "đón các thị trường mới.",
         "ويعمل قطاع السياحة على تدريب مزيد من المرشدين الذين يتقنون اللغتين الكورية والعربية "
         "لاستقبال الأسواق الجديدة."),
    ),
    # A commune's party cells review their meetings.
    "party_cells": (
        ("Đảng ủy xã Bình Xa, huyện Hàm Yên vừa tổ chức hội nghị sơ kết việc nâng cao chất "
         "lượng sinh hoạt chi bộ.",
         "عقدت لجنة الحزب في بلدية بينه شا بمنطقة هام ين مؤتمرا لتقييم نتائج تحسين جودة "
         "اجتماعات خلايا الحزب."),
        ("Đảng bộ xã hiện có 14 chi bộ với 412 đảng viên, trong đó có 9 chi bộ thôn.",
         "وتضم منظمة الحزب في البلدية حاليا 14 خلية حزبية تضم 412 عضوا، منها 9 خلايا في القرى."),
        ("Các chi bộ duy trì sinh hoạt định kỳ vào ngày 5 hằng tháng và sinh hoạt chuyên đề "
         "mỗi quý một lần.",
         "وتواظب الخلايا على عقد اجتماعاتها الدورية في اليوم 5 من كل شهر، واجتماعات موضوعية "
         "مرة كل ربع سنة."),
        ("Nội dung sinh hoạt tập trung vào những việc cụ thể như làm đường giao thông nông "
         "thôn và phát triển rừng trồng.",
         "وتركز مضمون الاجتماعات على قضايا محددة مثل شق الطرق الريفية وتنمية الغابات "
         "المزروعة."),
        ("Bí thư Đảng ủy xã Phạm Quốc Bảo cho biết nhiều đảng viên trẻ đã mạnh dạn đề xuất "
         "các mô hình kinh tế mới.",
         "وقال سكرتير لجنة الحزب في البلدية فام كووك باو إن كثيرا من أعضاء الحزب الشباب "
         "بادروا باقتراح نماذج اقتصادية جديدة."),
        ("Năm qua, xã đã kết nạp 11 đảng viên mới, vượt chỉ tiêu Huyện ủy giao.",
         "وخلال العام الماضي، قبلت البلدية 11 عضوا جديدا في الحزب، متجاوزة الهدف الذي حددته "
         "لجنة الحزب في المنطقة."),
        ("Hội nghị cũng chỉ ra một số hạn chế, như việc chuẩn bị tài liệu sinh hoạt còn "
         "sơ sài ở vài chi bộ.",
         "كما أشار المؤتمر إلى بعض أوجه القصور، مثل ضعف إعداد وثائق الاجتماعات في عدد من "
         "الخلايا."),
        ("Dịp này, 3 chi bộ và 7 đảng viên được khen thưởng vì có thành tích xuất sắc.",
         "وبهذه المناسبة، جرى تكريم 3 خلايا حزبية و7 أعضاء لإنجازاتهم المتميزة."),
        ("Xã Bình Xa phấn đấu đến năm 2026 có ít nhất 80% chi bộ được đánh giá hoàn thành "
         "tốt nhiệm vụ.",
         "وتسعى بلدية بينه شا إلى أن تحصل 80% على الأقل من خلاياها الحزبية على تقييم "
         "\"أداء المهام بشكل جيد\" بحلول عام 2026."),
        ("Huyện Hàm Yên sẽ nhân rộng cách làm này ra các xã khác trong huyện từ quý IV.",
         "وستعمم منطقة هام ين هذه التجربة على البلديات الأخرى في المنطقة اعتبارا من الربع "
         "الرابع."),
    ),
    # Coffee exports of the Central Highlands, then a weather warning.
    "coffee": (
        ("Kim ngạch xuất khẩu cà phê của tỉnh Đắk Lắk trong 9 tháng đạt gần 1,2 tỷ USD, "
         "cao nhất từ trước đến nay.",
         "بلغت قيمة صادرات البن من مقاطعة داك لاك خلال 9 أشهر قرابة 1.2 مليار دولار "
         "أمريكي، وهو أعلى مستوى على الإطلاق."),
        ("Giá cà phê nhân xô tại Buôn Ma Thuột có thời điểm vượt 120.000 đồng mỗi ki-lô-gam.",
         "وتجاوز سعر حبوب البن الخام في بون ما ثوت في بعض الأوقات 120 ألف دونغ للكيلوغرام."),
        ("Nhiều hộ nông dân đã chuyển sang trồng xen sầu riêng và hồ tiêu để giảm rủi ro "
         "khi giá biến động.",
         "وتحولت أسر زراعية كثيرة إلى زراعة الدوريان والفلفل الأسود بين أشجار البن للحد من "
         "المخاطر عند تقلب الأسعار."),
        ("Tuy nhiên, các chuyên gia cảnh báo việc mở rộng diện tích sầu riêng quá nhanh có "
         "thể gây thiếu nước tưới vào mùa khô.",
         "غير أن الخبراء يحذرون من أن التوسع السريع في مساحات الدوريان قد يؤدي إلى نقص مياه "
         "الري في موسم الجفاف."),
        ("Tỉnh hiện có khoảng 210.000 héc-ta cà phê, phần lớn do các hộ gia đình nhỏ "
         "canh tác.",
         "ويوجد في المقاطعة حاليا نحو 210 آلاف هكتار من البن، تزرع معظمها أسر صغيرة."),
        ("Để đáp ứng quy định mới của Liên minh châu Âu, tỉnh đang lập bản đồ số cho từng "
         "vườn cà phê.",
         "وللوفاء بالاشتراطات الجديدة للاتحاد الأوروبي، تعكف المقاطعة على إعداد خرائط رقمية "
         "لكل مزرعة بن."),
        ("Trong khi đó, Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết một áp thấp "
         "nhiệt đới đang hình thành trên Biển Đông.",
         "وفي الأثناء، أفاد المركز الوطني للتنبؤات الجوية والهيدرولوجية بأن منخفضا استوائيا "
         "يتشكل في بحر الشرق."),
        ("Từ đêm nay, các tỉnh Tây Nguyên có mưa to, lượng mưa phổ biến từ 50 đến 100 mm.",
         "واعتبارا من الليلة، ستشهد مقاطعات المرتفعات الوسطى أمطارا غزيرة تتراوح كمياتها "
         "عموما بين 50 و100 مليمتر."),
        ("Chính quyền các xã vùng trũng đã được yêu cầu chuẩn bị phương án sơ tán người dân.",
         "وطلب من سلطات البلديات في المناطق المنخفضة إعداد خطط لإجلاء السكان."),
        ("Ngành điện lực khuyến cáo người dân không đến gần các cột điện và dây điện bị đổ "
         "trong mưa bão.",
         "وتنصح شركة الكهرباء السكان بعدم الاقتراب من أعمدة الكهرباء والأسلاك المتساقطة "
         "أثناء العواصف."),
        ("Năm ngoái, mưa lũ ở Tây Nguyên đã làm hư hại hơn 3.000 héc-ta cây trồng.",
         "وفي العام الماضي، ألحقت الأمطار والفيضانات في المرتفعات الوسطى أضرارا بأكثر من "
         "3 آلاف هكتار من المحاصيل."),
        ("Các hồ chứa thủy lợi ở Đắk Lắk đang được vận hành để vừa giữ nước cho mùa khô "
         "vừa bảo đảm an toàn cho vùng hạ du.",
         "ويجري تشغيل خزانات الري في داك لاك بما يحفظ المياه لموسم الجفاف ويضمن في الوقت "
         "نفسه سلامة المناطق الواقعة في أسفل المجرى."),
    ),
    # Three communes merge (short on-topic sentences 1 and 2: see test_align.py).
    "merger": (
        ("Từ ngày 1/7, ba xã Phúc Ninh, Đạo Viện và Trung Yên của huyện Yên Sơn sẽ hợp nhất "
         "thành một xã mới mang tên Tân Trào.",
         "اعتبارا من 1 يوليو، ستندمج بلديات فوك نينه وداو فيين وترونغ ين الثلاث في منطقة ين "
         "سون في بلدية جديدة تحمل اسم تان تراو."),
        ("Nhiều cử tri lo ngại việc đổi tên xã sẽ gây phiền hà khi làm giấy tờ.",
         "ويخشى كثير من الناخبين أن يسبب تغيير اسم البلدية متاعب عند استخراج الوثائق."),
        ("Cán bộ xã cho rằng nỗi lo này là dễ hiểu.",
         "ويرى مسؤولو البلدية أن هذا القلق مفهوم."),
        ("Theo Ủy ban nhân dân huyện, người dân sẽ không phải đổi căn cước hay sổ đỏ chỉ vì "
         "địa giới hành chính thay đổi, và mọi thủ tục liên quan được miễn phí.",
         "ووفقا للجنة الشعبية في المنطقة، لن يضطر السكان إلى تغيير بطاقات الهوية أو سندات "
         "ملكية الأراضي لمجرد تغير الحدود الإدارية، وستكون جميع الإجراءات ذات الصلة مجانية."),
        ("Trụ sở xã mới đặt tại Trung Yên, cách trung tâm huyện khoảng 30 km.",
         "ويقع مقر البلدية الجديدة في ترونغ ين، على بعد نحو 30 كيلومترا من مركز المنطقة."),
    ),
    # A village festival (a short sentence before a long one: see test_align.py).
    "festival": (
        ("Lễ hội Lồng tông của đồng bào Tày ở xã Thượng Lâm đã diễn ra trong hai ngày cuối "
         "tuần với hàng nghìn người tham dự.",
         "أقيم مهرجان لونغ تونغ لأبناء قومية تاي في بلدية ثونغ لام على مدى يومي عطلة نهاية "
         "الأسبوع بمشاركة آلاف الأشخاص."),
        ("Các đội thi đều là người địa phương.",
         "وجميع الفرق المتنافسة من أبناء المنطقة."),
        ("Trong hai ngày, các đội đến từ 12 thôn đã tranh tài ở những trò chơi dân gian như "
         "ném còn, kéo co, đẩy gậy và thi nấu cơm lam, trong khi du khách từ Hà Nội và các "
         "tỉnh lân cận đứng kín hai bên sân lễ hội để cổ vũ.",
         "وعلى مدى يومين، تنافست الفرق القادمة من 12 قرية في ألعاب شعبية مثل رمي الكرة "
         "القماشية وشد الحبل ودفع العصا ومسابقة طهي الأرز في أنابيب الخيزران، بينما اصطف "
         "الزوار القادمون من هانوي والمقاطعات المجاورة على جانبي ساحة المهرجان لتشجيعهم."),
        ("Ban tổ chức cho biết năm nay lần đầu tiên lễ hội có gian hàng giới thiệu chè Shan "
         "tuyết và mật ong rừng của địa phương.",
         "وذكرت اللجنة المنظمة أن المهرجان ضم هذا العام لأول مرة أجنحة للتعريف بشاي شان "
         "تويت والعسل البري المحليين."),
        ("Chính quyền xã dự kiến tổ chức lễ hội mỗi năm một lần.",
         "وتعتزم سلطات البلدية تنظيم المهرجان مرة كل عام."),
    ),
}

PAIRS: tuple[tuple[str, str], ...] = tuple(p for story in STORIES.values() for p in story)
VI: tuple[str, ...] = tuple(v for v, _ in PAIRS)
AR: tuple[str, ...] = tuple(a for _, a in PAIRS)

START: dict[str, int] = {}
for _name in STORIES:
    START[_name] = sum(len(STORIES[n]) for n in list(STORIES)[:list(STORIES).index(_name)])
del _name


def lines(start: int, count: int) -> tuple[list[str], list[str]]:
    """``count`` consecutive Vietnamese and Arabic lines from ``start``, wrapping around
    the corpus (documents longer than the corpus repeat it)."""
    picked = [PAIRS[(start + k) % len(PAIRS)] for k in range(count)]
    return [v for v, _ in picked], [a for _, a in picked]


def news_document(start: int, count: int) -> tuple[bytes, bytes]:
    """``count`` line-aligned Vietnamese/Arabic news paragraphs from line ``start``, as
    UTF-8 files with blank-line separated paragraphs (what a reviewer uploads)."""
    vi, ar = lines(start, count)
    return "\n\n".join(vi).encode("utf-8"), "\n\n".join(ar).encode("utf-8")


def write_pair(folder: Path, start: int, count: int) -> tuple[Path, Path]:
    """The same paragraphs written to ``folder/news.vi.txt`` and ``folder/news.ar.txt``."""
    vi, ar = news_document(start, count)
    source, target = folder / "news.vi.txt", folder / "news.ar.txt"
    source.write_bytes(vi)
    target.write_bytes(ar)
    return source, target
