# Builds common/qa/fixtures/news-rows.json from the rows below (a script so quotes need no JSON escaping).
# Correct rows: realistic Korean news with Vietnamese and English translations in every legitimate locale variant.
# Planted rows: a correct row with one error put in, and the (language:check) findings that error must raise.
import json, unicodedata, pathlib

TERMS = [
    {"ko": "부산시", "vi": "thành phố Busan", "en": "Busan"},
    {"ko": "배터리 교환", "vi": "đổi pin", "en": "battery-swapping"},
    {"ko": "스타트업", "vi": "công ty khởi nghiệp", "en": "startup", "forbidden": {"vi": ["doanh nghiệp mới thành lập"], "en": ["start-up company"]}},
    {"ko": "서울창업허브", "vi": "Seoul Startup Hub", "en": "Seoul Startup Hub"},
    {"ko": "과학기술부", "vi": "Bộ Khoa học và Công nghệ", "en": "Ministry of Science and Technology"},
    {"ko": "자율주행", "vi": "tự lái", "en": "autonomous driving", "forbidden": {"en": ["self-driving"]}},
]

C = {
 'c01': ('서울시는 2025년까지 전기차 50만 대를 보급한다.', 'Thành phố Seoul sẽ phổ biến 500.000 xe điện đến năm 2025.', 'Seoul will deploy 500,000 electric vehicles by 2025.'),
 'c02': ('시는 올해 예산 3억5천만 원을 투입한다.', 'Thành phố sẽ đầu tư ngân sách 350 triệu won trong năm nay.', 'The city will invest a budget of 350 million won this year.'),
 'c03': ('수출액은 4,500억 원으로 전년 대비 12.5% 증가했다.', 'Kim ngạch xuất khẩu đạt 450 tỷ won, tăng 12,5% so với năm trước.', 'Exports reached 450 billion won, up 12.5 percent from a year earlier.'),
 'c04': ('정부는 1조 2천억 원 규모의 추가경정예산을 편성했다.', 'Chính phủ đã lập ngân sách bổ sung trị giá 1,2 nghìn tỷ won.', 'The government drew up a supplementary budget worth 1.2 trillion won.'),
 'c05': ('이 공장은 연간 3만5천 톤의 배터리 소재를 생산한다.', 'Nhà máy này sản xuất 35.000 tấn vật liệu pin mỗi năm.', 'The plant produces 35,000 tons of battery materials a year.'),
 'c06': ('현대차는 베트남에 2천 대의 전기버스를 공급하기로 했다.', 'Hyundai Motor quyết định cung cấp 2.000 xe buýt điện cho Việt Nam.', 'Hyundai Motor has agreed to supply 2,000 electric buses to Vietnam.'),
 'c07': ('협약식은 2022년 8월 4일 하노이에서 열렸다.', 'Lễ ký kết diễn ra tại Hà Nội ngày 4/8/2022.', 'The signing ceremony was held in Hanoi on Aug. 4, 2022.'),
 'c08': ('행사는 11월 24일 오후 2시30분에 시작된다.', 'Sự kiện bắt đầu lúc 14h30 ngày 24 tháng 11.', 'The event begins at 2:30 p.m. on November 24.'),
 'c09': ('오 시장은 3일(현지시각) 오후 2시20분 호찌민에서 선포식을 열었다.', 'Thị trưởng Oh đã tổ chức lễ công bố tại TP. Hồ Chí Minh lúc 14 giờ 20 phút chiều ngày 3 (giờ địa phương).', 'Mayor Oh held the declaration ceremony in Ho Chi Minh City at 2:20 p.m. local time on the 3rd.'),
 'c10': ('실업률은 3.2%로 0.4%p 하락했다.', 'Tỷ lệ thất nghiệp giảm 0,4 điểm phần trăm xuống 3,2%.', 'The unemployment rate fell 0.4 percentage points to 3.2%.'),
 'c11': ('매출은 지난해보다 2배 늘었다.', 'Doanh thu tăng gấp đôi so với năm ngoái.', 'Sales doubled from last year.'),
 'c12': ('1단계 사업은 내년 3월 마무리된다.', 'Giai đoạn 1 của dự án sẽ hoàn thành vào tháng 3 năm sau.', 'The first phase of the project will be completed in March next year.'),
 'c13': ('두 도시는 5개 분야에서 협력하기로 했다.', 'Hai thành phố đã nhất trí hợp tác trong năm lĩnh vực.', 'The two cities agreed to cooperate in five areas.'),
 'c14': ('행사에는 약 50만 명이 참석했다.', 'Khoảng nửa triệu người đã tham dự sự kiện.', 'About half a million people attended the event.'),
 'c15': ('회의는 2025.11.24. 서울시청에서 열렸다.', 'Cuộc họp diễn ra tại Tòa thị chính Seoul ngày 24/11/2025.', 'The meeting was held at Seoul City Hall on Nov. 24, 2025.'),
 'c16': ('자세한 내용은 서울시 홈페이지(seoul.go.kr)에서 확인할 수 있다.', 'Thông tin chi tiết có trên trang chủ của thành phố Seoul (seoul.go.kr).', 'Details are available on the Seoul city website (seoul.go.kr).'),
 'c17': ('신청은 https://www.sba.seoul.kr/apply에서 받는다.', 'Đơn đăng ký được nhận tại https://www.sba.seoul.kr/apply.', 'Applications are accepted at https://www.sba.seoul.kr/apply.'),
 'c18': ('문의는 이메일(press@seoul.go.kr)로 하면 된다.', 'Mọi thắc mắc xin gửi qua email (press@seoul.go.kr).', 'Inquiries can be sent by e-mail (press@seoul.go.kr).'),
 'c19': ('서울시 공공자전거 ‘따릉이’ 이용 건수는 지난해 4천만 건을 넘었다.', "Số lượt sử dụng xe đạp công cộng 'Ttareungyi' (따릉이) của Seoul đã vượt 40 triệu vào năm ngoái.", 'Rides on Seoul\'s public bicycle "Ttareungyi" (따릉이) topped 40 million last year.'),
 'c20': ('오 시장은 "서울은 2030년까지 탄소 배출을 40% 줄이겠다"며 "이를 위해 매년 1조 원을 투자할 것"이라고 말했다.', 'Thị trưởng Oh cho biết: "Seoul sẽ giảm 40% lượng khí thải carbon vào năm 2030" và "để làm được điều đó, chúng tôi sẽ đầu tư 1.000 tỷ won mỗi năm".', '"Seoul will cut carbon emissions by 40 percent by 2030," Mayor Oh said, adding that "we will invest 1 trillion won every year to that end."'),
 'c21': ('이번 사업에는 총 120억 원이 투입된다. 시는 내년부터 본격적으로 운영할 계획이다.', 'Tổng cộng 12 tỷ won sẽ được đầu tư cho dự án này. Thành phố dự kiến đưa vào vận hành chính thức từ năm sau.', 'A total of 12 billion won will be invested in the project. The city plans to begin full operations next year.'),
 'c22': ('베트남은 동남아시아에서 가장 빠르게 성장하는 시장 중 하나다. 현지 전기 오토바이 판매량은 지난해 23만 대를 기록했다. 업계는 올해 판매량이 30% 이상 늘 것으로 보고 있다.', 'Việt Nam là một trong những thị trường tăng trưởng nhanh nhất Đông Nam Á. Doanh số xe máy điện tại đây đạt 230.000 chiếc vào năm ngoái. Giới trong ngành dự báo doanh số năm nay sẽ tăng hơn 30%.', 'Vietnam is one of the fastest-growing markets in Southeast Asia. Sales of electric motorcycles there reached 230,000 units last year. The industry expects sales to rise by more than 30% this year.'),
 'c23': ('판매량은 2021년 3만 대에서 2022년 5만 대로 늘었다.', 'Doanh số tăng từ 30.000 chiếc năm 2021 lên 50.000 chiếc năm 2022.', 'Sales rose to 50,000 units in 2022 from 30,000 in 2021.'),
 'c24': ('2020년 매출은 1,150억 원, 2021년에는 1,480억 원이었다.', 'Doanh thu năm 2020 là 115 tỷ won và năm 2021 là 148 tỷ won.', 'Revenue was 115 billion won in 2020 and 148 billion won in 2021.'),
 'c25': ('부산시는 내년까지 배터리 교환 스테이션 100곳을 설치한다.', 'Thành phố Busan sẽ lắp đặt 100 trạm đổi pin đến năm sau.', 'Busan will install 100 battery swapping stations by next year.'),
 'c26': ('박형준 부산시장은 스타트업 지원을 약속했다.', 'Thị trưởng Busan Park Heong-joon cam kết hỗ trợ các công ty khởi nghiệp.', 'Busan Mayor Park Heong-joon pledged support for startups.'),
 'c27': ('서울창업허브에는 스타트업 40곳이 입주해 있다.', 'Seoul Startup Hub hiện có 40 công ty khởi nghiệp hoạt động.', 'Seoul Startup Hub houses 40 startups.'),
 'c28': ('시는 과학기술부와 자율주행 기술 협력을 논의했다.', 'Thành phố đã thảo luận hợp tác công nghệ tự lái với Bộ Khoa học và Công nghệ.', 'The city discussed cooperation on autonomous driving technology with the Ministry of Science and Technology.'),
 'c29': ('회의는 오전 10시에 시작해 낮 12시에 끝났다.', 'Cuộc họp bắt đầu lúc 10 giờ sáng và kết thúc lúc 12 giờ trưa.', 'The meeting began at 10 a.m. and ended at noon.'),
 'c30': ('서울의 1인당 소득은 4만 달러를 넘어섰다.', 'Thu nhập bình quân đầu người của Seoul đã vượt 40.000 USD.', "Seoul's per capita income has topped $40,000."),
 'c31': ('베트남 인구는 약 1억 명이다.', 'Dân số Việt Nam khoảng 100 triệu người.', 'Vietnam has a population of about 100 million.'),
 'c32': ('양국 교역액은 지난해 870억 달러를 기록했다.', 'Kim ngạch thương mại hai nước năm ngoái đạt 87 tỷ USD.', 'Trade between the two countries reached $87 billion last year.'),
 'c33': ('이 앱은 출시 석 달 만에 다운로드 100만 건을 돌파했다.', 'Ứng dụng này đã vượt mốc 1 triệu lượt tải chỉ ba tháng sau khi ra mắt.', 'The app passed one million downloads just three months after its launch.'),
 'c34': ('금리는 연 3.5%로 동결됐다.', 'Lãi suất được giữ nguyên ở mức 3,5%/năm.', 'The interest rate was held at 3.5% a year.'),
 'c35': ('회사는 직원 1,200명을 새로 채용할 예정이다.', 'Công ty dự kiến tuyển mới 1.200 nhân viên.', 'The company plans to hire 1,200 new employees.'),
 'c36': ('그는 4차 산업혁명 기술 발전에 기여하겠다고 말했다.', 'Ông cho biết sẽ đóng góp vào sự phát triển của công nghệ Cách mạng công nghiệp lần thứ tư.', 'He said he would contribute to the development of Fourth Industrial Revolution technologies.'),
 'c37': ('행사는 8층 회의실에서 열렸다.', 'Sự kiện được tổ chức tại phòng họp tầng 8.', 'The event took place in a meeting room on the eighth floor.'),
 'c38': ('올해 성장률 전망치는 2.6%에서 2.2%로 낮아졌다.', 'Dự báo tăng trưởng năm nay bị hạ từ 2,6% xuống 2,2%.', "This year's growth forecast was cut to 2.2% from 2.6%."),
 'c39': ('지하철 요금은 1,250원에서 1,400원으로 150원 오른다.', 'Giá vé tàu điện ngầm tăng 150 won, từ 1.250 won lên 1.400 won.', 'Subway fares will rise by 150 won, from 1,250 won to 1,400 won.'),
 'c40': ('두 정상은 4일 정상회담을 갖는다.', 'Hai nhà lãnh đạo sẽ hội đàm vào thứ Năm.', 'The two leaders will hold a summit on Thursday.'),
 'c41': ('시는 20일부터 한 달간 시민 의견을 받는다.', 'Thành phố sẽ lấy ý kiến người dân trong một tháng kể từ ngày 20.', 'The city will collect public opinions for a month starting on the 20th.'),
 'c42': ('앞서 시는 지난해 5월 호찌민에 거점을 열었다.', 'Trước đó, vào tháng 5 năm ngoái, thành phố đã mở cơ sở tại TP. Hồ Chí Minh.', 'Earlier, in May last year, the city opened a base in Ho Chi Minh City.'),
 'c43': ('이 사업은 2023~2027년 5년간 진행된다.', 'Dự án được triển khai trong 5 năm, từ 2023 đến 2027.', 'The project will run for five years from 2023 to 2027.'),
 'c44': ('응답자의 62%가 찬성했다.', '62% người được hỏi tán thành.', 'Sixty-two percent of respondents were in favor.'),
 'c45': ('[서울=뉴시스] 오세훈 서울시장이 24일 서울시청에서 기자회견을 하고 있다. 2025.11.24. photo@newsis.com', '[Seoul=Newsis] Thị trưởng Seoul Oh Se-hoon phát biểu tại cuộc họp báo ở Tòa thị chính Seoul ngày 24. 2025.11.24. photo@newsis.com', '[Seoul=Newsis] Seoul Mayor Oh Se-hoon speaks at a press conference at Seoul City Hall on the 24th. 2025.11.24. photo@newsis.com'),
 'c46': ('관련 자료는 mobility.seoul.go.kr/data에서 내려받을 수 있다.', 'Tài liệu liên quan có thể tải về tại mobility.seoul.go.kr/data.', 'The related materials can be downloaded at mobility.seoul.go.kr/data.'),
 'c47': ('삼성전자는 베트남에 2조 원을 추가 투자한다.', 'Samsung Electronics sẽ đầu tư thêm 2.000 tỷ won vào Việt Nam.', 'Samsung Electronics will invest an additional 2 trillion won in Vietnam.'),
 'c48': ('베트남 진출 한국 기업은 9천여 개에 이른다.', 'Có hơn 9.000 doanh nghiệp Hàn Quốc hoạt động tại Việt Nam.', 'More than 9,000 South Korean companies operate in Vietnam.'),
 'c49': ('그는 "스마트 모빌리티는 도시의 미래를 바꿀 핵심 기술이며, 서울과 호찌민이 함께 새로운 표준을 만들어 나가길 기대한다"고 말했다.', 'Ông nói: "Di chuyển thông minh là công nghệ then chốt sẽ thay đổi tương lai của đô thị, và tôi hy vọng Seoul cùng TP. Hồ Chí Minh sẽ cùng nhau xây dựng những tiêu chuẩn mới".', '"Smart mobility is a key technology that will change the future of cities, and I hope Seoul and Ho Chi Minh City will create new standards together," he said.'),
 'c50': ('시내버스 노선 12개가 개편된다.', '12 tuyến xe buýt nội thành sẽ được điều chỉnh.', 'Twelve city bus routes will be reorganized.'),
 'c51': ('서울시는 올해 공유 킥보드 2만 대를 단속했다.', 'Năm nay, Seoul đã xử lý 20.000 xe trượt điện dùng chung.', 'Seoul cracked down on 20,000 shared e-scooters this year.'),
 'c52': ('신청 기간은 9월 1일부터 9월 30일까지다.', 'Thời gian đăng ký từ ngày 1/9 đến ngày 30/9.', 'Applications run from Sept. 1 to Sept. 30.'),
 'c53': ('가격은 평균 0.8% 올랐다.', 'Giá tăng trung bình 0,8%.', 'Prices rose 0.8 percent on average.'),
 'c54': ('서울산업진흥원(SBA)과 NATEC은 공동의향서(LOI)를 체결했다.', 'Cơ quan Xúc tiến Công nghiệp Seoul (SBA) và NATEC đã ký Thư bày tỏ ý định (LOI).', 'The Seoul Business Agency (SBA) and NATEC signed a letter of intent (LOI).'),
 'c55': ('VinFast는 올해 VF8 모델 1만5천 대를 미국에 수출할 계획이다.', 'VinFast dự kiến xuất khẩu 15.000 xe mẫu VF8 sang Mỹ trong năm nay.', 'VinFast plans to export 15,000 VF8 vehicles to the United States this year.'),
 'c56': ('설명회는 15일 2시에 열린다.', 'Buổi giới thiệu sẽ diễn ra lúc 2 giờ chiều ngày 15.', 'The briefing will be held at 2 p.m. on the 15th.'),
 'c57': ('전체 예산의 절반인 60억 원이 인건비다.', 'Một nửa tổng ngân sách, tức 6 tỷ won, là chi phí nhân sự.', 'Half of the total budget, or 6 billion won, goes to personnel costs.'),
 'c58': ('하노이 지하철 3호선은 2027년 개통 예정이다.', 'Tuyến metro số 3 của Hà Nội dự kiến đi vào hoạt động năm 2027.', "Hanoi's Metro Line 3 is expected to open in 2027."),
 'c59': ('시는 올해 말까지 충전기 5천 기를 설치한다. 충전기는 주로 아파트 단지에 들어선다. 설치 비용의 절반은 시가 부담한다.', 'Thành phố sẽ lắp đặt 5.000 bộ sạc đến cuối năm nay. Các bộ sạc chủ yếu được đặt tại các khu chung cư. Thành phố sẽ chịu một nửa chi phí lắp đặt.', 'The city will install 5,000 chargers by the end of this year. The chargers will mostly go into apartment complexes. The city will cover half of the installation costs.'),
 'c60': ('참가 기업들은 현장에서 모두 37건, 1,200만 달러 규모의 계약을 맺었다. 이는 지난해보다 두 배 많은 수준이다.', 'Các doanh nghiệp tham gia đã ký tổng cộng 37 hợp đồng trị giá 12 triệu USD ngay tại chỗ. Con số này cao gấp đôi so với năm ngoái.', 'Participating companies signed a total of 37 contracts worth $12 million on site. That is twice as many as last year.'),
 'c61': ('일행은 오후 6시 서울역에서 출발한다.', 'Đoàn xuất phát từ ga Seoul lúc 18h.', 'The group departs from Seoul Station at 18:00.'),
 'c62': ('올해 방한 베트남 관광객은 50만 명을 넘을 전망이다.', 'Số du khách Việt Nam đến Hàn Quốc năm nay dự kiến vượt 500 nghìn người.', 'The number of Vietnamese visitors to South Korea is expected to exceed 500 thousand this year.'),
 'c63': ('이 펀드는 1천억 원 규모로 조성된다.', 'Quỹ này được lập với quy mô 100 tỷ won.', 'The fund will be worth 100 billion won.'),
 'c64': ('오 시장은 "베트남은 가장 중요한 파트너"라고 강조했다. 이어 "협력을 더 넓히겠다"고 덧붙였다.', 'Thị trưởng Oh nhấn mạnh: "Việt Nam là đối tác quan trọng nhất". Ông nói thêm: "Chúng tôi sẽ mở rộng hợp tác hơn nữa".', '"Vietnam is our most important partner," Mayor Oh stressed. "We will further expand cooperation," he added.'),
 'c65': ('시는 이번 협약으로 기술 교류가 늘 것으로 본다. 또 현지 일자리도 생길 것으로 기대한다.', 'Thành phố cho rằng thỏa thuận này sẽ thúc đẩy giao lưu công nghệ và tạo thêm việc làm tại địa phương.', 'The city expects the agreement to boost technology exchanges and create local jobs.'),
 'c66': ('서울시는 2026년 상반기까지 자율주행 버스 노선을 3개로 늘린다.', 'Seoul sẽ tăng số tuyến xe buýt tự lái lên ba tuyến trước nửa đầu năm 2026.', 'Seoul will expand its autonomous driving bus routes to three by the first half of 2026.'),
 'c67': ('이날 행사는 오후 7시 반에 끝났다.', 'Sự kiện hôm đó kết thúc lúc 7 giờ 30 tối.', 'The event ended at 7:30 p.m. that day.'),
}
NFD_ROWS = {'c27'}

