"""How classify's one scan reads phrases: hyphens, and a phrase that two taxonomies read differently."""

from shopwindow.classify import classify


def test_a_phrase_scores_the_same_written_with_hyphens_or_spaces():
    spaced = classify("Officers redrew the home to school transport routes for the autumn term.")
    hyphenated = classify("Officers redrew the home-to-school transport routes for the autumn term.")
    assert spaced.area_scores == hyphenated.area_scores
    assert hyphenated.area_scores["transport"] > 1.5  # the whole phrase, not just "transport"


def test_a_phrase_written_with_a_hyphen_needs_the_hyphen():
    # "council-run" homes are insourcing; "the Council run a ..." is a sentence, not that phrase.
    result = classify("Wyre Council run a joint legal team with a neighbouring district.")
    assert "insourcing" not in result.model_scores


def test_a_longer_phrase_of_one_taxonomy_does_not_hide_a_shorter_one_of_the_other():
    # "merger of" is whole-council evidence; the "merger" inside it still evidences a shared service.
    result = classify("The new district was created by the merger of two neighbouring councils.")
    assert result.service_area == "whole_council"
    assert result.model_scores.get("shared_service", 0) > 0


def test_the_other_taxonomy_reads_the_words_inside_a_longer_phrase():
    # "sharing back office" is a shared service; its "back office" is still the back office.
    result = classify("Two district councils expect to save £1m a year by sharing back office functions.")
    assert (result.service_area, result.delivery_model) == ("back_office", "shared_service")
