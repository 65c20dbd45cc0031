"""``imsmanifest.xml`` for a one-SCO package: SCORM 1.2 and SCORM 2004 4th edition.

The schema files named in ``xsi:schemaLocation`` are carried in the package (see build.py).
Both describe the same thing: metadata (title, description, language, version), one organisation
with one item, and one SCO resource (the module page) listing every file in the package. The
pass mark goes where each standard puts it: ``adlcp:masteryscore`` (1.2, per cent) and the primary
objective's ``minNormalizedMeasure`` (2004, 0 to 1), so the learning system knows it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.dom import minidom

from practice_site.lms.xml_text import checked

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCORM_12 = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "imsmd": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
SCHEMAS_12 = {
    "": "imscp_rootv1p1p2.xsd", "imsmd": "imsmd_rootv1p2p1.xsd", "adlcp": "adlcp_rootv1p2.xsd",
}
SCORM_2004 = {
    "": "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
    "lom": "http://ltsc.ieee.org/xsd/LOM",
}
SCHEMAS_2004 = {  # the LOM schema is not carried: the metadata is checked by the package schema's wildcard
    "": "imscp_v1p1.xsd", "adlcp": "adlcp_v1p3.xsd", "adlseq": "adlseq_v1p3.xsd", "adlnav": "adlnav_v1p3.xsd",
    "imsss": "imsss_v1p0.xsd",
}


@dataclass(frozen=True)
class PackageInfo:
    """What a manifest says about one module's package."""

    identifier: str  # an XML name: letters, digits, hyphens, starting with a letter
    title: str
    description: str
    language: str
    version: str
    launch: str  # the module page, relative to the package's root
    files: tuple[str, ...]  # every file in the package but the manifest
    pass_mark: int | None  # per cent; None for a module without a knowledge check


class _Writer:
    """A manifest in one standard's namespaces: elements named ``prefix:name``, every namespace
    declared on the root (the content packaging one as the default, as learning systems expect).

    Written with :mod:`xml.dom.minidom`, which escapes all text and attribute values; text XML
    cannot carry at all (control characters) is refused.
    """

    def __init__(self, namespaces: dict[str, str]) -> None:
        self.namespaces = namespaces
        self.document = minidom.Document()

    def add(self, parent: minidom.Node, name: str, text: str | None = None,
            attrs: dict[str, str] | None = None) -> minidom.Element:
        """A child element of ``parent`` with these attributes and text."""
        element = self.document.createElement(name)
        for key, value in (attrs or {}).items():
            element.setAttribute(key, checked(value, f"imsmanifest.xml: {name} {key}"))
        if text is not None:
            element.appendChild(self.document.createTextNode(checked(text, f"imsmanifest.xml: {name}")))
        parent.appendChild(element)
        return element

    def root(self, info: PackageInfo, schemas: dict[str, str]) -> minidom.Element:
        """The ``manifest`` element with its identifier, version and namespaces."""
        attrs = {"identifier": info.identifier, "version": info.version}
        attrs |= {f"xmlns:{prefix}" if prefix else "xmlns": uri for prefix, uri in self.namespaces.items()}
        attrs |= {"xmlns:xsi": XSI,
                  "xsi:schemaLocation": " ".join(f"{self.namespaces[p]} {schemas[p]}" for p in schemas)}
        return self.add(self.document, "manifest", attrs=attrs)

    def metadata(self, root: minidom.Element, schema_version: str, lom: str, info: PackageInfo) -> None:
        """The package's metadata: title, language, description and version (LOM, in each standard's form)."""
        metadata = self.add(root, "metadata")
        self.add(metadata, "schema", "ADL SCORM")
        self.add(metadata, "schemaversion", schema_version)
        record = self.add(metadata, f"{lom}:lom")
        general = self.add(record, f"{lom}:general")
        self.text(general, f"{lom}:title", info.title, info.language)
        self.add(general, f"{lom}:language", info.language)
        self.text(general, f"{lom}:description", info.description, info.language)
        life_cycle = self.add(record, f"{lom}:lifecycle" if lom == "imsmd" else f"{lom}:lifeCycle")
        self.text(life_cycle, f"{lom}:version", info.version, "x-none")

    def text(self, parent: minidom.Element, name: str, words: str, language: str) -> None:
        """A LOM text in one language: ``langstring xml:lang`` (1.2) or ``string language`` (2004)."""
        holder = self.add(parent, name)
        prefix = name.split(":")[0]
        if prefix == "imsmd":
            self.add(holder, "imsmd:langstring", words, {"xml:lang": language})
        else:
            self.add(holder, f"{prefix}:string", words, {"language": language})

    def organisation(self, root: minidom.Element, info: PackageInfo, parameters: str) -> minidom.Element:
        """The one organisation and its one item; returns the item."""
        organizations = self.add(root, "organizations", attrs={"default": "organisation"})
        organisation = self.add(organizations, "organization", attrs={"identifier": "organisation"})
        self.add(organisation, "title", info.title)
        item = self.add(organisation, "item", attrs={"identifier": "module", "identifierref": "sco",
                                                      "parameters": parameters})
        self.add(item, "title", info.title)
        return item

    def resource(self, root: minidom.Element, info: PackageInfo, scorm_type: str) -> None:
        """The SCO: the module page, and every file in the package."""
        resources = self.add(root, "resources")
        resource = self.add(resources, "resource", attrs={"identifier": "sco", "type": "webcontent",
                                                          "href": info.launch, scorm_type: "sco"})
        for path in info.files:
            self.add(resource, "file", attrs={"href": path})

    def serialise(self) -> bytes:
        """The manifest as UTF-8 XML."""
        return self.document.toprettyxml(indent="  ", encoding="UTF-8")


def manifest_12(info: PackageInfo) -> bytes:
    """The SCORM 1.2 manifest."""
    w = _Writer(SCORM_12)
    root = w.root(info, SCHEMAS_12)
    w.metadata(root, "1.2", "imsmd", info)
    item = w.organisation(root, info, "?scorm=1.2")
    if info.pass_mark is not None:
        w.add(item, "adlcp:masteryscore", str(info.pass_mark))
    w.resource(root, info, "adlcp:scormtype")
    return w.serialise()


def manifest_2004(info: PackageInfo) -> bytes:
    """The SCORM 2004 4th edition manifest."""
    w = _Writer(SCORM_2004)
    root = w.root(info, SCHEMAS_2004)
    w.metadata(root, "2004 4th Edition", "lom", info)
    item = w.organisation(root, info, "?scorm=2004")
    if info.pass_mark is not None:
        objectives = w.add(w.add(item, "imsss:sequencing"), "imsss:objectives")
        primary = w.add(objectives, "imsss:primaryObjective", attrs={"objectiveID": "passed",
                                                                      "satisfiedByMeasure": "true"})
        w.add(primary, "imsss:minNormalizedMeasure", f"{info.pass_mark / 100:g}")
    w.resource(root, info, "adlcp:scormType")
    return w.serialise()
