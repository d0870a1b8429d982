"""WordPress's paragraph rule, on the shapes classic posts have.

Each expected output is worked out by hand from the rules of WordPress's
``wpautop`` (formatting.php), applied in its order.
"""

from __future__ import annotations

from pelican.plugins.wow_index.cli.wpautop import autop, is_block_content


def test_blank_lines_are_paragraphs_and_single_breaks_are_br():
    assert autop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"


def test_a_block_tag_in_the_post_does_not_stop_the_paragraphs_around_it():
    text = (
        "First.\n\n<blockquote>Quoted.</blockquote>\n\nSecond.\n\n"
        "<ul>\n<li>a</li>\n</ul>\n\nThird."
    )
    assert autop(text) == (
        "<p>First.</p>\n"
        "<blockquote><p>Quoted.</p></blockquote>\n"
        "<p>Second.</p>\n"
        "<ul>\n<li>a</li>\n</ul>\n"
        "<p>Third.</p>\n"
    )


def test_a_block_tag_touching_text_starts_a_new_paragraph():
    assert autop("Before<div>inside</div>after") == (
        "<p>Before</p>\n<div>inside</div>\n<p>after</p>\n"
    )


def test_pre_is_left_as_it_is():
    assert (
        autop("<pre>a\n\n  b</pre>\n\nafter") == "<pre>a\n\n  b</pre>\n<p>after</p>\n"
    )


def test_newlines_inside_a_tag_are_not_breaks():
    assert autop('<img src="x.jpg"\nalt="y">\n\nText') == (
        '<p><img src="x.jpg"\nalt="y"></p>\n<p>Text</p>\n'
    )


def test_two_brs_are_a_paragraph_break():
    assert autop("One<br><br>Two") == "<p>One</p>\n<p>Two</p>\n"


def test_script_and_style_keep_their_newlines():
    assert autop("<script>a\nb</script>") == "<p><script>a\nb</script></p>\n"


def test_without_br_single_newlines_stay():
    assert autop("One\ntwo", br=False) == "<p>One\ntwo</p>\n"


def test_empty_text_is_empty():
    assert autop("  \n\n ") == ""


def test_figcaption_stays_next_to_its_image():
    text = '<figure><img src="a.jpg">\n<figcaption>Cap</figcaption>\n</figure>'
    assert (
        autop(text)
        == '<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>\n'
    )


def test_block_editor_content_is_recognised():
    assert is_block_content("<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->")
    assert not is_block_content("Plain\n\n<!-- a note -->")
