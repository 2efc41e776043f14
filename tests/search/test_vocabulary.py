"""One vocabulary: data files seeded into the editors' synonyms, and a dictionary stemmer."""

import pytest

from search.models import SynonymGroup
from search.text.stemming import stem_indonesian
from search.text.vocabulary import SLANG, SPELLING_VARIANTS, STOPWORDS, builtin_synonym_groups
from tests.support.html import page, text_of


def test_word_lists_are_read_from_the_data_files():
    assert SLANG["bikin"] == "buat"
    assert SPELLING_VARIANTS["akte"] == "akta"
    assert {"yang", "the"} <= STOPWORDS
    assert ("kk", "kartu keluarga", "family card", "family register") in builtin_synonym_groups()


@pytest.mark.django_db
def test_the_curated_synonym_groups_are_what_editors_see_in_the_admin(admin_client):
    assert SynonymGroup.objects.count() >= len(builtin_synonym_groups())
    family_card = SynonymGroup.objects.get(terms__startswith="kk, kartu keluarga")
    editor = page(admin_client, f"/admin/snippets/search/synonymgroup/edit/{family_card.pk}/")
    assert text_of(editor, "form textarea[name=terms]").startswith("kk, kartu keluarga, family card")


@pytest.mark.parametrize(
    ("word", "root"),
    [("perizinan", "izin"), ("kelahiran", "lahir"), ("sekolah", "sekolah"), ("kependudukan", "duduk")],
)
def test_the_dictionary_stemmer_keeps_roots_whole(word, root):
    assert stem_indonesian(word) == root
