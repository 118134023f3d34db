from api.negotiation import choose

RESULTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]


def test_no_accept_header_gets_the_servers_first_choice():
    assert choose(None, RESULTS) == "application/sparql-results+json"
    assert choose("", RESULTS) == "application/sparql-results+json"


def test_the_highest_weight_wins_whatever_its_position():
    assert choose("text/csv;q=0.4, application/sparql-results+xml;q=0.9", RESULTS) == (
        "application/sparql-results+xml"
    )


def test_wildcards_match_by_type_and_equal_weights_follow_server_order():
    assert choose("text/*", RESULTS) == "text/csv"
    assert choose("*/*", RESULTS) == "application/sparql-results+json"
    assert choose("application/*;q=0.5, text/csv", RESULTS) == "text/csv"


def test_the_most_specific_range_sets_the_weight_so_q0_refuses_a_type():
    assert choose("application/sparql-results+json;q=0, */*", RESULTS) == "application/sparql-results+xml"


def test_nothing_acceptable_is_none():
    assert choose("text/turtle, application/ld+json", RESULTS) is None
    assert choose("*/*;q=0", RESULTS) is None


def test_malformed_entries_are_skipped_not_fatal():
    assert choose("garbage, text/csv;q=abc, application/sparql-results+xml", RESULTS) == (
        "application/sparql-results+xml"
    )
