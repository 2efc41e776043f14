"""Text analysis and query understanding, as a citizen typing on a phone would notice it."""

from collections import Counter

import pytest

from search.text.colloquial import colloquial_base_forms, consonant_skeleton, standard_words
from search.text.lexicon import Lexicon
from search.text.normalize import is_stopword, normalize_text, tokenize
from search.text.query import QueryAnalyzer
from search.text.stemming import analyze, stem
from search.text.vocabulary import builtin_synonym_groups

SAMPLE_TEXT = """
Penerbitan akta kelahiran bagi anak yang baru lahir. Persyaratan: kartu keluarga, surat keterangan
lahir dari bidan atau rumah sakit. Syarat umum berlaku. Datang ke kantor Dispendukcapil atau kantor kecamatan.
Rekomendasi izin keramaian dari camat. Sekolah, pendaftaran siswa baru, pengaduan pelayanan.
Birth certificate for a newborn child. Family card required.
"""


@pytest.fixture(scope="module")
def analyzer():
    lexicon = Lexicon()
    frequency = Counter()
    for word in tokenize(SAMPLE_TEXT):
        if not is_stopword(word):
            for locale in ("id", "en"):
                lexicon.add(word, stem(word, locale))
                frequency[stem(word, locale)] += 1
    lexicon.freeze(dict(frequency))
    return QueryAnalyzer(lexicon, builtin_synonym_groups())


def best_readings(analyzer, query):
    return [reading.best for reading in analyzer.analyze(query).readings if reading.terms]


def test_normalisation_casefolds_and_strips_accents():
    assert normalize_text("KÉLAHIRAN Café") == "kelahiran cafe"
    assert tokenize("KTP-el, (akte) kelahiran!") == ["ktp", "el", "akta", "kelahiran"]


def test_numbers_glued_to_abbreviations_are_split_but_codes_stay_whole():
    assert tokenize("5thn") == ["5", "thn"]
    assert tokenize("limbah B3") == ["limbah", "b3"]


def test_indonesian_stemming_joins_derived_forms():
    assert analyze("perizinan") == analyze("izin")
    assert analyze("kelahiran") == analyze("lahir") == ["lahir"]
    assert analyze("pengaduan") == analyze("mengadu")
    assert analyze("meninggal") == analyze("meninggalnya") != analyze("tinggal")


def test_english_stemming():
    assert analyze("certificates", "en") == analyze("certificate", "en")
    assert analyze("vaccinations", "en") == analyze("vaccination", "en")


def test_function_words_of_both_languages_are_dropped():
    assert analyze("yang di dan untuk") == []
    assert analyze("how do I get the", "en") == []


def test_slang_and_regional_words_map_to_standard_indonesian():
    assert standard_words("gmn") == ["bagaimana"]
    assert standard_words("bocahku") == ["anak"]
    assert standard_words("teken") == ["tanda", "tangan"]
    assert is_stopword(standard_words("kagak")[0])


def test_colloquial_verb_forms_find_their_base():
    assert "adu" in colloquial_base_forms("ngadu")
    assert "bayar" in colloquial_base_forms("mbayar")
    assert "tutup" in colloquial_base_forms("nutup")
    assert "susul" in colloquial_base_forms("nyusul")
    assert "daftar" in colloquial_base_forms("daftarin")


def test_consonant_skeleton_matches_vowel_dropping():
    assert consonant_skeleton("syarat") == consonant_skeleton("syrt")
    assert consonant_skeleton("akta") == "akt"


def test_typos_are_corrected_against_the_vocabulary(analyzer):
    assert best_readings(analyzer, "akta kelahrian") == ["akta", "kelahiran"]
    assert best_readings(analyzer, "rekomendsi") == ["rekomendasi"]


def test_abbreviations_without_vowels_are_understood(analyzer):
    assert best_readings(analyzer, "kntr") == ["kantor"]
    assert best_readings(analyzer, "kntr") == ["kantor"]
    assert best_readings(analyzer, "lhr") == ["lahir"]
    assert best_readings(analyzer, "sklh") == ["sekolah"]


def test_abbreviated_function_words_are_dropped_not_misread(analyzer):
    readings = analyzer.analyze("syrt sklh").readings
    assert [reading.best for reading in readings] == ["syarat", "sekolah"]
    assert [bool(reading.terms) for reading in readings] == [False, True]


def test_sms_abbreviations_are_expanded(analyzer):
    assert best_readings(analyzer, "srt ket lhr") == ["surat", "keterangan", "lahir"]


def test_unfinished_words_are_completed(analyzer):
    assert best_readings(analyzer, "rekom") == ["rekomendasi"]


def test_words_typed_without_space_are_split(analyzer):
    assert best_readings(analyzer, "kartuklrga") == ["kartu", "keluarga"]


def test_old_names_and_variants(analyzer):
    assert best_readings(analyzer, "akte lahir") == ["akta", "lahir"]
    assert tokenize("e-KTP") == ["e", "ktp"] and is_stopword("e")


def test_synonyms_bridge_languages(analyzer):
    clauses = analyzer.analyze("birth certificate").clauses
    expanded = {
        term for clause in clauses for alternative in clause.alternatives for slot in alternative.slots for term in slot
    }
    assert {"akta", "lahir"} <= expanded


def test_leadership_and_office_intent(analyzer):
    assert analyzer.analyze("kepala dinas").wants_leader
    assert analyzer.analyze("alamat kantor capil").wants_office
    assert not analyzer.analyze("akta kelahiran").wants_leader
