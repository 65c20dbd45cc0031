"""``imsmanifest.xml`` for a one-SCO package: SCORM 1.2 and SCORM 2004 4th edition.

Both describe the same thing: metadata (title, description, language, version), one organisation
with one item, and one SCO resource (the module page) listing every file in the package. The
pass mark goes where each standard puts it: ``adlcp:masteryscore`` (1.2, per cent) and the primary
objective's ``minNormalizedMeasure`` (2004, 0 to 1), so the learning system knows it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.dom import minidom

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
SCHEMAS_2004 = {
    "": "imscp_v1p1.xsd", "adlcp": "adlcp_v1p3.xsd", "adlseq": "adlseq_v1p3.xsd", "adlnav": "adlnav_v1p3.xsd",
    "imsss": "imsss_v1p0.xsd", "lom": "lom.xsd",
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

    Written with :mod:`xml.dom.minidom`, which escapes all text and attribute values.
    """

    def __init__(self, namespaces: dict[str, str]) -> None:
        self.namespaces = namespaces
        self.document = minidom.Document()

    def add(self, parent: minidom.Node, qualified: str, text: str | None = None, **attrs: str) -> minidom.Element:
        element = self.document.createElement(qualified)
        for key, value in attrs.items():
            element.setAttribute(key.replace("__", ":").replace("xml_lang", "xml:lang"), value)
        if text is not None:
            element.appendChild(self.document.createTextNode(text))
        parent.appendChild(element)
        return element

    def root(self, info: PackageInfo, schemas: dict[str, str]) -> minidom.Element:
        root = self.add(self.document, "manifest", identifier=info.identifier, version=info.version)
        for prefix, uri in self.namespaces.items():
            root.setAttribute(f"xmlns:{prefix}" if prefix else "xmlns", uri)
        root.setAttribute("xmlns:xsi", XSI)
        root.setAttribute("xsi:schemaLocation", " ".join(f"{self.namespaces[p]} {schemas[p]}" for p in schemas))
        return root

    def serialise(self) -> bytes:
        return self.document.toprettyxml(indent="  ", encoding="UTF-8")


def _files(w: _Writer, resource: minidom.Element, info: PackageInfo) -> None:
    for path in info.files:
        w.add(resource, "file", href=path)


def manifest_12(info: PackageInfo) -> bytes:
    """The SCORM 1.2 manifest."""
    w = _Writer(SCORM_12)
    root = w.root(info, SCHEMAS_12)
    metadata = w.add(root, "metadata")
    w.add(metadata, "schema", "ADL SCORM")
    w.add(metadata, "schemaversion", "1.2")
    lom = w.add(metadata, "imsmd:lom")
    general = w.add(lom, "imsmd:general")
    w.add(w.add(general, "imsmd:title"), "imsmd:langstring", info.title, xml_lang=info.language)
    w.add(general, "imsmd:language", info.language)
    w.add(w.add(general, "imsmd:description"), "imsmd:langstring", info.description, xml_lang=info.language)
    version = w.add(w.add(lom, "imsmd:lifecycle"), "imsmd:version")
    w.add(version, "imsmd:langstring", info.version, xml_lang="x-none")
    organizations = w.add(root, "organizations", default="organisation")
    organisation = w.add(organizations, "organization", identifier="organisation")
    w.add(organisation, "title", info.title)
    item = w.add(organisation, "item", identifier="module", identifierref="sco", parameters="?scorm=1.2")
    w.add(item, "title", info.title)
    if info.pass_mark is not None:
        w.add(item, "adlcp:masteryscore", str(info.pass_mark))
    resources = w.add(root, "resources")
    resource = w.add(resources, "resource", identifier="sco", type="webcontent", href=info.launch,
                     adlcp__scormtype="sco")
    _files(w, resource, info)
    return w.serialise()


def manifest_2004(info: PackageInfo) -> bytes:
    """The SCORM 2004 4th edition manifest."""
    w = _Writer(SCORM_2004)
    root = w.root(info, SCHEMAS_2004)
    metadata = w.add(root, "metadata")
    w.add(metadata, "schema", "ADL SCORM")
    w.add(metadata, "schemaversion", "2004 4th Edition")
    lom = w.add(metadata, "lom:lom")
    general = w.add(lom, "lom:general")
    w.add(w.add(general, "lom:title"), "lom:string", info.title, language=info.language)
    w.add(general, "lom:language", info.language)
    w.add(w.add(general, "lom:description"), "lom:string", info.description, language=info.language)
    version = w.add(w.add(lom, "lom:lifeCycle"), "lom:version")
    w.add(version, "lom:string", info.version, language="x-none")
    organizations = w.add(root, "organizations", default="organisation")
    organisation = w.add(organizations, "organization", identifier="organisation")
    w.add(organisation, "title", info.title)
    item = w.add(organisation, "item", identifier="module", identifierref="sco", parameters="?scorm=2004")
    w.add(item, "title", info.title)
    if info.pass_mark is not None:
        sequencing = w.add(item, "imsss:sequencing")
        objectives = w.add(sequencing, "imsss:objectives")
        primary = w.add(objectives, "imsss:primaryObjective", objectiveID="passed", satisfiedByMeasure="true")
        w.add(primary, "imsss:minNormalizedMeasure", f"{info.pass_mark / 100:g}")
    resources = w.add(root, "resources")
    resource = w.add(resources, "resource", identifier="sco", type="webcontent", href=info.launch,
                     adlcp__scormType="sco")
    _files(w, resource, info)
    return w.serialise()
