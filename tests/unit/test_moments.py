import markdown
from pelican.plugins.wow_index.moments import extract_moments
from pelican.plugins.wow_index.vocabulary import Vocabulary, default_vocabulary_data

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
