"""PHI detector: classes read off a blind probe's misses and false flags (eighth build).

Each positive case states a class: a cue that ties a value to a person (a role, a label, a
chart line) or a shape that is an identifier whoever's it is. The negatives are marketing copy
and clinical text about no one of the same shape, which the same rule must leave clean.
Values are made up for the tests, not taken from the probe.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import deidentify, detect_phi


def _covered(text: str, value: str) -> bool:
    """Some finding covers at least half of `value` (its first occurrence in `text`)."""
    start = text.index(value)
    end = start + len(value)
    overlap = sum(max(0, min(end, f.end) - max(start, f.start)) for f in detect_phi(text))
    return overlap * 2 >= len(value)


def _categories(text: str, value: str) -> set[str]:
    start = text.index(value)
    return {f.category for f in detect_phi(text) if f.start < start + len(value) and start < f.end}


POSITIVES = [
    # pagers and internal extensions; a local number after "call me"; a number glued to "home"
    ("Tomasz Rek, MD (PGY-2), pager 31877", "31877"),
    ("-- R. Okonkwo, MD (pager 60412)", "60412"),
    ("On call overnight: Devon Marsh x52716 for questions", "x52716"),
    ("my sugar is high again. call me tmrw 388-2105", "388-2105"),
    ("Left message. Tried cell 508-555-0142 and home5085550177. Will retry.", "5085550177"),
    # image files after a photo of a face
    (
        "Pt sent photos of her face via portal (files IMG_3301.HEIC, IMG_3302.HEIC); rash improving.",
        "IMG_3302.HEIC",
    ),
    ("Selfies of his face uploaded: DSC_0042.jpg. Swelling down.", "DSC_0042.jpg"),
    # a biometric template after its biometric
    ("Door access by palm vein reader, template 7A0C33DE91B24F10.", "7A0C33DE91B24F10"),
    ("Thumbprint minutiae record TP44A0B19C7D2 kept for dispensing.", "TP44A0B19C7D2"),
    # numbers after a label the keyword list lacks
    ("Her ex-partner is under a protective order (docket 2087PO3312).", "2087PO3312"),
    ("Dictated by: ROE, JANE M.D.\nD: 2/3/88 T: 2/4/88\nJob #: 551902", "551902"),
    ("Student: Ines Lora | Matriculation no. 8812034 | Programme: MSc", "8812034"),
    ("Escalated by Tove Lind (cust. no. 40017752). Engineer to visit.", "40017752"),
    ("Rental agreement RA-77120: driver Oskar Berg, vehicle reg. KLM 402.", "RA-77120"),
    ("Rental agreement RA-77120: driver Oskar Berg, vehicle reg. KLM 402.", "KLM 402"),
    ("Renter Ivo Mrak, driving licence HJKQWZPL, returned the car late.", "HJKQWZPL"),
    ("Caller read out his CNP as 1850612223344 - mask it.", "1850612223344"),
    ("Applicant Aoife Brady, PPSN 8823416TA, start date Monday.", "8823416TA"),
    # people by their role or their label
    ("Dressing changed. Caregiver Rosalind manages meds. Next visit Friday.", "Rosalind"),
    ("Mrs. Kowal came in; her neighbor Frank drove her home.", "Frank"),
    ("Family (Marisol, daughter) updated at bedside.", "Marisol"),
    ("OT: Priyanka completed LB dressing with min assist.", "Priyanka"),
    ("Next appt 4/2 with Thandiwe (LCSW).", "Thandiwe"),
    ("Seen and examined; agree with plan. Helena Moss, MD 3/3/90 08:10", "Helena Moss"),
    ("Car returned at 18:00. Additional driver: Joakim.", "Joakim"),
    ("Reminder: Wojciech, you have an appt w/ Dr. Lau on Mar 3.", "Wojciech"),
    ("Lead from the expo. Radoslav is procurement manager; wants a quote.", "Radoslav"),
    ("Vážená paní Dvořáková, zásilka je na cestě.", "Dvořáková"),
    ("Oi, aqui é Thaynara! Tudo bem?", "Thaynara"),
    ("PATIENT: NIC GIOLLA, ORLA    MRN: 00231877", "NIC GIOLLA, ORLA"),
    ("Patient: Ni Dhomhnaill, Siobhan   MRN: QZ2210844", "Ni Dhomhnaill, Siobhan"),
    ("SIGN-OUT 7W\n12A Pettigrew, R. 92M MRN 5512003 - CHF, diuresing", "Pettigrew, R."),
    ("SIGN-OUT 7W\n12A Pettigrew, R. 92M MRN 5512003 - CHF, diuresing", "92"),
    ("4471203,Okafor,Chidinma,1959-10-04,02139,Middlesex County,I10,2091-03-02", "Okafor"),
    ("4471203,Okafor,Chidinma,1959-10-04,02139,Middlesex County,I10,2091-03-02", "Chidinma"),
    ("4471203,Okafor,Chidinma,1959-10-04,02139,Middlesex County,I10,2091-03-02", "1959-10-04"),
    ("Pt reports dizziness x2 days, no falls. Advised to hydrate. -Kt RN", "Kt"),
    ("Pt called re refill of lisinopril; sent to pharmacy. Advised f/u in clinic. JM", "JM"),
    # places by what a person does there
    ("found by roommate at their apartment on Juniper Bluff, Scranton. EMS called.", "Juniper Bluff"),
    ("found by roommate at their apartment on Juniper Bluff, Scranton. EMS called.", "Scranton"),
    ("Pt MRN 2218890. She is staying with her cousin in Fells Point. Denies SI.", "Fells Point"),
    ("Mr. Adeyemi was seen at urgent care in Dorchester on 2/2 and given fluids.", "Dorchester"),
    ("BIBA from Maple Grove Nursing Center, Lowell. GCS 15. MRN 7781203.", "Lowell"),
    ("login ok user=kd22@mail.example src=10.2.3.4 geo=Chuo-ku, Kobe", "Chuo-ku, Kobe"),
    ("Hej Sune! Paketet skickas till Vintergatan 14, 41318 Göteborg.", "Vintergatan 14"),
    ("Hej Sune! Paketet skickas till Vintergatan 14, 41318 Göteborg.", "41318 Göteborg"),
    ("zásilka bude doručena na adresu Polní 12, 612 00 Brno.", "Polní 12"),
    ("[09:12] Customer: it's 8 Harbour Row in Cobh", "8 Harbour Row"),
    ("[09:12] Customer: it's Lindevej 22 in Hornbæk", "Hornbæk"),
    # international addresses, phones and names
    ("Ship to 7 Banpo-daero 22-gil, Seocho-gu, Seoul. Tel 010-2231-7788", "7 Banpo-daero 22-gil"),
    ("Ship to 7 Banpo-daero 22-gil, Seocho-gu, Seoul. Tel 010-2231-7788", "Seocho-gu, Seoul"),
    (
        "Người nhận: Lê Văn An, địa chỉ 45 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội. SĐT 0912 345 678",
        "45 Lý Thường Kiệt",
    ),
    ("收件人\uff1a王芳\uff0c电话\uff1a+86 139 1234 5678\uff0c地址\uff1aBeijing Chaoyang Road 88", "王芳"),
    (
        "收件人\uff1a王芳\uff0c电话\uff1a+86 139 1234 5678\uff0c地址\uff1aBeijing Chaoyang Road 88",
        "Beijing Chaoyang Road 88",
    ),
    ("박지민 고객님, 주문이 발송되었습니다.", "박지민"),
    ("Refund issued to card ending 1188 for 佐藤 健太. Allow 5 days.", "佐藤 健太"),
    ("ご注文の商品は2026年3月4日に発送しました。山田 花子様", "2026年3月4日"),
    ("A csomagot a 1051 Budapest, Petőfi utca 12. címre küldjük. Tel.: 06-1/234 5678", "Petőfi utca 12."),
    (
        "Siparişiniz Atatürk Cad. No:14 Daire 2, Kad\u0131köy adresine gönderildi. Say\u0131n Ayla Demir",
        "Atatürk Cad. No:14 Daire 2",
    ),
    (
        "Coletul va fi livrat la Strada Florilor Nr. 12, Brasov, cod poștal 500123. Stimată doamnă Ionescu",
        "Brasov",
    ),
    ("Meu endereço novo: Travessa das Flores, Olinda, CEP 53020-100. Zap: +55 81 9876-5432", "Olinda"),
    (
        "It was delivered to the wrong address (Strandvejen 12 instead of my flat). Order #55120.",
        "Strandvejen 12",
    ),
    ("Technician visit to Flat 3B\nKelvin Court, Leeds on 2/3/2026 missed. Cust. no. 55123011", "Leeds"),
    ("Je m'appelle Zoé Marchand, j'habite au 3, rue Victor Hugo, 75011 Paris. Tel 0612345678", "Paris"),
    ("[14:02] Customer: 2800, it's Bredgade 4 in Lyngby", "2800"),
    ("Vous pouvez me joindre au 0491234567. Merci, Camille Roux", "0491234567"),
    ("Contacto: (351) 912345678. Rua das Flores 12, 4050-262 Porto", "(351) 912345678"),
    ('Mom goes by "Bunny"; legal name Edith R. Salas.', "Bunny"),
    ("Her brother set up gofundme.com/f/help-maria-recover-2291", "gofundme.com/f/help-maria-recover-2291"),
    (
        "He posts updates at https://www.caringbridge.org/visit/tomwalsh",
        "https://www.caringbridge.org/visit/tomwalsh",
    ),
    ("BIBA after fall; seen at urgent care in Fox Point on 3/3 and given fluids. MRN 4410023.", "Fox Point"),
    ("Caregiver Venkataraman independent with meds. Next visit 4/4.", "Venkataraman"),
    ("PATIENT: O'DWYER, NORA T.   MRN: 0012345", "O'DWYER, NORA T."),
    ("8812002,Garcia,Maria Elena,04/11/1947,78704,Travis County,N18.3,03/02/2089", "Garcia"),
    ("Lives in an apartment on Birch Lane, Akron with her daughter.", "Akron"),
    ("Transfer note: 91 yo M from Lakeview Rehab, Salem, to 6W.", "Salem"),
    ("ED TRIAGE 22:10 | 96 yo M from Oak Hill SNF, Taunton | c/o fall | ESI 3", "Taunton"),
    ("name=Ida+Berg&email=ida.berg%40example.se&phone=%2B46+70+123+4567&zip=11122", "%2B46+70+123+4567"),
    ("name=Ida+Berg&email=ida.berg%40example.se&phone=%2B46+70+123+4567&zip=11122", "11122"),
    ("Visa form: surname TANAKA, given names YUI, passport TZ7654321, place of birth Kobe.", "TANAKA"),
    ("Visa form: surname TANAKA, given names YUI, passport TZ7654321, place of birth Kobe.", "Kobe"),
    ("Profile: climber and baker. Blog at annaklein.de, photos at flickr.com/people/annak77", "annaklein.de"),
    (
        "Profile: climber and baker. Blog at annaklein.de, photos at flickr.com/people/annak77",
        "flickr.com/people/annak77",
    ),
    # one patient's chart line: its dates count
    ("K 3.0 on 5/14, repleted with 40 mEq KCl; repeat 5/15 3.8.", "5/14"),
    ("ALLERGIES: PCN (hives, childhood), codeine (rash March 2081). Reviewed 2/2/2090.", "March 2081"),
    ("ALLERGIES: PCN (hives, childhood), codeine (rash March 2081). Reviewed 2/2/2090.", "2/2/2090"),
    ("Anaphylaxis to peanuts at a party on June 3rd; EpiPen prescribed.", "June 3rd"),
]


@pytest.mark.parametrize(("text", "value"), POSITIVES)
def test_the_class_is_found(text: str, value: str) -> None:
    assert _covered(text, value), [(f.category, f.text) for f in detect_phi(text)]


@pytest.mark.parametrize(
    "text",
    [
        # pagers, extensions, "call": the business's numbers, products, counts
        "Remember pagers? Our museum has a 1994 pager exhibit.",
        "Stroke alert: page neurology at pager 55123 and call the CT desk x4410.",
        "Questions? Call (415) 555-0198 and our team will help.",
        "Call us at (312) 555-0100 to book your fitting.",
        "The 4x4 edition ships with x2 batteries; contact sales.",
        # photos and templates that are no one's
        "Upload photos of your face to try our virtual makeup studio (files are deleted after use).",
        "Our fingerprint scanner stores each template 4096 bits long.",
        # labels on business copy
        "Your order ships in 2 days. Use code SPRING2026 at checkout.",
        "Job #4521: we are hiring a barista in our downtown cafe.",
        "Register your vehicle before March 1 at any DMV office.",
        # roles and labels that are no names
        "Mother Nature knows best: try our new herbal tea.",
        "Our partner Walgreens carries the full line.",
        "Caregiver Support Group meets Tuesdays in the library.",
        "Driver: Included with every rental.",
        "Reminder: Shoppers, your rewards expire Friday.",
        "Slack is project management software for teams.",
        "Stroke alert: last known well time, NIHSS, CT head within 25 minutes.",
        # lists and rows that are no one's
        "SKU-1123,Blue,Shirt,2025-01-01,19.99,in stock",
        "Shop now. NYC",
        "HEY TEAM - CHART NUMBER REVIEW IS DUE FRIDAY",
        # places of a business, a public event
        "The best restaurant in Boston serves clam chowder daily.",
        "Visit Mercy Hospital, Boston for our free health fair.",
        "Join the Walk to End Alzheimer's this fall; register a team by May 7.",
        "Flu shots at any Harris Teeter pharmacy, no appointment needed.",
        "Meet us at the Austin Galleria for the spring launch.",
        "Grand opening! Our store at 21 Market Street opens May 3. Questions? Call (279) 555-0175.",
        # health facts and protocols with no one in them
        "Hypoglycemia protocol: if BG < 70 mg/dL give 15 g carbohydrate and recheck in 15 minutes.",
        "Anaphylaxis to peanuts can be fatal; learn the signs at our free webinar.",
        "Allergy season peaks in April; stock up on antihistamines.",
        # form labels with no value, a business's blog, a song
        "Enter your first name and last name to continue.",
        "Read tips on our blog at acmeshoes.com every week.",
        "Born in the USA is still his best-known song.",
        "Family name: required field.",
        # population statements, honorifics, labels with no one
        "Patients aged 90 years and older were grouped into one category.",
        "Adults aged 95+ are eligible for the home visit program.",
        "고객님 감사합니다",
        "Our Gangnam-gu store is now open; visit us at the Seoul flagship.",
        "Flagship: 12 Gangnam-daero 102-gil, Gangnam-gu, Seoul. Open daily.",
        "Questions? Call us at 555-0100 or see the FAQ.",
        "Partner Walgreens now carries our vitamins.",
        "Donate to the clinic's new wing: our team thanks you.",
    ],
)
def test_look_alikes_stay_clean(text: str) -> None:
    assert detect_phi(text) == [], [(f.category, f.text) for f in detect_phi(text)]


def test_categories() -> None:
    assert "phone" in _categories("Ana Ruiz, MD, pager 40213", "40213")
    assert "full_face_photo" in _categories(
        "Uploaded photos of her face (files IMG_1.HEIC, IMG_2.HEIC).", "IMG_2.HEIC"
    )
    assert "biometric_identifier" in _categories(
        "Entry via fingerprint scanner, template 00AF13BC77D2E901.", "00AF13BC77D2E901"
    )
    assert "vehicle_identifier" in _categories("driver Lena Holm, vehicle reg. ABX 771.", "ABX 771")


def test_a_business_number_counts_in_a_text_about_a_person() -> None:
    text = "Reminder: Wojciech, you have an appt w/ Dr. Lau on Mar 3. Questions? Call (617) 555-0110."
    assert _covered(text, "(617) 555-0110")


@pytest.mark.parametrize(("text", "value"), POSITIVES)
def test_deidentify_leaves_nothing(text: str, value: str) -> None:
    clean, _ = deidentify(text)
    assert [f for f in detect_phi(clean) if f.category != "patient_health_info"] == []