P = [
 ('e01','c01','vi','500.000','50.000',['vi:values','both:crossValues']),
 ('e02','c03','vi','450 tỷ','4.500 tỷ',['vi:values','both:crossValues']),
 ('e03','c04','en','1.2 trillion','12 trillion',['en:values','both:crossValues']),
 ('e04','c05','en','35,000','3,500',['en:values','both:crossValues']),
 ('e05','c06','vi','2.000','200',['vi:values','both:crossValues']),
 ('e06','c02','en','350 million','35 million',['en:values','both:crossValues']),
 ('e07','c07','en','Aug. 4','Aug. 14',['en:values','both:crossValues']),
 ('e08','c07','vi','4/8/2022','8/4/2022',['vi:values','both:crossValues']),
 ('e09','c08','vi','14h30','16h30',['vi:values','both:crossValues']),
 ('e10','c08','en','2:30 p.m.','2:30 a.m.',['en:values','both:crossValues']),
 ('e11','c09','en','2:20 p.m.','12:20 p.m.',['en:values','both:crossValues']),
 ('e12','c10','vi','0,4 điểm','4 điểm',['vi:values','both:crossValues']),
 ('e13','c10','en','3.2%','2.3%',['en:values','both:crossValues']),
 ('e14','c13','en','five','four',['en:values']),
 ('e15','c14','vi','nửa triệu','nửa tỷ',['vi:values']),
 ('e16','c14','en','half a million','half a billion',['en:values']),
 ('e17','c15','vi','24/11/2025','24/11/2024',['vi:values','both:crossValues']),
 ('e18','c22','en','230,000','23,000',['en:values','both:crossValues']),
 ('e19','c31','vi','100 triệu','10 triệu',['vi:values','both:crossValues']),
 ('e20','c32','en','$87 billion','$8.7 billion',['en:values','both:crossValues']),
 ('e21','c35','vi','1.200','12.000',['vi:values','both:crossValues']),
 ('e22','c38','en','cut to 2.2%','cut to 2.6%',['en:values']),
 ('e23','c39','vi','tăng 150 won','tăng 250 won',['vi:values','both:crossValues']),
 ('e24','c44','en','Sixty-two','Sixty-five',['en:values']),
 ('e25','c47','vi','2.000 tỷ','200 tỷ',['vi:values','both:crossValues']),
 ('e26','c48','en','9,000','90,000',['en:values','both:crossValues']),
 ('e27','c50','en','Twelve','Twenty',['en:values']),
 ('e28','c62','vi','500 nghìn','50 nghìn',['vi:values','both:crossValues']),
 ('e29','c63','en','100 billion','1 trillion',['en:values','both:crossValues']),
 ('e30','c52','en','Sept. 30','Sept. 3',['en:values','both:crossValues']),
 ('e31','c24','en','Revenue was 115 billion won in 2020 and 148 billion won in 2021.','Revenue was 148 billion won in 2020 and 115 billion won in 2021.',['en:order']),
 ('e32','c24','vi','Doanh thu năm 2020 là 115 tỷ won và năm 2021 là 148 tỷ won.','Doanh thu năm 2020 là 148 tỷ won và năm 2021 là 115 tỷ won.',['vi:order']),
 ('e33','c23','vi','30.000 chiếc năm 2021 lên 50.000 chiếc năm 2022','30.000 chiếc năm 2022 lên 50.000 chiếc năm 2021',['vi:order']),
 ('e34','c16','vi','(seoul.go.kr)','(seoul.gov.kr)',['vi:protected']),
 ('e35','c17','en','seoul.kr/apply','seoul.kr/appl',['en:protected']),
 ('e36','c18','vi','press@seoul.go.kr','press@seoul.go.vn',['vi:protected']),
 ('e37','c46','en','The related materials can be downloaded at mobility.seoul.go.kr/data.',"The related materials can be downloaded from the city's mobility website.",['en:protected']),
 ('e38','c45','en','photo@newsis.com','photo@newsis.co.kr',['en:protected']),
 ('e39','c17','vi','https://','http://',['vi:protected']),
 ('e40','c45','vi','photo@newsis.com','[email protected]',['vi:placeholder','vi:protected']),
 ('e41','c28','vi','tự lái','자율주행',['vi:hangul','vi:terms']),
 ('e42','c21','en','The city plans','시는 plans',['en:hangul']),
 ('e43','c25','vi','trạm đổi pin','trạm 배터리 교환',['vi:hangul','vi:terms']),
 ('e44','c51','en','e-scooters','킥보드',['en:hangul']),
 ('e45','c25','en','battery swapping','battery exchange',['en:terms']),
 ('e46','c26','vi','công ty khởi nghiệp','doanh nghiệp mới thành lập',['vi:terms','vi:forbidden']),
 ('e47','c28','en','autonomous driving','self-driving',['en:terms','en:forbidden']),
 ('e48','c27','en','startups','companies',['en:terms']),
 ('e49','c28','vi','Bộ Khoa học và Công nghệ','Bộ Khoa học',['vi:terms']),
 ('e50','c25','vi','Thành phố Busan','Busan',['vi:terms']),
 ('e51','c59','en',' The chargers will mostly go into apartment complexes.','',['en:omission']),
 ('e52','c59','vi',' Thành phố sẽ chịu một nửa chi phí lắp đặt.','',['vi:omission']),
 ('e53','c22','vi','Việt Nam là một trong những thị trường tăng trưởng nhanh nhất Đông Nam Á. ','',['vi:omission']),
 ('e54','c60','en',' That is twice as many as last year.','',['en:omission']),
 ('e55','c21','vi',' Thành phố dự kiến đưa vào vận hành chính thức từ năm sau.','',['vi:omission']),
 ('e56','c64','en',' "We will further expand cooperation," he added.','',['en:omission']),
 ('e57','c22','en','this year.','this year. Sales of electric motorcycles there reached 230,000 units last year.',['en:omission']),
 ('e58','c49','en','*','"Smart mobility is key," he said.',['en:truncated']),
 ('e59','c20','vi','*','Thị trưởng Oh cho biết.',['vi:truncated','vi:values']),
 ('e60','c22','en','*','Vietnam is one of the',['en:truncated','en:values']),
 ('e61','c62','vi','*','Số du khách Việt Nam',['vi:truncated','vi:values']),
 ('e62','c26','en','Park Heong-joon','Park Hyung-joon',['both:crossNames']),
 ('e63','c55','vi','VF8','VF9',['vi:values','both:crossNames','both:crossValues']),
 ('e64','c45','vi','Oh Se-hoon','Oh Se-hun',['both:crossNames']),
 ('e65','c11','en','doubled','tripled',['en:values']),
 ('e66','c12','vi','tháng 3','tháng 4',['vi:values','both:crossValues']),
 ('e67','c42','en','in May','in March',['en:values']),
 ('e68','c40','en','on Thursday','on the 14th',['en:values']),
 ('e69','c56','vi','2 giờ chiều','3 giờ chiều',['vi:values','both:crossValues']),
 ('e70','c61','en','18:00','16:00',['en:values','both:crossValues']),
 ('e71','c34','vi','3,5%','5,3%',['vi:values','both:crossValues']),
 ('e72','c43','en','to 2027','to 2026',['en:values','both:crossValues']),
 ('e73','c58','vi','2027','2028',['vi:values','both:crossValues']),
 ('e74','c66','en','to three','to two',['en:values']),
 ('e75','c67','vi','7 giờ 30 tối','7 giờ 30 sáng',['vi:values','both:crossValues']),
]
EXTRA = [
 {'id': 'e76', 'ko': '◎공감언론 뉴시스 [email protected]', 'vi': '◎Newsis [email protected]', 'en': '◎Newsis [email protected]', 'expect': ['vi:placeholder', 'en:placeholder']},
 {'id': 'e77', 'ko': '시는 작년보다 방문객이 늘었다고 밝혔다.', 'vi': 'Thành phố cho biết lượng khách tham quan tăng so với năm 2021.', 'en': 'The city said the number of visitors rose from 2022.', 'expect': ['both:crossValues']},
 {'id': 'e78', 'ko': '사진은 https://img1.newsis.com/2022/08/03/NISI20220803_0001056376_web.jpg 에 있다.', 'vi': 'Ảnh có tại https://img1.newsis.com/2022/08/03/NISI20220803_0001056376_web.jpg.', 'en': 'The picture is at https://img1.newsis.com/2022/08/03/NISI20220803_0001056376.jpg.', 'expect': ['en:protected']},
]

