"""probe6's international classes (`_phi_scripts`, `_phi_locales`): values in other scripts and locales.

Made-up strings, positive and benign-negative for each class.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies.phi_detector import detect_phi
from tests.unit.phi_checks import covered, findings, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Chinese, after a cue word and before "in the name of" / "Mr"
        ("病人吴晓东\uff0c电话13900001111\uff0c请于周五复诊。", "吴晓东"),
        ("联系人\uff1a欧阳明月 / 手机 13522223333", "欧阳明月"),
        ("请把货款汇入谢小兰名下的账户。", "谢小兰"),
        ("尊敬的胡建平先生\uff0c您的报告已出。", "胡建平"),
        # Japanese, after a cue word or before -sama with no space
        ("氏名\uff1a松井ひろみ / 生年月日\uff1a1971/02/03", "松井ひろみ"),
        ("村田健一様の検査結果をお送りします。", "村田健一"),
        ("私は藤本直美です。予約の確認をお願いします。", "藤本直美"),
        # Korean
        ("성명: 윤지호 / 생년월일: 1980.01.02", "윤지호"),
        ("보호자 남궁민수 (전화 010-2222-3333)", "남궁민수"),
        ("저는 배수진입니다. 진료 예약을 바꾸고 싶어요.", "배수진"),
        # Arabic
        ("المريضة سلمى الحداد، رقم الملف 2231.", "سلمى الحداد"),
        ("عزيزي يوسف بن راشد، نرجو تأكيد الموعد.", "يوسف بن راشد"),
        # Hindi
        ("मरीज़ अनुराधा कुलकर्णी, उम्र 41, को भर्ती किया गया।", "अनुराधा कुलकर्णी"),
        ("प्रिय विजय मल्होत्रा, आपकी रिपोर्ट तैयार है।", "विजय मल्होत्रा"),
        ("सुनील भाटिया का पता बदल गया है।", "सुनील भाटिया"),
        # English cues before a name in another script
        ("Emergency contact: 高橋美咲 (sister), tel 090-1111-2222", "高橋美咲"),
        ("Beneficiary: فاطمة الزهراء / IBAN on file", "فاطمة الزهراء"),
        ("Consent signed by guardian 조은비, DOB 1999.09.09.", "조은비"),
        ("Passenger name: अमित वर्मा | Seat 14C", "अमित वर्मा"),
        ("罗志强 <zq.luo@example.cn> wrote:\nPlease move my visit.", "罗志强"),
    ],
)
def test_a_name_in_another_script_after_a_person_cue(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者安全\uff0c请注意防跌倒。", "安全"),  # "patient safety": a word, though 安 is a family name
        ("患者须知\uff1a就诊前请空腹。", "须知"),
        ("환자 안내문: 검사 전 금식", "안내문"),  # "patient guide"
        ("from 南京 to 上海 by train", "南京"),  # no person cue
        ("会員様限定のセールは3月末まで。", "会員"),  # "dear member"
        ("المريض إلى قسم الطوارئ.", "إلى"),  # "the patient to the emergency ward": no name
    ],
)
def test_a_word_after_a_cue_that_is_no_name_is_not_flagged(text: str, value: str) -> None:
    assert not touched(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("地址\uff1a浙江省杭州市西湖区文三路A座 310012\uff0c邮箱略", "浙江省杭州市西湖区文三路A座 310012"),
        ("家住四川省成都市武侯区人民南路12号。", "四川省成都市武侯区人民南路12号"),
        ("العنوان: شارع الخليج، مبنى 44، شقة 7، الكويت / الهاتف", "شارع الخليج، مبنى 44، شقة 7، الكويت"),
        ("يسكن في طريق المطار رقم 19، جدة.", "طريق المطار رقم 19، جدة"),
        ("पता: 12/7 गांधी नगर भोपाल 462001 / फ़ोन", "12/7 गांधी नगर भोपाल 462001"),
        ("पता 88 लाजपत कॉलोनी कानपुर-208001, ईमेल", "88 लाजपत कॉलोनी कानपुर-208001"),
    ],
)
def test_an_address_in_chinese_arabic_or_devanagari(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "شارع الملك فهد مزدحم اليوم بسبب الأمطار.",  # a street with no house number: a public place
        "हमारे 25 केंद्र पूरे देश में खुले हैं।",  # a number and words, no PIN code
        "上海市是中国最大的城市之一。",  # a city, no street and building
    ],
)
def test_a_public_place_in_those_scripts_is_no_address(text: str) -> None:
    assert not any(f.category == "address" for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者许强\uff0c预约时间2023/11/02。", "2023/11/02"),
        ("患者 佐々木花 様\uff081958/07/21生\uff09", "1958/07/21"),
        ("عزيزي سامي العمر، موعدك يوم 3 أبريل 2025.", "3 أبريل 2025"),
        ("प्रिय गीता राव, आपका अपॉइंटमेंट 14 जुलाई 2024 को है।", "14 जुलाई 2024"),
    ],
)
def test_a_date_against_cjk_text_or_with_an_arabic_or_hindi_month(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_an_email_written_against_japanese_text() -> None:
    text = "ご質問は k.tanaka@example.jp までご連絡ください。担当 北村京子様宛て\uff1ak2.kita@example.jpまで"
    assert covered(text, "k2.kita@example.jp"), findings(text)


def test_a_phone_after_an_arabic_phone_word() -> None:
    text = "الاسم: هدى السالم / الهاتف: 0551234567"
    assert covered(text, "0551234567"), findings(text)


@pytest.mark.parametrize(
    ("text", "street", "town"),
    [
        ("Patienten bor på Björkstigen 14 i Sundsvall. Återbesök i maj.", "Björkstigen 14", "Sundsvall"),
        ("Mevrouw woont op Lindeweg 3 in Oude Pekela; bel haar dochter.", "Lindeweg 3", "Oude Pekela"),
        (
            "Pacjent zamieszkały przy ul. Lipowa 8/2 w Kędzierzyn-Koźle, tel. w karcie.",
            "ul. Lipowa 8/2",
            None,
        ),
        ("Ela mora na Rua das Flores 120 em Campinas, desde 2019.", "Rua das Flores 120", "Campinas"),
    ],
)
def test_a_home_after_a_verb_of_living_and_its_town(text: str, street: str, town: str | None) -> None:
    assert covered(text, street), findings(text)
    assert covered(text, town or "Kędzierzyn-Koźle"), findings(text)


def test_a_turkish_town_before_adresinde() -> None:
    text = "Hasta Cumhuriyet Mah. Gül Sok. No:4, Eskişehir adresinde ikamet etmektedir."
    assert covered(text, "Eskişehir"), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Återbetalning till konto SE12 3456 7890 1234 5678 9012.", "SE12 3456 7890 1234 5678 9012"),
        ("Graag overmaken op rekening NL00 ABCD 0123 4567 89.", "NL00 ABCD 0123 4567 89"),
        ("IBAN: DE00123456780000000000 (Kontoinhaber siehe oben)", "DE00123456780000000000"),
    ],
)
def test_an_account_number_after_an_account_word_even_with_bad_check_digits(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_a_code_without_an_account_word_is_no_account() -> None:
    text = "Order reference SE12 3456 7890 1234 5678 9012 shipped."
    assert not any(f.category == "account_number" for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Naam: Sanne van der Wiel / BSN: 123456782", "Sanne van der Wiel"),
        ("Ad Soyad: Berkay Öztürk / Doğum Tarihi: 01.02.1990", "Berkay Öztürk"),
        ("Betaling t.n.v. Noor van 't Hof.", "Noor van 't Hof"),
        ("For the visa: my passport name is MARIELLA FONTANA.", "MARIELLA FONTANA"),
        ("Utbetalning, kontoinnehavare Lisbeth Wallin, via Swish.", "Lisbeth Wallin"),
    ],
)
def test_a_full_name_after_a_name_label(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Full name: Customer Service / Tel: see website",  # everyday words, no person
        "The passport name is THE SAME AS BEFORE.",
    ],
)
def test_a_name_label_with_everyday_words_is_no_name(text: str) -> None:
    assert not any(f.category == "name" for f in detect_phi(text)), findings(text)


def test_a_brazilian_phone_after_a_contact_word() -> None:
    text = "Contato: paciente@example.com.br / 31 98765-4321."
    assert covered(text, "31 98765-4321"), findings(text)
    assert not any(f.category == "phone" for f in detect_phi("Preço 12 1234-5678 no catálogo."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("오민지 고객님, 예약이 변경되었습니다.", "오민지"),  # Korean: the title after the name
        ("검사 결과: 황보영 환자의 혈압은 정상입니다.", "황보영"),
        ("北村一郎 様へ、検査結果のお知らせ", "北村一郎"),  # Japanese: a space before -sama
        ("From: 송하늘 <sky@example.kr>\nSubject: 예약", "송하늘"),
        ("الاسم الكامل: منى عبد الله / رقم الهوية: على الملف", "منى عبد الله"),
    ],
)
def test_a_name_before_its_title_or_after_a_header(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("العنوان: الشارقة، حي الخان، فيلا 8 / البريد: على الملف", "الشارقة، حي الخان، فيلا 8"),
        ("تقيم في حي الروضة، جدة، الموعد يوم الأحد", "حي الروضة، جدة"),
        ("Hon är bosatt på Ekbacken 12 i Falun sedan 2010.", "Ekbacken 12"),
    ],
)
def test_an_address_after_an_address_word_or_a_verb_of_living(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "患者 喜多川陽菜 様の検査は終了しました。",
            "喜多川陽菜",
        ),  # a family name no list holds, before -sama
        ("Full name: 江古田陽子 | Ward 3", "江古田陽子"),
    ],
)
def test_a_japanese_name_beside_a_name_label_or_an_honorific(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("利用者様各位\uff1aシステム更新のお知らせ", "利用者"),  # a role before -sama
        ("担当者様へ資料を送付します。", "担当者"),
        ("Name: 報告書.pdf (attached)", "報告書"),  # a file name
    ],
)
def test_a_role_or_a_file_name_is_no_japanese_name(text: str, value: str) -> None:
    assert not touched(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者姓名\uff1a蒋文博 / 性别\uff1a男", "蒋文博"),  # a cue word, then a name label
        ("患者氏名\uff1a宮沢りえ子", "宮沢りえ子"),
        ("تم حجز الموعد باسم ليلى الشمري، يوم 5/5/2025.", "ليلى الشمري"),  # "in the name of"
        ("पति: सुरेश यादव, मोबाइल 9876543210", "सुरेश यादव"),  # "husband"
        ("환자명: 윤서진 / 진료과: 내과", "윤서진"),
    ],
)
def test_a_name_after_a_chain_of_cues_or_a_relative(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("पिता जी, आज आपकी रिपोर्ट आई।", "जी"),  # "respected father": an honorific, no name
        ("पति के साथ आएं।", "के साथ"),
    ],
)
def test_an_honorific_or_a_postposition_after_a_relative_is_no_name(text: str, value: str) -> None:
    assert not touched(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("患者邓丽娟于2023年6月1日入院。", "邓丽娟"),  # a Chinese function word ("on") after the name
        ("患者孟凡在候诊区等待。", "孟凡"),
        ("환자 정우성은 내일 퇴원합니다.", "정우성"),  # a Korean particle after the name
        ("보호자 한지민의 연락처를 확인했습니다.", "한지민"),
    ],
)
def test_a_name_in_a_sentence_before_a_particle(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("المريض حسن البدوي في غرفة 12 منذ أمس.", "حسن البدوي"),  # an Arabic preposition after the name
        ("المريضة نورة القحطاني تعاني من صداع.", "نورة القحطاني"),
        ("मरीज़ दीपक जोशी को छुट्टी दे दी गई।", "दीपक जोशी"),  # a Hindi postposition
        ("श्रीमती कविता सेन ने फ़ोन किया।", "कविता सेन"),
    ],
)
def test_an_arabic_or_hindi_name_in_a_sentence(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
    assert not touched(text, text.split(value)[1].split()[1]), findings(text)  # the sentence goes on


def test_a_japanese_family_name_with_sama_and_an_era_date() -> None:
    text = "Dear 石田様, your check-up is on 令和7年1月9日 at 10:00."
    assert covered(text, "石田"), findings(text)
    assert covered(text, "令和7年1月9日"), findings(text)
    benign = "平成の名曲を特集します。会員様限定。"
    assert not any(f.category in ("name", "date") for f in detect_phi(benign)), findings(benign)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient Nils Ek (tel 070-123 45 67) flyttade till Björkgränd 14, Kiruna.", "Björkgränd 14"),
        ("Patient Nils Ek (tel 070-123 45 67) flyttade till Björkgränd 14, Kiruna.", "Kiruna"),
        ("Pasient Kari Dahl, Solbakken 3 i Tromsø. Time 3. mars.", "Solbakken 3"),
        ("Hon bor i Skellefteå sedan 2010. Patient Eva Ström, 070-555 12 34.", "Skellefteå"),
        ("Pacjent Jan Nowak, PESEL 02070803628, mieszka w Gdańsku.", "Gdańsku"),
    ],
)
def test_a_nordic_street_by_its_suffix_and_a_town_after_a_verb_of_living(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_a_home_ends_with_its_sentence_and_a_street_word_alone_is_no_address() -> None:
    text = "Ela mora em Campinas com a filha. CPF 123.456.789-09"
    assert not touched(text, "filha"), findings(text)
    benign = "Vägen 2 till hälsa: tips om sömn och motion."  # no person, no house number of anyone
    assert not any(f.category == "address" for f in detect_phi(benign)), findings(benign)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تاريخ الميلاد: 3/9/1971 / الموعد: 12/1/2026", "3/9/1971"),
        ("तारीख नहीं बदली। जन्म तिथि: 30/06/1958", "30/06/1958"),
        ("出生日期\uff1a1949/10/01", "1949/10/01"),
        ("생년월일: 1977년 3월 15일", "1977년 3월 15일"),
    ],
)
def test_a_date_after_a_birth_date_label_in_another_script(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("住所\uff1a大阪府大阪市北区梅田3-1-3 / 氏名\uff1a森田明美", "大阪府大阪市北区梅田3-1-3"),
        ("주소: 부산 해운대구 달맞이길 62, 이름: 최수아", "부산 해운대구 달맞이길 62"),
        ("العنوان: ص.ب 45678، أبوظبي / الاسم: ريم الكعبي", "ص.ب 45678"),
    ],
)
def test_more_address_shapes_of_japan_korea_and_the_gulf(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Reviewed by: 周杰 / Date: 2025-03-01", "周杰"),
        ("Customer: 김하늘 | Ticket 88", "김하늘"),
        ("د. سامي الخطيب، عيادة القلب", "سامي الخطيب"),
        ("黄建国大夫\uff0c您好", "黄建国"),
        ("예약 문의는 박지성 교수님 앞으로 보내 주세요.", "박지성"),
    ],
)
def test_a_name_after_a_role_cue_or_before_a_professional_title(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_a_title_alone_is_no_name() -> None:
    for text in ("医生建议多休息。", "선생님께 감사드립니다.", "Member: VIP / 会员"):
        assert not any(f.category == "name" for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("您好\uff0c我是孙丽的家属\uff0c想改约时间。", "孙丽"),  # the name ends before a function word
        ("नमस्ते, मैं विनोद शर्मा बोल रहा हूँ।", "विनोद शर्मा"),  # "I am ... speaking"
        ("Caller said her name was 曹雪 and asked for a refill.", "曹雪"),  # a Latin word ends it
        ("Contact person: नेहा कपूर, +91 98765 43210", "नेहा कपूर"),
    ],
)
def test_a_name_ending_inside_a_run_or_before_a_latin_word(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_a_hindi_state_after_i_am_is_no_name() -> None:
    for text in ("मैं ठीक हूँ।", "मैं बहुत खुश हूँ।"):
        assert not any(f.category == "name" for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nome completo: João da Silva Neto / CPF: ver ficha", "João da Silva Neto"),
        ("Patiëntnaam: Lotte van der Berg / BSN: zie dossier", "Lotte van der Berg"),
        ("Fullständigt namn: Karl-Erik Åström / Personnummer: se journal", "Karl-Erik Åström"),
        ("Hasta Ad\u0131: Mehmet Öztürk / Yaş: 45", "Mehmet Öztürk"),
    ],
)
def test_a_full_name_after_a_longer_name_label(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pacjentka Anna Nowak, urodzona 12 marca 1961, prosi o kontakt.", "12 marca 1961"),
        ("Jan Kowalski, ur. 3 pa\u017adziernika 1944, PESEL w karcie.", "3 pa\u017adziernika 1944"),
        ("Merhaba, ben Ay\u015fe Kaya. 14 \u015eubat 1979 do\u011fumluyum.", "14 \u015eubat 1979"),
        ("Patienten f\u00f6ddes 9 augusti 1958 i Ume\u00e5, MRN 5521930.", "9 augusti 1958"),
    ],
)
def test_birth_dates_with_polish_turkish_and_nordic_month_names(text: str, value: str) -> None:
    assert any(f.text == value for f in detect_phi(text)), detect_phi(text)


def test_a_campaign_date_in_those_languages_names_no_one() -> None:
    assert detect_phi("Kampania trwa do 30 listopada 2025. Zapraszamy!") == []
    assert detect_phi("Kampanya 5 Aral\u0131k 2024 tarihinde bitiyor.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Consent signed by \u738b\u79c0\u82f1 on 2023\u5e745\u67082\u65e5.", "\u738b\u79c0\u82f1"),
        ("New registration: \ubc15\uc9c0\ud6c8, born 1980\ub144 3\uc6d4 2\uc77c", "\ubc15\uc9c0\ud6c8"),
        (
            "\u304a\u4e16\u8a71\u306b\u306a\u3063\u3066\u304a\u308a\u307e\u3059\u3002\u4f50\u85e4\u5065\u3068\u7533\u3057\u307e\u3059\u3002",
            "\u4f50\u85e4\u5065",
        ),
        (
            "Intake: \u0633\u0627\u0645\u064a \u0627\u0644\u0639\u0644\u064a, born 02/02/1971",
            "\u0633\u0627\u0645\u064a \u0627\u0644\u0639\u0644\u064a",
        ),
    ],
)
def test_script_names_after_signed_by_before_born_and_self_introduced(text: str, name: str) -> None:
    assert any(f.category == "name" and f.text == name for f in detect_phi(text)), detect_phi(text)


@pytest.mark.parametrize(
    "text",
    [
        "\u53d7\u4ed8\u306f\u4f1a\u8b70\u5ba4\u3067\u3059\u3002",
        "\u4e88\u7d04\u306f\u660e\u65e5\u3067\u3059\u3002",
        "\u6771\u4eac\u99c5\u3068\u8a00\u3044\u307e\u3059\u3002",
    ],
)
def test_a_japanese_sentence_ending_in_desu_names_no_one(text: str) -> None:
    assert detect_phi(text) == []


def test_an_iban_shaped_account_after_an_arabic_account_word() -> None:
    text = "\u064a\u0631\u062c\u0649 \u0627\u0644\u062a\u062d\u0648\u064a\u0644 \u0625\u0644\u0649 \u0627\u0644\u062d\u0633\u0627\u0628 AE070331234567890123456 \u0634\u0643\u0631\u0627"
    assert any(f.text == "AE070331234567890123456" for f in detect_phi(text)), detect_phi(text)
    assert detect_phi("Use promo code AB12CDEF3456GHIJ7890 at checkout") == []
