"""probe7's benign classes: press releases, member newsletters, policy notices, hospital
directions and self-declared de-identified cases, which name no one.

Each class: made-up copy that must stay clean, and made-up text where the same shape
belongs to a person and must still be found.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, findings, identifiers


@pytest.mark.parametrize(
    "text",
    [
        "FOR IMMEDIATE RELEASE\nNorthwind Health (NYSE: NWH) Launches PulseBand\nNorthwind Health today "
        "announced PulseBand, shipping April 1, 2025.\nMedia contact: media@northwindhealth.com | "
        "1-800-555-0134\nNorthwind Health, 100 Federal Street, Boston, MA 02110",
        "Contoso Therapeutics announced today that its inhaler is approved; available May 5, 2025.\n"
        "Contoso Therapeutics, 12 Main Street, Suite 400, Cambridge, MA 02139",
        "Press contact: press@fabrikam.com\nFabrikam Biosciences Inc.\n12 Main Street, Cambridge, MA 02139\n"
        "Available from June 2, 2025.",
        "FOR IMMEDIATE RELEASE\nAdatum Labs announces a trial readout on March 9, 2026.\n"
        "About Adatum Labs\nAdatum Labs is headquartered at 400 Technology Square, Cambridge, MA 02139.",
        "Litware Wellness, One Health Plaza, East Hanover, NJ 07936\nInvestor inquiries: ir@litware.com\n"
        "Litware Wellness today announced results for the quarter ended June 30, 2025.",
    ],
)
def test_a_press_release_gives_its_issuers_address(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tailspin Medical (NASDAQ: TSPM) Announces Launch of CarePatch\nTailspin Medical today announced "
        "CarePatch for people living with heart failure.",
        "Launch of SleepWell Mask\nWoodgrove today announced the nationwide availability of SleepWell Mask.",
        "Blue Yonder Health (NYSE: BYH) reported revenue up 12% year over year.",
    ],
)
def test_a_company_before_its_ticker_or_announcing_is_no_name(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "This month: tips for managing asthma, and flu shots through November 10.\n"
        "Questions? Call our member line at 866-555-0142 (toll-free, 8am-8pm).",
        "Reminder: screenings through October 31. Call Member Services at 1-800-555-0199.",
        "Flu shots through February 3.\nQuestions? Call our member line at (888) 555-0148 (toll-free).",
        "Member services: (877) 555-0166, weekdays. Enrollment closes December 15.",
        "Need help? Our member services team is available at (888) 555-0123 through December 31.",
        "Questions? Call our member line at 617-555-0142 (8am-8pm). Open house November 3.",
        "Your policy support line is 1-877-555-0100, open until May 1.",
    ],
)
def test_a_member_line_is_a_number_to_call(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Valued Customer,\nWe're updating our privacy policy effective July 22, 2025. Contact Fabrikam "
        "Customer Care at 1-800-555-0149 or write to us at One Health Plaza, East Hanover, NJ 07936.",
        "Our terms change on March 1, 2025. Write to us at Attn: Privacy, One Commerce Plaza, Albany, NY 12210.",
        "Dear Member, our privacy notice changes effective March 1, 2025. Questions? Mail us at Privacy "
        "Office, 500 Oak Avenue, Hartford, CT 06103.",
    ],
)
def test_a_notice_gives_the_companys_mailing_address(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mercy Hospital is located at 1200 Grand Avenue, Des Moines, IA 50309. Parking in lot C. "
        "Main line 1-800-555-0111.",
        "The clinic is located at 45 Elm Street, Springfield, IL 62701, open Monday through Friday.",
        "Our pharmacy is conveniently located at 300 Main Street, Dayton, OH 45402.",
        "Riverside Medical Center is located at 8700 River Road, Portland, OR 97201. Visitor parking in Garage B.",
    ],
)
def test_an_institution_is_located_at_its_own_address(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Notice of Privacy Practices. Effective date: April 14, 2025. Mailing address: Contoso Health Plan, "
        "PO Box 4400, Hartford, CT 06103.",
        "Directions: St. Luke's Hospital, 801 Ostrum Street, Bethlehem, PA 18015. Visiting hours 9am-8pm.",
        "Send comments by March 31, 2025 to: Office of Policy, Acme Health, 1 Main Street, Hartford, CT 06103.",
        "Policy update: effective 7/1/2025, prior authorization is required for MRI. Send appeals to Appeals "
        "Unit, PO Box 30432, Salt Lake City, UT 84130.",
        "Our new urgent care opens at 220 Harbor Blvd, Long Beach, CA 90802 on June 3, 2025!",
        "The Riverside Medical Center main campus is located at 1 Medical Center Drive, Lebanon, NH 03756.",
    ],
)
def test_an_organisations_address_in_copy_about_no_one(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Patient Ana Ruiz moved to Sunrise Care Center, 12 Elm Street, Salem, OR 97301 on May 2.",
            "12 Elm Street",
        ),
        (
            "Referral for John Park, DOB 4/5/1961: Mercy Clinic, 40 Oak Avenue, Dayton, OH 45402.",
            "40 Oak Avenue",
        ),
        ("We'll meet Friday at Contoso Ltd, 6031 Harbor Road, Porvenir.", "6031 Harbor Road"),
        ("Delivery address: 74899 Stanley Station, Tylerborough, MD 20284", "74899 Stanley Station"),
    ],
)
def test_an_organisations_address_in_a_text_about_a_person_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "A patient in their 40s with asthma presented with wheeze. Albuterol was given.",
        "Case summary: a man in his late 70s with heart failure improved on diuretics.",
    ],
)
def test_someone_described_by_a_decade_of_age_only_is_no_one(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "De-identified case: A patient in their 60s with osteoporosis presented with fatigue. "
        "Alendronate was started.",
        "Hypothetical patient: a woman in her 50s with rheumatoid arthritis started methotrexate.",
        "Anonymized case report: A patient in their 70s with heart failure presented with dyspnea.",
        "Teaching vignette (fictional case): a man with type 2 diabetes was started on metformin.",
    ],
)
def test_a_case_that_says_it_is_no_ones_has_no_patient(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Join our webinar on living with COPD, December 4, 2025, hosted by Contoso Health.",
        "Designed for people living with type 2 diabetes. Available in pharmacies beginning August 17.",
        "Tips for living well after a stroke, every Tuesday through June 30.",
    ],
)
def test_living_with_a_condition_is_no_home(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her home is located at 12 Oak Street, Springfield, IL 62701.", "12 Oak Street"),
        ("John Smith is located at 45 Elm Street, Springfield, IL 62701.", "45 Elm Street"),
        ("Please update my address: write to me at 22 Pine Road, Salem, OR 97301.", "22 Pine Road"),
        ("Member ID 4455667788, call member services at 1-800-555-0199 about your claim.", "4455667788"),
        ("Member line: W123456789", "W123456789"),
        (
            "FOR IMMEDIATE RELEASE\nAcme Health today announced that patient Jane Doe, of 45 Elm Street, "
            "Springfield, IL 62701, received the first device.",
            "45 Elm Street",
        ),
        ("De-identified case: patient John Smith, MRN 1234567, has HIV.", "1234567"),
        ("De-identified case: patient John Smith, MRN 1234567, has HIV.", "John Smith"),
        ("Mr. Jones is living with HIV since 2015.", "HIV"),
        ("Mrs. Lee, a woman in her 80s with dementia, was admitted.", "dementia"),
        ("The patient (MRN 5531200) is in her 70s and has COPD.", "COPD"),
        ("She lives with her son, Omar, at 71 Birch Lane, Tacoma, WA 98402.", "71 Birch Lane"),
        ("Tailspin Medical patient: John Tailspin, DOB 3/4/1950", "3/4/1950"),
        ("Call my cell at 617-555-0142 about the March 3 visit. -- Ana Ruiz", "617-555-0142"),
    ],
)
def test_a_persons_address_number_or_case_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


def test_health_information_in_a_declared_case_still_counts_beside_an_identifier() -> None:
    text = "De-identified case: patient John Smith, MRN 1234567, has HIV."
    assert ("patient_health_info", "HIV") in findings(text)
    assert identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lisinopril tablets USP, 10 mg. Store at 20-25C. Lot 7K221, exp 2027-03.\n"
        "Manufactured for: Contoso Pharma LLC, 400 Crossing Blvd, Bridgewater, NJ 08807",
        "Made in India. Manufactured by Fabrikam Generics Ltd., Plot 12, Sector 5, Pune 411001.\n"
        "Distributed by: Northwind Inc., 12 Commerce Drive, Cranbury, NJ 08512",
        "Rx only. Marketed by Woodgrove Biologics, 1 Kendall Square, Cambridge, MA 02139.",
        "PRODUCT SHEET - FlexBrace knee support\nDistributor: Tailspin Supply, 880 Industrial Way, Reno, NV 89502\n"
        "Customer service 1-800-555-0177",
        "Imported and distributed by Adatum GmbH, Hauptstrasse 12, 10115 Berlin.",
        "Distributed by Litware, 235 East 42nd Street, New York, NY 10017. Questions? 1-866-555-0101.",
        "Packaged for Blue Yonder Health, 55 Fruit Street, Boston, MA 02114. Keep out of reach of children.",
        "Manufactured for Kaiser Permanente, 100 Lakeside Drive, Madison, WI 53703. See full prescribing "
        "information.",
        "Rx only. Marketed by Woodgrove Biologics.",
        "Catalyst grade B. Manufactured by Johnson Matthey for Ashford Labs.",
        "Distributor: Hallman Smith, 12 Oak Road, Reno, NV 89502",
    ],
)
def test_a_product_labels_company_gives_its_own_address(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Purchase order PO-4471 approved.\nShip to: Contoso Marketing, 100 Lakeside Drive, Madison, WI 53703",
        "Invoice 20931 is due in 30 days. Remit to: Accounts Payable, 12 Main Street, Hartford, CT 06103.",
        "Samples request: deliver to Fabrikam Medical Affairs, 9 Elm Court, Austin, TX 78701 by Friday.",
        "Return the signed contract to Northwind Procurement, PO Box 2210, Denver, CO 80201.",
        "Order #: 99812\nItems: 500 leaflets (asthma), 40 posters\nShip to: Mercy Clinic Communications, "
        "1200 Grand Avenue, Des Moines, IA 50309",
    ],
)
def test_a_departments_address_in_business_copy_is_no_ones(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "(c) 2025 BrightPath Pharmacy. All rights reserved.",
        "Copyright 2024 GreenWay Health Inc. Unsubscribe any time.",
        "\u00a9 2023 Boston Scientific. Trademarks are the property of their owners.",
        "(C) 2026 Dublin Clinic Group, all rights reserved. Read our privacy notice.",
        "Footer: (c) 2024 ParisVision Optics. All rights reserved. 100 Lakeside Drive, Madison, WI 53703.",
    ],
)
def test_a_copyright_year_before_its_holder_is_no_postal_code(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Prepared for: Jane Doe, 12 Oak Street, Springfield, IL 62701. Take one tablet daily.",
            "12 Oak Street",
        ),
        (
            "Patient: John Park, 40 Oak Avenue, Dayton, OH 45402. Distributed by Contoso, 1 Main Street, "
            "Newark, NJ 07102.",
            "40 Oak Avenue",
        ),
        ("Order #: 55123\nShip to: Jane Doe, 100 Lakeside Drive, Madison, WI 53703", "100 Lakeside Drive"),
        ("Ship to: Marta Lopez, 77 Pine Road, Salem, OR 97301", "Marta Lopez"),
        ("Patient: Jane Doe, MRN 4456112. Insulin pen distributed by Johnson Matthey.", "Jane Doe"),
        ("Le patient habite 1017 Lausanne, pr\u00e8s du lac.", "1017 Lausanne"),
        ("Wohnort des Patienten: 8001 Zürich", "8001 Zürich"),
        ("She was born in 1950 and lives at 45 Elm Street, Boston, MA 02114.", "45 Elm Street"),
    ],
)
def test_a_persons_address_beside_these_shapes_is_still_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
