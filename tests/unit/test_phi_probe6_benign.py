"""probe6's benign classes: marketing copy and clinical text that name no one.

Each class: made-up copy that must stay clean, and made-up text where the same shape
belongs to a person and must still be found.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies.phi_detector import detect_phi
from tests.unit.phi_checks import covered, findings, identifiers


@pytest.mark.parametrize(
    "text",
    [
        "Questions? Call us toll-free at 1-877-555-0143 (Mon-Fri, 9am-7pm ET). Sale ends June 9.",
        "Need help? Our team is here Tue-Sat, 10-6. Offer valid through 8/31.",
        "Support line (Monday-Friday, 8-5 CT): 1-866-555-0190. Webinar on March 3.",
        "Pharmacy open Mon - Fri 8-8, Sat 9-1; holiday hours start December 20.",
        "Call 1-800-555-0177 (Thurs-Sun only). Doors open at 10 AM on October 4.",
    ],
)
def test_a_range_of_weekdays_is_no_name(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Featured on Good Morning America and in Women's Health. Sale ends 5/4.",
        "As seen on The Kelly Clarkson Show! Order by November 30 for holiday delivery.",
        "As featured in Southern Living and Bon Appetit. Shipping to Denver on 3/3.",
        "Appeared on Good Day Sacramento - pre-orders close July 15.",
    ],
)
def test_a_press_mention_names_a_show_or_a_paper(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Investor relations: ir@northwindfoods.com. Earnings call on February 12.",
        "Press: pr@glowlabs.co | Careers: recruiting@glowlabs.co | Sale ends 4/30",
        "Write to investors@contosobank.com or communications@contosobank.com by May 2.",
        "Wholesale orders: wholesale@inkwellpaper.com; returns@inkwellpaper.com until 1/15.",
    ],
)
def test_role_mailboxes_are_no_ones(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Please email my daughter at priya.natarajan@example.com about the 3/4 visit.", "priya.natarajan@"),
        ("ir.okafor@example.net is my personal email, DOB 02/11/1970.", "ir.okafor@example.net"),
    ],
)
def test_a_persons_mailbox_is_still_found(text: str, value: str) -> None:
    assert any(value in f.text for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Headquarters: 4410 Commerce Pkwy, Dayton, OH 45414. Spring sale ends April 2.",
        "HQ: 88 Harbor Blvd, Suite 300, Tampa, FL 33602. Investor day is on 9/18.",
        "\u00a9 2025 Inkwell Paper Co., 231 Mill St, Burlington, VT 05401. All rights reserved.",
        "(c) 2024 Lisa Farnsworth Designs, 17 Oak Ave, Boise, ID 83702 | Unsubscribe",
        "Store address: 902 Broad St, Richmond, VA 23219. Grand opening Saturday, May 3!",
        "Now open at 455 Elm Street, Dayton, OH 45402! Doors open June 7 at 9 AM.",
        "Visit us at 12 Canal St, Boston, MA 02114 for the launch party on 10/10.",
        "Returns: 1200 Industrial Pkwy, Reno, NV 89502. Labels expire 30 days after 6/1.",
        "Ships from our warehouse at 1200 Industrial Pkwy, Reno, NV 89502 by 12/18.",
        "Corporate office - 500 Market St, San Francisco, CA 94105 | Summer sale ends 8/1",
    ],
)
def test_the_business_own_address_is_no_finding(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patient lives at 4410 Commerce Pkwy, Dayton, OH 45414; DOB 3/3/1950.", "4410 Commerce Pkwy"),
        ("Please mail my refund to 17 Oak Ave, Boise, ID 83702. Thanks, Carla Mendez", "17 Oak Ave"),
        ("The restaurant is at 01192 Tiigi 34", "01192 Tiigi"),
    ],
)
def test_a_persons_address_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ralph Lauren x Ben & Jerry's: a limited collaboration. Available 6/1 through 6/30.",
        "New in Austin: Warby Parker pop-up shop, opening Friday, August 8.",
        "Introducing SPF 30 tinted balm from Estee Lauder. Sale runs 3/1 - 3/15.",
        "Join 10,000 nurses who switched to the Clara Barton scrub line. Ends October 2.",
        "Introducing the Amelia Earhart travel tote - ships May 20.",
        "Scan in store to join Jenny Craig Rewards by 12/31.\nFollow us: @jennycraig",
        "Sale ends 7/4. Unsubscribe at www.lisafarnsworth.com\n\u00a9 2025 Lisa Farnsworth",
        "Read our profile in Martha Stewart Living, on newsstands September 1.",
    ],
)
def test_a_brand_or_product_named_after_someone_in_copy(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dr. Abbott will call you on 3/14 about your results.", "Abbott"),
        ('"It is moving in that direction," says Abbott.', "Abbott"),
        ("Introducing Jane Whitfield, our new nurse practitioner, starting March 1.", "Jane Whitfield"),
        ("Paul Mitchell's MRI is scheduled for 4/2.", "Paul Mitchell"),
    ],
)
def test_a_person_with_a_brand_like_name_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "A positive Murphy's sign suggests cholecystitis. Vitals: BP 120/80, HR 72.",
        "Screen for Lou Gehrig's disease if fasciculations persist.",
        "An Apgar score of 7-10 at 5 minutes is reassuring.",
        "Before the Whipple procedure, hold clopidogrel for 5 days.",
        "Homan's sign is neither sensitive nor specific for DVT.",
        "The Denver Developmental Screening Test is used at 9 months.",
        "Tommy John surgery has a 12-month recovery.",
        "Dr. Seuss books are available in the pediatric waiting room.",
    ],
)
def test_eponyms_are_the_term_itself(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Maria's surgery went well; she is on oxycodone.", "Maria"),
        ("Dr. Whipple's clinic called about your 3/4 results.", "Whipple"),
        ("Patient: Lou Gehrig, DOB 06/19/1943", "Lou Gehrig"),
    ],
)
def test_a_person_before_a_health_word_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The sepsis order set is available in the EHR under Order Sets. BP 120/80.",
        "The fall-risk tool is built in the EMR; find it via the Flowsheets tab.",
        "Vitals line: BP 130/80, HR 70. Apply 1/4 inch of cream; give 1/2 tab at night.",
        "Vitals line: BP 130/80. Measure 3/4 cup of water.",
        "This policy is effective March 1, 2025 and replaces the version dated 06/30/2021. HR 88.",
        "Guideline revised 02/01/2024; supersedes the protocol dated 5/5/2019. SpO2 97% RA.",
        "Handout. Last revised: 11/2024. Next review: 11/2026. BP 118/76, HR 64.",
        "Room 12, bed B: q2h turns, Braden 14.",
        "Bed 4, bay 2: fall precautions, bed alarm on.",
        "Poison Control: 1-800-222-1222 (24/7, free and confidential).",
        "NYU Langone and Cleveland Clinic publish patient guides on this. Room 14, bed A: NPO.",
        "Discharge Instructions (template)\nRoom 7: keep HOB at 30 degrees; recheck on 4/4.",
        "Admission Orders [sample]: telemetry, fall precautions; review on March 2.",
    ],
)
def test_clinical_text_about_no_one(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pt Jane Doe, MRN 4471023. Next fill 4/28.", "4/28"),
        ("Jane Doe, call 555-201-7788. Reviewed: 3/4/2024", "3/4/2024"),
        ("Flat 4, 22 Baker Street, London NW1 6XE", "Flat 4, 22 Baker Street"),
        ("Pull the diabetics in the EHR and send them the flyer.", "in the EHR"),
        ("Patient: J. Ortiz. Room 14B, bed A: NPO.", "14B"),
        ("Discharge Instructions\nRoom 7: keep HOB at 30 degrees; recheck on 4/4.", "4/4"),
    ],
)
def test_a_persons_date_unit_and_records_are_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Spring sale ends May 2!\n\nAcme Outdoor | 44 Harbor Rd, Salem, OR 97301 | 1-800-555-0161",
        "New arrivals June 12\n\nBell & Reed | Riverside Plaza, Tulsa | 1-888-BELL-REE",
        "Last call: offer valid through 3/9\n\nNorthwind Tea Co. | 900 Elm St, Dayton, OH 45402 | (877) 555-0110",
        "Holiday hours\n\nLakeview Optics | Westgate Mall, Fresno | 855.555.0123",
    ],
)
def test_a_business_contact_line_with_a_toll_free_number_is_the_business(text: str) -> None:
    assert not identifiers(text), findings(text)


def test_a_person_contact_line_is_still_found() -> None:
    text = "Emergency contact\nJane Doe | 12 Main St, Austin, TX 78701 | 512-555-0134"
    assert covered(text, "Jane Doe")
    assert covered(text, "12 Main St, Austin, TX 78701")
    assert covered(text, "512-555-0134")
    row = "Register\nGARCIA, Maria | 1982 | 555-0100"
    assert covered(row, "GARCIA, Maria")


@pytest.mark.parametrize(
    "text",
    [
        "Pharmacist tip: keep insulin pens out of a hot car this summer.",
        "Nurse reminder: flu shots are free for members through October 31.",
        "Dietitian tip: swap soda for sparkling water. Offer ends 5/1.",
    ],
)
def test_a_role_and_a_lower_case_word_head_a_paragraph(text: str) -> None:
    assert not identifiers(text), findings(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Agent Wren: your claim was reprocessed\nMember: ok thanks", "Wren"),
        ("Agent June: hi, how can I help?\nCustomer: my refill", "June"),
        ("RN Tobias: your labs are back", "Tobias"),
    ],
)
def test_a_chat_speaker_after_a_role_is_still_a_name(text: str, name: str) -> None:
    assert ("name", name) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Martha Stewart Living Customer Care - 855.227.8971 - marthastewartliving.com",
        "Coastal Living Reader Services - 1-800-555-0199 - coastalliving.example",
    ],
)
def test_living_in_a_title_is_no_verb_of_living(text: str) -> None:
    assert not any(f.category == "address" for f in detect_phi(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The patient lives 12 Main St, Austin, with her son.", "12 Main St"),
        ("He lives with his wife, Ana Ruiz, at 9788 Wade Passage. MRN 4455123", "9788 Wade Passage"),
        ("Pt resides 44 Elm Rd, Dover; DOB 3/4/1950", "44 Elm Rd"),
    ],
)
def test_a_verb_of_living_still_finds_the_home(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
