"""A module's knowledge check as a QTI 2.1 content package (``make lms``), and a reader for it.

The package is an IMS Content Package 1.1: ``imsmanifest.xml`` lists one resource of type
``imsqti_item_xmlv2p1`` per question, each an ``assessmentItem`` under ``items/``. An item is a
``choiceInteraction`` whose options carry the site's letters (``a``, ``b``, ... in the order the
quiz file gives them) and are listed in the order the site shows them, unshuffled, so every LMS
shows the order that the item-writing checks approved. Each option's feedback is a
``feedbackInline`` shown when the learner chose it; the score is 1 for exactly the right options
and 0 otherwise. Reflections have no answer and are not exported.

Author text is only ever set as element text or attribute values through ElementTree, so markup
in a question stays text. The reader refuses documents with a DOCTYPE (no entities of any kind).
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from string import ascii_lowercase

from practice_site.learning.quiz_check import display_order
from practice_site.learning.quiz_format import ID, Choice, Question, QuizFile
from practice_site.lms.xml_text import checked

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
LOM = "http://ltsc.ieee.org/xsd/LOM"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CP_SCHEMA = f"{CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
QTI_SCHEMA = f"{QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
ITEM_TYPE = "imsqti_item_xmlv2p1"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_ENTRY = 16 * 1024 * 1024  # bytes; far above any quiz, far below a zip bomb
MARKUP_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")
# Elements whose text is author text next to child elements: never indented.
MIXED = frozenset({"prompt", "simpleChoice", "feedbackInline"})
LETTERS = frozenset(ascii_lowercase)


def q(tag: str) -> str:
    """A QTI element's name as read back (with its namespace)."""
    return f"{{{QTI}}}{tag}"


def cp(tag: str) -> str:
    """An IMS Content Packaging element's name as read back (with its namespace)."""
    return f"{{{CP}}}{tag}"


def item_identifier(question_id: str) -> str:
    """The question id as a QTI identifier (an XML name): ids that start with a digit get a leading ``_``."""
    if not ID.match(question_id):  # also keeps items/<id>.xml inside items/
        raise ValueError(f'"{question_id}" is not a question id (lower case, digits and hyphens)')
    return question_id if question_id[:1].isalpha() else f"_{question_id}"


def question_id(identifier: str) -> str:
    """The question id an item identifier stands for (undoes ``item_identifier``)."""
    return identifier[1:] if identifier.startswith("_") else identifier


def letters(question: Question) -> str:
    """The option letters the site gives this question's options, in the file's order."""
    if len(question.choices) > len(ascii_lowercase):
        raise ValueError(f"{question.id}: more than {len(ascii_lowercase)} options cannot be given letters")
    return ascii_lowercase[: len(question.choices)]


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Add a child element with attributes and optional text."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def indent(element: ET.Element, level: int = 0) -> None:
    """Indent for people reading the file, leaving the whitespace of mixed content alone."""
    if element.tag in MIXED or not len(element):
        return
    element.text = "\n" + "  " * (level + 1)
    for child in element:
        indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


def serialise(root: ET.Element) -> bytes:
    """UTF-8 XML with a declaration.

    Elements are written without prefixes under the ``xmlns`` their root declares (ElementTree's
    ``default_namespace`` refuses attributes without a namespace), so the file reads like the
    specification's examples; a reader sees every element in that namespace.
    """
    indent(root)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'.encode()


