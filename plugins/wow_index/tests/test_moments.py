import markdown
from pelican.plugins.wow_index.index.moments import extract_moments
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["extra", "toc"])


def test_headings_with_vocabulary_classes_are_moments_in_order():
    html = render(
        "Intro\n\n## Dropped the laptop off {: .repair .meh }\n\ntext\n\n"
        "## Called for an update {: .phone .bad }\n\ntext\n\n## Plain heading\n"
    )
    moments, issues = extract_moments(html, TP, VD)
    assert [(m.position, m.title, m.touchpoint, m.verdict) for m in moments] == [
        (1, "Dropped the laptop off", "repair", "meh"),
        (2, "Called for an update", "phone", "bad"),
    ]
    assert moments[0].anchor == "dropped-the-laptop-off"
    assert issues == []


def test_styling_classes_are_ignored_but_typos_are_reported():
    html = render("## Step {: .phnoe .bad .lead }\n")
    moments, issues = extract_moments(html, TP, VD)
    assert moments[0].verdict == "bad" and moments[0].touchpoint is None
    assert [i.css_class for i in issues if i.suggestion] == ["phnoe"]
    assert any("no touchpoint" in i.message for i in issues)


def test_no_markers_means_no_parsing_and_no_moments():
    assert extract_moments(render("## A heading\n\ntext"), TP, VD) == ([], [])
    assert extract_moments("", TP, VD) == ([], [])


def test_heading_text_is_plain_text():
    html = render("## Called *again* <script>x</script> {: .phone .bad }\n")
    moments, _ = extract_moments(html, TP, VD)
    assert "<" not in moments[0].title


# Headings as Markdown renders them, and as writers type them in raw HTML.
HEADINGS = [
    "## Rang them *twice* &amp; waited {: .phone .bad }",
    "## The `order-id` page, **again** {: #status .information .meh .lead }",
    "### A [link](https://example.com) and an ![image](x.png) {: .web .good }",
    "## Caf\u00e9 &eacute; &#8230; \u2014 the <em>nicest</em> till {: .store .wow }",
    "#### Only styling {: .lead .wide }",
    "## A typo {: .delivry .good }",
    '<h2 class="phone bad" id="one">Called <script>var x = "<b>";</script>'
    "at <b>nine</b><!-- not text --></h2>",
    '<h3 class=" store  good ">  spaced   out  </h3>',
    '<h2 class="returns meh" class="phone">First class wins</h2>',
    '<h2 class="chat bad">Outer <span class="x">inner <i>deep</i></span> end</h2>',
    "<h2 class=''>Empty class</h2><h5 class=\"app wow\">Last</h5>",
]


def _as_beautifulsoup_reads(html: str) -> list[tuple[list[str], str | None, str]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    return [
        (h.get("class") or [], h.get("id"), h.get_text(" ", strip=True))
        for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"], class_=True)
        if h.get("class")
    ]


def test_headings_read_as_beautifulsoup_with_lxml_reads_them():
    compared = 0
    for heading in HEADINGS:
        html = render(f"Before\n\n{heading}\n\nAfter *text*.\n")
        expected = [
            (classes, anchor, title)
            for classes, anchor, title in _as_beautifulsoup_reads(html)
            if any(c in TP or c in VD for c in classes)
        ]
        moments, _ = extract_moments(html, TP, VD)
        read = [
            ([c for c in classes if c in TP or c in VD], anchor, title)
            for classes, anchor, title in expected
        ]
        got = [
            (
                [c for c in (m.touchpoint, m.verdict) if c],
                m.anchor,
                m.title,
            )
            for m in moments
        ]
        assert got == read, html
        compared += len(got)
    assert compared == 10  # every sample but the one with styling classes only


def test_an_unclosed_heading_ends_at_the_next_block():
    moments, _ = extract_moments(
        '<h2 class="phone bad">Called them<p>and the rest of the story</p>', TP, VD
    )
    assert [m.title for m in moments] == ["Called them"]