rows = []
for k, (ko, vi, en) in C.items():
    if k in NFD_ROWS:
        ko, vi, en = (unicodedata.normalize('NFD', s) for s in (ko, vi, en))
    rows.append({'id': k, 'ko': ko, 'vi': vi, 'en': en, 'expect': []})
for pid, base, lang, find, repl, expect in P:
    ko, vi, en = C[base]
    if base in NFD_ROWS:
        ko, vi, en = (unicodedata.normalize('NFD', s) for s in (ko, vi, en))
        find = unicodedata.normalize('NFD', find); repl = unicodedata.normalize('NFD', repl)
    t = {'vi': vi, 'en': en}
    if find == '*':
        t[lang] = repl
    else:
        assert find in t[lang], (pid, find)
        t[lang] = t[lang].replace(find, repl, 1)
    rows.append({'id': pid, 'base': base, 'ko': ko, 'vi': t['vi'], 'en': t['en'], 'expect': expect})
rows.extend(EXTRA)
out = pathlib.Path(__file__).resolve().parents[2] / 'common/qa/fixtures/news-rows.json'
out.write_text(json.dumps({'description': 'Labelled Korean news rows with Vietnamese and English translations. Rows with an empty expect list are correct (every legitimate locale variant); others carry one planted error and the lang:check findings it must raise.', 'terms': TERMS, 'rows': rows}, ensure_ascii=False, indent=1) + '\n')
print(len(rows), 'rows', sum(1 for r in rows if not r['expect']), 'correct')
