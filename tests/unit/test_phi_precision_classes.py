"""False-flag classes of the PHI detector (issue 12, precision), each tested both ways: the benign
text is clean, and its neighbour with a real identifier is still found."""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in detect_phi(text)]


def _names(text: str) -> list[str]:
    return [f.text for f in detect_phi(text) if f.category == "name"]


# -- 1. a speaker turn's first word is no name ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Patient: No.",
        "Patient: Yes, that's right.",
        "Caller: Yes, that's right.",
        "Agent: Okay.",
        "Nurse: Okay, we'll see you next week.",
        "Doctor: Any pain today?\nPatient: Not really.",
        "Patient: None that I know of.",
        "Patient: Nope.",
        "Nurse: Sorry, the doctor is running late.",
        "Patient: Thanks.",
        "Patient: Maybe later.",
        "Patientin: Danke.",
    ],
)
def test_a_turns_first_word_is_no_name(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patient: Nkechi Okafor", "Nkechi Okafor"),
        ("Patient: Okafor", "Okafor"),
        ("Patient: Maria", "Maria"),
        ("Nurse: Linda Lyons", "Linda Lyons"),
        ("Patient name: Zuzana Dvořák", "Zuzana Dvořák"),
    ],
)
def test_a_name_after_a_speakers_label_is_still_found(text: str, name: str) -> None:
    assert name in _names(text)


# -- 2. greetings and common nouns of other languages are no names ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Guten Tag, wir freuen uns auf Ihren Besuch.",
        "Guten Tag und herzlich willkommen in unserem neuen Onlineshop!",
        "Liebe Kundinnen und Kunden, ab Montag gelten neue Öffnungszeiten.",
        "Als Rentnerin erhalten Sie 10 % Rabatt.",
        "Als Mitglied sparen Sie jeden Dienstag 10 Prozent.",
        "Unsere Apotheke bietet Beratung für Schwangere und Senioren.",
        "Unsere Ärztinnen und Ärzte beraten Sie gerne zu allen Impfungen.",
        "Frohe Weihnachten und einen guten Rutsch wünscht Ihr Team.",
        "Grüß Gott und willkommen im Hotel Alpenblick.",
        "Willkommen zurück! Entdecken Sie die neuen Angebote der Woche.",
        "Das Krankenhaus wird 100 Jahre alt.",
        "Die Firma (100 Jahre Erfahrung) sucht Pflegekräfte.",
        "Unser Sommerfest findet im Juli statt.",
        "Moin! Unser Sommerfest findet am Samstag, 12. Juli, im Stadtpark statt.",
        "Joyeux Noël et bonne année de la part de toute l'équipe !",
        "Feliz Navidad y próspero Año Nuevo de parte de todo el equipo.",
        "Buon Natale e felice anno nuovo da tutto lo staff.",
        "Hallo, hier ist Northwind.",
        "Hello, this is Northwind.",
    ],
)
def test_greetings_and_nouns_of_other_languages_are_no_names(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hallo, hier ist Anna Schmidt.", "Anna Schmidt"),
        ("Guten Tag, hier spricht Anna Schmidt.", "Anna Schmidt"),
        ("Liebe Anna Schmidt, vielen Dank für Ihre Nachricht.", "Anna Schmidt"),
        ("Patientin Ursula Köhler, geb. 03.07.1951, wohnt in Leipzig.", "Ursula Köhler"),
        ("Meine Mutter Erika Lang (95 Jahre) liegt auf Station 4.", "Erika Lang"),
        ("Joyeux anniversaire, Marie Dubois !", "Marie Dubois"),
        ("Hallo, hier ist Sofie.", "Sofie"),
        ("Paciente Maria Silva, nascida em 03/07/1951.", "Maria Silva"),
    ],
)
def test_names_beside_greetings_and_nouns_are_still_found(text: str, name: str) -> None:
    assert any(name in found for found in _names(text)), _found(text)
