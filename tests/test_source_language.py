"""The language of an imported source when the file does not say: detected from the text (the
script, then the commonest short words), said in the import's message, stored in the source's
metadata (editable there), and left "und" when the text does not tell."""

from __future__ import annotations

import pytest

from azrel_desktop.core.sources.language import detect_language

AZ = ("Azərbaycan Respublikasının Prezidenti İlham Əliyev bu gün NATO-nun Baş katibi ilə görüşüb. "
      "Görüşdə ölkələr arasında əməkdaşlığın inkişafı və regional təhlükəsizlik məsələləri müzakirə olunub. "
      "Prezident bildirib ki, Azərbaycan üçün bu tərəfdaşlıq çox vacibdir.")
TR = ("Türkiye Cumhurbaşkanı bugün NATO Genel Sekreteri ile görüştü. Görüşmede ülkeler arasında işbirliğinin "
      "geliştirilmesi ve bölgesel güvenlik konuları ele alındı. Cumhurbaşkanı, Türkiye için bu ortaklığın çok "
      "önemli olduğunu söyledi.")
EN = ("The President of Azerbaijan met the NATO Secretary General today. The talks covered the development "
      "of cooperation between the countries and regional security, and the president said that the "
      "partnership was very important for Azerbaijan.")
RU = ("Президент Азербайджана сегодня встретился с Генеральным секретарём НАТО. На встрече обсуждались "
      "развитие сотрудничества между странами и вопросы региональной безопасности.")
FR = ("Le président de l'Azerbaïdjan a rencontré aujourd'hui le secrétaire général de l'OTAN. Les entretiens "
      "ont porté sur le développement de la coopération entre les pays et sur la sécurité régionale.")
DE = ("Der Präsident Aserbaidschans hat heute den NATO-Generalsekretär getroffen. Bei dem Treffen ging es um "
      "die Entwicklung der Zusammenarbeit zwischen den Ländern und um die regionale Sicherheit.")
HY = "Ադրբեջանի նախագահը այսօր հանդիպել է ՆԱՏՕ-ի գլխավոր քարտուղարի հետ։ Քննարկվել են անվտանգության հարցեր։"
KA = "აზერბაიჯანის პრეზიდენტი დღეს ნატოს გენერალურ მდივანს შეხვდა. შეხვედრაზე უსაფრთხოების საკითხები განიხილეს."
AZ_CYRILLIC = ("Азәрбајҹан Республикасынын Президенти бу ҝүн НАТО-нун Баш катиби илә ҝөрүшүб. "
               "Ҝөрүшдә өлкәләр арасында әмәкдашлыг мүзакирә олунуб.")
TEXTS = {"az": AZ, "tr": TR, "en": EN, "ru": RU, "fr": FR, "de": DE, "hy": HY, "ka": KA}


@pytest.mark.parametrize(("code", "text"), [*TEXTS.items(), ("az", AZ_CYRILLIC)])
def test_each_language_of_the_set_is_told(code, text):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", [
    "", "NATO IPAP 2004 — 2005", "Əliyev, Putin, Erdoğan.", "Bakı", "1994-05-04 12:00",
    # two languages half and half: neither is said
    EN[:120] + " " + RU[:120],
])
def test_too_little_to_tell_is_none(text):
    assert detect_language(text) is None


def test_names_in_another_language_do_not_outweigh_the_text():
    text = EN + " Şəhriyar Məmmədyarov, Ələsgərov, Gəncə, Şəki, Lənkəran and Şəmkir were named."
    assert detect_language(text) == "en"


def _one(library, path):
    report, _ = library.import_sources([path])
    (outcome,) = report.outcomes
    assert outcome.status == "imported", outcome.message
    return outcome


@pytest.mark.parametrize(("name", "code"), [("az.txt", "az"), ("tr.txt", "tr"), ("ru.txt", "ru"),
                                            ("hy.txt", "hy"), ("ka.md", "ka"), ("de.md", "de")])
def test_plain_text_and_markdown_get_their_language(library, sample_files, name, code):
    outcome = _one(library, sample_files.write(name, TEXTS[code]))
    from azrel_desktop.core.sources.language import NAMES

    assert f"language detected: {NAMES[code]} ({code})" in outcome.message
    assert library.source(outcome.source_id).language == code


def test_docx_and_pdf_get_their_language(library, sample_files):
    docx = _one(library, sample_files.docx("az.docx", "Görüş", [AZ, AZ]))
    assert library.source(docx.source_id).language == "az"
    pdf = _one(library, sample_files.pdf("fr.pdf", [FR[:90] + "\n" + FR[90:]]))
    assert library.source(pdf.source_id).language == "fr"


def test_what_the_file_says_wins(library, sample_files):
    page = _one(library, sample_files.html("az-page.html", lang="az"))  # an English article marked az
    assert library.source(page.source_id).language == "az" and "language detected" not in page.message
    md = _one(library, sample_files.write("ru.md", f"---\nlang: tr\n---\n{RU}"))
    assert library.source(md.source_id).language == "tr"


def test_a_page_without_lang_is_detected(library, sample_files):
    page = _one(library, sample_files.html("nolang.html", lang=""))
    assert library.source(page.source_id).language == "en"


def test_undetermined_stays_und_and_the_user_can_set_it(library, sample_files):
    outcome = _one(library, sample_files.write("codes.txt", "IPAP 2004-2005; PfP 1994; EAPC 1997."))
    assert library.source(outcome.source_id).language == "und" and "language" not in outcome.message
    _, after, _ = library.update_source_metadata(outcome.source_id, language="az")
    assert after.language == "az" and library.source(outcome.source_id).language == "az"


def test_the_users_language_overrides_the_detected_one(library, sample_files):
    from azrel_desktop.core.sources.reading import SourceMetadata

    report, _ = library.import_sources([sample_files.write("en.txt", EN)], SourceMetadata(language="tr"))
    assert library.source(report.outcomes[0].source_id).language == "tr"
