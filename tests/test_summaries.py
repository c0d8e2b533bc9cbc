"""Summaries of pages for lists and feeds."""

from duosite.markdown.summaries import body_without_more, summarise, summary_problems


def test_the_text_before_more_is_the_summary():
    body = "First *part*.\n\nStill summary.\n\n<!--more-->\n\nThe rest.\n"
    summary = summarise(body)
    assert summary.markdown == "First *part*.\n\nStill summary."
    assert (summary.source, summary.truncated) == ("more", True)
    assert body_without_more(body) == "First *part*.\n\nStill summary.\n\nThe rest.\n"


def test_front_matter_summary_wins_over_more_and_lead():
    assert summarise("Lead.\n<!-- more -->\nRest.", "Written summary. ").markdown == \
        "Written summary."


def test_without_a_mark_the_lead_paragraph_is_the_summary_skipping_headings_and_images():
    body = ("## Context\n\n![A lab](lab.jpg)\n\n<div class=\"x\">\nhtml\n</div>\n\n"
            "```\ncode\n```\n\nThe lead paragraph\ncontinues here.\n\nSecond paragraph.\n")
    summary = summarise(body)
    assert summary.markdown == "The lead paragraph\ncontinues here."
    assert (summary.source, summary.truncated) == ("lead", True)
    assert summarise("Only one paragraph.\n").truncated is False
    assert summarise("`make` builds it.\n\nMore.\n").markdown == "`make` builds it."


def test_a_more_mark_in_code_is_text_not_a_mark():
    body = "Lead.\n\n```\n<!--more-->\n```\n\nRest.\n"
    assert summarise(body).source == "lead"
    assert body_without_more(body) == body


def test_summary_problems_name_their_lines():
    body = "a\n<!--more-->\nb\n<!--more-->\n"
    assert summary_problems(body, 3, summary_line=4, first_line=6) == [
        (4, "front matter: 'summary' must be a text"),
        (9, "a second <!--more-->: only the first ends the summary; remove this one")]
