"""A form's fields known by the class of their label (`_phi_forms.py`), in any layout.

Made-up label vocabularies and layouts: an identity noun and an identifier word make an
identifier's label, a role word a person's name's label, and a header of such columns a table.
Both ways: found where the value is a person's, clean where the label names goods, a plan's
routing or a business.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies._phi_forms import form_fields
from tests.unit.phi_checks import covered, identifiers


def _found(text: str) -> set[str]:
    return {text[s.start : s.end] for s in form_fields(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # identity noun + identifier word, any separator
        ("Insured's ID No.: XJQ447190233\nPlan Type: PPO\n", "XJQ447190233"),
        ("Resp. Party Acct\t2955-197601\nCopay\t$20\n", "2955-197601"),
        ("Pt acct ................ 55120-8841\nVisit Type ............. New\n", "55120-8841"),
        ("Claim Control # = W99245906-37\n", "W99245906-37"),
        ("Insured Member Code - 2940-833932\n", "2940-833932"),
        ("Acct. Ref: 818D71246\n", "818D71246"),
        ("Emp. ID 77120483\n", "77120483"),
        # the value alone on the next line, under its label
        ("Intake\n\nBeneficiary #\nZ44120987\n\nCopay\n$30\n", "Z44120987"),
        ("Participant No.\n443097A49\n", "443097A49"),
        # boxed forms
        ("+----------+\n| Cardholder ID | 771K40213 |\n| PCN | 9999 |\n", "771K40213"),
        ("| Encounter Ref: EF181774        |\n", "EF181774"),
        # labels in other languages
        ("N° d'adhérent : 4471X20931\nMutuelle : Harmonie\n", "4471X20931"),
        ("Nº de afiliación:\t664J43391\n", "664J43391"),
        ("Mitgliedsnummer ... 417466F12\n", "417466F12"),
        # in a sentence
        ("Re: denied claim - Identification No. 2302-750891, please resubmit.", "2302-750891"),
    ],
)
def test_labelled_identifier_found(text: str, value: str) -> None:
    assert value in _found(text)
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Name of Insured: Odalys Prentiss\nCopay: $20\n", "Odalys Prentiss"),
        ("Responsible Party ........... Quintero, Henrietta\n", "Quintero, Henrietta"),
        ("Beneficiary = Mcallister, Annika\n", "Mcallister, Annika"),
        ("Resp. Party\nBARROWCLOUGH, SOLVEIG\n\nPt DOB\n7/3/1943\n", "BARROWCLOUGH, SOLVEIG"),
        ("| Ordering Clinician: DELACROIX, KWAME      |\n", "DELACROIX, KWAME"),
        ("Patient (Last, First) - Pemberton, Tobias\n", "Pemberton, Tobias"),
        ("Nom de l'assuré : Mireille Duchamp\n", "Mireille Duchamp"),
        ("Nombre del asegurado:\tCornelius G. Delacroix\n", "Cornelius G. Delacroix"),
    ],
)
def test_labelled_name_found(text: str, value: str) -> None:
    assert value in _found(text)


def test_credentials_are_no_part_of_a_name() -> None:
    text = "Prescriber: Ann Fry, MD | DEA BF1234563"
    assert "Ann Fry" in _found(text)
    assert "Ann Fry, MD" not in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # CSV, pipe and tab tables with a header of columns known by class
        "Insured ID,Last,First,MI,DOB/Age,Addr 1,City,St,Zip\n"
        "XGP777881538,Okafor,Dariusz,H,11/26/1953,8557 Harbor View Ct,Bluefield,WV,24701\n",
        "Subscriber Number|Last|First|Birthdate|Addr 1|City|Zip\n"
        "XGP777881538|Okafor|Dariusz|11/26/1953|8557 Harbor View Ct|Bluefield|24701\n",
        "Guarantor No.\tLast\tFirst\tDate of Birth\tAddr 1\tCity\tZip\n"
        "XGP777881538\tOkafor\tDariusz\t11/26/1953\t8557 Harbor View Ct\tBluefield\t24701\n",
        # fixed-width columns under a rule
        "Member Ident.       Name                        Birth Date    Plan\n"
        "------------------  --------------------------  ------------  --------\n"
        "XGP777881538        OKAFOR DARIUSZ              11/26/1953    PPO\n",
    ],
)
def test_table_cells_found(text: str) -> None:
    found = _found(text)
    assert "XGP777881538" in found
    assert any("Okafor" in v or "OKAFOR" in v for v in found)
    if "Bluefield" in text:
        assert {"Bluefield", "24701", "8557 Harbor View Ct"} <= found


@pytest.mark.parametrize(
    "text",
    [
        # a plan's routing numbers, goods, reagents and businesses: no identity noun
        "RxBIN: 610014\nPCN: ADV\nRxGrp: 44120\n",
        "PRODUCT SPECIFICATION\nModel No.: XR-2200\nSKU: 448-2201\nCatalog #: 55-1020\nLot No. ........ L2231A\n",
        "Item,SKU,Catalog No.,Qty,Unit Price\nNitrile gloves (M),44812,CAT-2210,12,$12.40\n",
        "| Test | Result units | Ref range | Lot No. |\n|---|---|---|---|\n| Glucose | mg/dL | 70-99 | G44120 |\n",
        "PURCHASE ORDER\nVendor No. .... V15780\nModel Number\tB521-12\nContract # 4500012\n",
        # no person after a role label
        "Guarantor: Self\nSubscriber: Northstar Health Plan\nPolicy Holder: Same as patient\n",
        # prose: an identity noun and a number word apart, a year
        "The patient has no 2019 records on file.",
        "Case numbers rose in 2021 across the county.",
    ],
)
def test_not_a_persons_field(text: str) -> None:
    assert form_fields(text) == []


def test_benign_forms_stay_clean() -> None:
    for text in (
        "RxBIN: 610014\nPCN: ADV\n",
        "Item,SKU,Catalog No.,Qty,Unit Price\nNitrile gloves (M),44812,CAT-2210,12,$12.40\n",
        "| Test | Result units | Ref range |\n|---|---|---|\n| Sodium | mmol/L | 135-145 |\n",
    ):
        assert identifiers(text) == set()