def assessment_item(question: Question, language: str) -> bytes:
    """One question as a QTI 2.1 ``assessmentItem``."""
    where = f"question {question.id}"
    if question.kind not in ("single", "multiple"):
        raise ValueError(f'{where}: unknown type "{question.kind}"')
    values = letters(question)
    cardinality = question.kind
    item = ET.Element("assessmentItem", {
        "xmlns": QTI,
        "xmlns:xsi": XSI,
        "xsi:schemaLocation": QTI_SCHEMA,
        "identifier": item_identifier(question.id),
        "title": checked(question.text, where),
        "adaptive": "false",
        "timeDependent": "false",
        XML_LANG: checked(language, "language"),
    })
    response = sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                   baseType="identifier")
    correct = sub(response, "correctResponse")
    for value, choice in zip(values, question.choices, strict=True):
        if choice.correct:
            sub(correct, "value", value)
    if not len(correct):
        raise ValueError(f"{where}: no option is marked correct")
    score = sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    sub(sub(score, "defaultValue"), "value", "0")
    sub(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality=cardinality, baseType="identifier")

    interaction = sub(sub(item, "itemBody"), "choiceInteraction", responseIdentifier="RESPONSE",
                      shuffle="false", maxChoices="1" if question.kind == "single" else "0")
    sub(interaction, "prompt", checked(question.text, where))
    for index in display_order(question.id, len(question.choices)):
        choice = question.choices[index]
        option = sub(interaction, "simpleChoice", checked(choice.text, where), identifier=values[index])
        sub(option, "feedbackInline", checked(choice.feedback, where), outcomeIdentifier="FEEDBACK",
            identifier=values[index], showHide="show")

    processing = sub(item, "responseProcessing")
    condition = sub(processing, "responseCondition")
    when = sub(condition, "responseIf")
    match = sub(when, "match")
    sub(match, "variable", identifier="RESPONSE")
    sub(match, "correct", identifier="RESPONSE")
    sub(sub(when, "setOutcomeValue", identifier="SCORE"), "baseValue", "1", baseType="float")
    otherwise = sub(condition, "responseElse")
    sub(sub(otherwise, "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")
    sub(sub(processing, "setOutcomeValue", identifier="FEEDBACK"), "variable", identifier="RESPONSE")
    return serialise(item)


def manifest(quiz: QuizFile, title: str, language: str) -> bytes:
    """``imsmanifest.xml``: the package's title and one resource per question, in the file's order."""
    ids = [question.id for question in quiz.questions]
    digest = hashlib.sha256("\n".join([title, *ids]).encode()).hexdigest()[:16]
    root = ET.Element("manifest", {
        "xmlns": CP,
        "xmlns:xsi": XSI,
        "xsi:schemaLocation": f"{CP_SCHEMA} {QTI_SCHEMA}",
        "identifier": f"MANIFEST-{digest}",  # capitals: never one of the (lower-case) item identifiers
    })
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    general = sub(sub(metadata, "lom", xmlns=LOM), "general")
    sub(sub(general, "title"), "string", checked(title, "package title"), language=checked(language, "language"))
    sub(root, "organizations")
    resources = sub(root, "resources")
    for question in quiz.questions:
        href = f"items/{question.id}.xml"
        resource = sub(resources, "resource", identifier=item_identifier(question.id), type=ITEM_TYPE, href=href)
        sub(resource, "file", href=href)
    return serialise(root)


def qti_package(quiz: QuizFile, *, title: str, language: str = "en-GB") -> bytes:
    """The quiz's questions as a QTI 2.1 content package (zip bytes; the same input gives the same bytes)."""
    seen: set[str] = set()
    for question in quiz.questions:
        if question.id in seen:
            raise ValueError(f'{quiz.path}: the id "{question.id}" is used twice')
        seen.add(question.id)
    entries = {"imsmanifest.xml": manifest(quiz, title, language)}
    for question in quiz.questions:
        entries[f"items/{question.id}.xml"] = assessment_item(question, language)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whichever system builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def parse_xml(data: bytes, where: str) -> ET.Element:
    """Parse XML that declares no DOCTYPE or entities (escaped author text can never look like one)."""
    if MARKUP_DECLARATION.search(data):
        raise ValueError(f"{where}: a DOCTYPE or entity declaration is not accepted")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise ValueError(f"{where}: not well-formed XML ({error})") from error


def read_entry(archive: zipfile.ZipFile, name: str) -> bytes:
    """One file of the package, refusing a missing or implausibly large one."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ValueError(f"the package has no {name}") from None
    if info.file_size > MAX_ENTRY:
        raise ValueError(f"{name} is larger than {MAX_ENTRY} bytes")
    return archive.read(info)


def read_item(root: ET.Element, where: str) -> Question:
    """A Question from an ``assessmentItem`` written by ``assessment_item``."""
    if root.tag != q("assessmentItem"):
        raise ValueError(f"{where}: not an assessmentItem")
    response = root.find(q("responseDeclaration"))
    interaction = root.find(f"{q('itemBody')}/{q('choiceInteraction')}")
    prompt = None if interaction is None else interaction.find(q("prompt"))
    if response is None or interaction is None or prompt is None:
        raise ValueError(f"{where}: expected a responseDeclaration and a choiceInteraction with a prompt")
    keys = {value.text or "" for value in response.iterfind(f"{q('correctResponse')}/{q('value')}")}
    shown = interaction.findall(q("simpleChoice"))
    # The options are listed in the order shown; their letters give the file's order back.
    if all(option.get("identifier") in LETTERS for option in shown):
        shown.sort(key=lambda option: option.get("identifier", ""))
    choices = []
    for option in shown:
        feedback = option.find(q("feedbackInline"))
        choices.append(Choice(text=option.text or "", correct=option.get("identifier") in keys,
                              feedback="" if feedback is None else feedback.text or "", line=0))
    return Question(id=question_id(root.get("identifier", "")), text=prompt.text or "",
                    kind=response.get("cardinality", ""), section="", choices=tuple(choices), line=0)


def read_qti_package(data: bytes) -> list[Question]:
    """The questions of a package made by ``qti_package``, in the manifest's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = parse_xml(read_entry(archive, "imsmanifest.xml"), "imsmanifest.xml")
        if root.tag != cp("manifest"):
            raise ValueError("imsmanifest.xml: not an IMS content package manifest")
        questions = []
        for resource in root.iterfind(f"{cp('resources')}/{cp('resource')}"):
            if resource.get("type") != ITEM_TYPE:
                continue
            href = resource.get("href", "")
            questions.append(read_item(parse_xml(read_entry(archive, href), href), href))
    return questions
