"""Identifiers and addresses of international and administrative text (`_phi_regional`, probe9b's classes).

Each class both ways: the identifier is found (with its category), and its nearest benign
look-alike stays clean. Values are new (not the probe's).
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies.phi_detector import detect_phi


def found(text: str) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in detect_phi(text)]


def covered(text: str, value: str, category: str | None = None) -> bool:
    """A finding covers at least half of `value` (and has `category`, when given)."""
    start = text.index(value)
    end = start + len(value)
    return any(
        2 * (min(f.end, end) - max(f.start, start)) >= len(value)
        and (category is None or f.category == category)
        for f in detect_phi(text)
    )


# -- ages over 89 as a birthday's ordinal ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Happy 97th birthday to my wonderful nan, Edith Clarke!", "97"),
        ("Auguri a nonno Pietro Villa per il suo 101° compleanno!", "101"),
        ("Oma Hildegard Krause feiert morgen ihren 93. Geburtstag.", "93"),
    ],
)
def test_an_age_over_89_as_a_birthday_ordinal(text: str, age: str) -> None:
    assert ("age_over_89", age) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Celebrating our 95th birthday with 30% off every kettle this weekend!",
        "Happy 45th birthday to the best dad in the world!",
    ],
)
def test_a_firms_birthday_or_a_younger_age_is_no_age_over_89(text: str) -> None:
    assert not any(c == "age_over_89" for c, _ in found(text)), found(text)


# -- number plates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        (
            "Policyholder Marta Rossi, licence U17Z44821K, vehicle FB 602TC (VIN 1HGCM82633A004352).",
            "FB 602TC",
        ),
        ("Vehicle KDA 418M registered to Otieno, Brian was seen leaving the depot.", "KDA 418M"),
        ("Reza Tehrani sent his licence and the plate of the car, MH 12 AB 4471.", "MH 12 AB 4471"),
        ("Vehicle 512 K 33-07 registered to Mori Takeshi was recorded at the gate.", "512 K 33-07"),
    ],
)
def test_a_number_plate_of_any_country_after_a_vehicle_cue(text: str, plate: str) -> None:
    assert covered(text, plate, "vehicle_identifier"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The vehicle EV6 GT is available in three trims from March.",
        "Every vehicle ID 4471 in the fleet report is a depot number.",
    ],
)
def test_a_car_model_in_copy_about_no_one_is_no_plate(text: str) -> None:
    assert not any(c == "vehicle_identifier" and "GT" in v for c, v in found(text)), found(text)
    assert ("vehicle_identifier", "ID 4471") not in found(text)


# -- IBANs in any grouping and account numbers after labels of other languages --------------------------


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        # the UK's sort code and account grouped as a bank prints them, check digits valid
        ("Please send the refund to GB82 WEST 123456 98765432 by Friday.", "GB82 WEST 123456 98765432"),
        # an Italian IBAN in CIN/ABI/CAB/account groups after `IBAN`, check digits not valid
        ("Lo stipendio va sul conto IBAN IT12 K05428 11101 000000123456.", "IT12 K05428 11101 000000123456"),
    ],
)
def test_an_iban_in_any_grouping(text: str, iban: str) -> None:
    assert covered(text, iban, "account_number"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "CHART NUMBER MR4058473 SHOULD GET THE FOLLOW-UP COUPON THANKS!",
        "Our SKU GB12 ABCD EFGH IJKL ships in 3 colours.",
        "Any charges for a transfer from GB34BUKB20201555555555 to other accounts?",
    ],
)
def test_words_after_a_code_or_a_broken_iban_without_a_label_are_no_iban(text: str) -> None:
    assert not any(c == "account_number" and " " in v and not v[4:6].isdigit() for c, v in found(text)), (
        found(text)
    )
    assert not any(c == "account_number" and "SHOULD" in v for c, v in found(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Geachte heer Jansen, uw klantnummer is 0072618834.", "0072618834"),
        ("Ihre Kundennummer: 4471-203958 bitte bei Rückfragen angeben.", "4471-203958"),
        ("Le numéro de client 88120934 est associé à votre dossier.", "88120934"),
        ("Su número de cuenta es 2100 0418 4502 0005 1332.", "2100 0418 4502 0005 1332"),
    ],
)
def test_a_customer_or_account_number_after_a_label_of_another_language(text: str, value: str) -> None:
    assert covered(text, value, "account_number"), found(text)


def test_an_order_number_or_a_price_after_no_account_label_stays_clean() -> None:
    text = "Bestelnummer 20240518 verzonden; totaal 49,95 euro. Artikelnummer 123456."
    assert not any(c == "account_number" for c, _ in found(text)), found(text)


# -- national numbers by their labels -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Njeri Wanjiku (KRA PIN: A004417285Q) signed the lease.", "A004417285Q"),
        ("Ivan Petrov, SNILS 112-233-445 95, applied for the pension.", "112-233-445 95"),
    ],
)
def test_a_national_number_after_its_label(text: str, value: str) -> None:
    assert covered(text, value), found(text)


def test_a_pin_code_of_a_shop_is_no_kra_pin() -> None:
    assert found("Enter the PIN 4471 at the till to pay.") == []


# -- handles -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("Found a purse on the tram with a bus pass for Ana Ruiz. DM me u/tramfinder88", "u/tramfinder88"),
        ("I'm 41F, my knee still hurts after the surgery (posting as @quietfern_71)", "@quietfern_71"),
        ("Posted by @grumpy_gran12 · Leeds\nMy mum was diagnosed with COPD last winter.", "@grumpy_gran12"),
    ],
)
def test_a_handle_someone_posts_or_is_reached_under(text: str, handle: str) -> None:
    assert covered(text, handle), found(text)


def test_a_brands_post_byline_in_copy_about_no_one_stays_clean() -> None:
    assert found("Posted by @kettleworks · Leeds\nOur new kettle boils in 90 seconds.") == []


# -- addresses of international layouts ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Vehicle KDA 418M registered to Brian Otieno of House 27, Moi Avenue, Nakuru 20100 was seen.",
            "House 27, Moi Avenue",
        ),
        (
            "Vehicle KDA 418M registered to Brian Otieno of House 27, Moi Avenue, Nakuru 20100 was seen.",
            "Nakuru",
        ),
        (
            "Vehicle KDA 418M registered to Brian Otieno of House 27, Moi Avenue, Nakuru 20100 was seen.",
            "20100",
        ),
        ("Ngozi: Plot 41, Awolowo Road, Ikeja 100271, buzzer says Eze", "Plot 41, Awolowo Road"),
        (
            "Appointment confirmation\n\nMin-ji Kang\nTeheran-ro 88, Apt 1203, Busan 48058\n",
            "Teheran-ro 88, Apt 1203",
        ),
        ("SHIP TO:\nSato Haruki\n14-3-7 Nishiki, Nagoya 460-0003\nTel: 052-555-0101", "14-3-7 Nishiki"),
        ("Hi Minh, it's Lan from flat 3 at 88/4 Nguyễn Trãi. The boiler's broken again.", "88/4 Nguyễn Trãi"),
        ("Ship to Trần Lan, Số 21 Hai Bà Trưng, Huế 530000.", "Số 21 Hai Bà Trưng"),
        (
            "Appointment confirmation\n\nClaire Morel\n12 bis rue des Lilas, 69003 Lyon\n",
            "12 bis rue des Lilas",
        ),
        ("Olga Smirnova lives at ul. Lenina, d. 14, kv. 7, Kazan, 420111.", "ul. Lenina, d. 14, kv. 7"),
        (
            "Vehicle 44B 7731 registered to Ali Rezaei of Vali Asr Ave., Alley 12, No. 9, Tabriz.",
            "Vali Asr Ave., Alley 12, No. 9",
        ),
        ("Il sig. Marco Bianchi, nato a Bergamo il 3 marzo 1951, residente in via Roma 4.", "Bergamo"),
        ("— Rossi, Elena, Bergamo", "Bergamo"),
        (
            '{"name": "Eva Smit", "dob": "1961-04-02", "home_address": {"street": "Kerkweg 12", "city": "Delft", "zip": "2611 AB"}}',
            "2611 AB",
        ),
    ],
)
def test_an_address_of_an_international_layout(text: str, value: str) -> None:
    if value == "Bergamo" and text.startswith("—"):
        text = "Thank you to the ward staff for caring for my mum so well — she's 95. " + text
    assert covered(text, value, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Open 24/7 Support for every order over $50.",
        "Level 3, Rainbow Road is the hardest track in the game.",
        "Our 1-2-3 Go kit ships in three colours.",
        "Thanks to the University of Bologna, who hosted the workshop.",
    ],
)
def test_benign_numbers_and_units_stay_clean(text: str) -> None:
    assert not any(c == "address" for c, _ in found(text)), found(text)


# -- second pass: ages in words and other languages, record paths, registration labels --------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Cards for Grandpa Walter Haines's ninety-third birthday go in the box.", "ninety-third"),
        ("Nonno Aldo Conti ha compiuto 98 anni domenica.", "98"),
        ("Doña Pilar Vega cumplió 96 años en marzo.", "96"),
        ("Mémé Odette Lambert fête ses 93 ans samedi.", "93"),
        ("Opa Karl Weber wird heute 99.", "99"),
    ],
)
def test_an_age_over_89_in_words_or_after_a_verb_of_turning(text: str, age: str) -> None:
    assert ("age_over_89", age) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "La nostra pasticceria compie 100 anni di storia: vieni a festeggiare!",
        "Our bakery celebrates its hundredth birthday with free cake.",
    ],
)
def test_a_firms_anniversary_is_no_age(text: str) -> None:
    assert not any(c == "age_over_89" for c, _ in found(text)), found(text)


def test_a_record_number_in_a_url_path() -> None:
    text = '10.2.3.4 - - [03/Mar/2026:09:12:44 +0000] "GET /patients/KX8812043/summary HTTP/1.1" 200 812'
    assert covered(text, "KX8812043", "medical_record_number"), found(text)


def test_a_product_number_in_a_url_path_stays_clean() -> None:
    text = '"GET /products/88120434/reviews HTTP/1.1" 200 5123 "-" "Mozilla/5.0"'
    assert not any(c == "medical_record_number" for c, _ in found(text)), found(text)


def test_a_plate_after_a_registration_label_with_its_owner() -> None:
    text = "Reg. no. KR 7Y214, owned by Tomasz Lis, was clamped on Monday."
    assert covered(text, "KR 7Y214", "vehicle_identifier"), found(text)


def test_a_company_registration_number_alone_is_no_plate() -> None:
    assert not any(c == "vehicle_identifier" for c, _ in found("Acme Ltd, Company Reg. No. SC482910.")), (
        found("Acme Ltd, Company Reg. No. SC482910.")
    )


# -- third pass: staff, student and national numbers after local labels; Korean plates; more layouts ------


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        ("Personalnummer: 118203 für Frau Lena Brandt.", "118203", "other_unique_identifier"),
        ("Dipendente Sara Conti, matricola 5520931.", "5520931", "other_unique_identifier"),
        ("Número de empleado: E-88412 (Marta Gil).", "E-88412", "other_unique_identifier"),
        ("Numéro d'étudiant : 30218854, Hugo Petit.", "30218854", "other_unique_identifier"),
        ("Matrikelnummer 4419920 von Jonas Hahn.", "4419920", "other_unique_identifier"),
        ("Staff number ST-220417, Kofi Boateng.", "ST-220417", "other_unique_identifier"),
        ("RUT 9.876.543-K, Diego Fuentes.", "9.876.543-K", "other_unique_identifier"),
        ("NIK 3275011203880004, Siti Rahma.", "3275011203880004", "other_unique_identifier"),
        ("Krankenversichertennummer B987654321, Uwe Roth.", "B987654321", "health_plan_number"),
    ],
)
def test_a_staff_student_or_national_number_after_a_local_label(text: str, value: str, category: str) -> None:
    assert covered(text, value, category), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We run 5000 tests every night.",
        "RUN 4471 COMPLETED.",
        "OUR NSS 4400 ROUTER SHIPS TODAY",
        "La matricola 2026 del corso è aperta.",
    ],
)
def test_an_acronym_label_as_a_word_or_a_year_is_no_identifier(text: str) -> None:
    assert not any(c == "other_unique_identifier" for c, _ in found(text)), found(text)


def test_a_korean_plate_with_its_hangul_syllable() -> None:
    text = "Ji-ho Park sent his licence and the plate of the car, 34나 7781."
    assert covered(text, "34나 7781", "vehicle_identifier"), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nguyen Thi Lan, 45 Lê Thánh Tôn, Quận 1, TP. Hồ Chí Minh", "45 Lê Thánh Tôn, Quận 1"),
        ("Bruna Lima, Rua Oscar Freire, 900, apto 12, São Paulo - SP, 01426-001", "São Paulo"),
    ],
)
def test_a_vietnamese_district_or_a_brazilian_town_after_its_flat(text: str, value: str) -> None:
    assert covered(text, value, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Happy 100th birthday to our favourite brand, Acme!",
        "Plot 12, Harbour Road opens for tenants in May.",
        "Event on 12-05-24 Monday, at 3-4-5 Plaza.",
    ],
)
def test_a_brands_birthday_a_landlords_plot_and_a_dated_event_stay_clean(text: str) -> None:
    assert found(text) == []
