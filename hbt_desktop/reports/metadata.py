"""The data fingerprint inside a document's file, where no reader of the page sees it.

A Decree 30 report may carry nothing in its margins, so its fingerprint and the readings
behind it (``core.provenance``) go into the file: in a PDF, the XMP metadata stream (and
the fingerprint alone in the Keywords, which every PDF reader shows under Properties);
in a Word file, a custom XML part (and the Keywords of its core properties). Read back by
``verify-print``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from reportlab.pdfbase.pdfdoc import XMP
from reportlab.platypus import BaseDocTemplate

from hbt_desktop.core.errors import InputError
from hbt_desktop.core.i18n import register
from hbt_desktop.core.provenance import PrintRecord, decode_record, encode_record
from hbt_desktop.reports.content import Footer

register(
    {
        "print.unreadable": {
            "vi": "Không đọc được tệp {path}: tệp không phải PDF hay Word (.docx), hoặc đã hỏng.",
            "en": "Cannot read {path}: it is not a PDF or Word (.docx) file, or it is damaged.",
        },
    }
)

NAMESPACE = "urn:hbt-desktop:print:1"
_TAG = f"{{{NAMESPACE}}}record"


def print_record(footer: Footer, kind: str) -> PrintRecord:
    """What a document's file carries about the figures it printed."""
    return PrintRecord(
        fingerprint=footer.fingerprint,
        readings=footer.readings,
        unit_uid=footer.unit_uid,
        period_id=footer.period_id,
        kind=kind,
    )


def xmp_packet(record: PrintRecord, keywords: str) -> str:
    """An XMP packet with the Keywords and the record (JSON, escaped for XML)."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        f'xmlns:hbt="{NAMESPACE}">\n'
        f"<pdf:Keywords>{escape(keywords)}</pdf:Keywords>\n"
        f"<hbt:record>{escape(encode_record(record))}</hbt:record>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


class RecordedDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A document template whose PDF carries ``record`` in its XMP metadata (with the
    Keywords given to the template, which XMP must repeat)."""

    def __init__(self, *args: Any, record: PrintRecord, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._packet = xmp_packet(record, "; ".join(kwargs.get("keywords", ())))

    def beforeDocument(self) -> None:  # reportlab's hook, called once the canvas exists
        packet = self._packet
        self.canv._doc.Catalog.Metadata = XMP(creator=lambda _doc: packet.encode("utf-8"))


def record_from_xml(xml: bytes | str) -> PrintRecord | None:
    """The record inside an XMP packet or a custom XML part, if there is one."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    found = root if root.tag == _TAG else root.find(f".//{_TAG}")
    text = None if found is None else found.text
    return decode_record(text) if isinstance(text, str) and text else None


def read_record(path: Path) -> PrintRecord | None:
    """The record a printed file carries; None when it carries none (a file from another
    program, or saved again by one that dropped the metadata). An unreadable file is
    refused in one sentence."""
    data = _read(path)
    if data.startswith(b"%PDF"):
        return _pdf_record(path, data)
    if data.startswith(b"PK"):
        from hbt_desktop.reports.docx_report import docx_record

        try:
            return docx_record(io.BytesIO(data))
        except ValueError as error:
            raise InputError("print.unreadable", path=str(path)) from error
    raise InputError("print.unreadable", path=str(path))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError("print.unreadable", path=str(path)) from error


def _pdf_record(path: Path, data: bytes) -> PrintRecord | None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        root: Any = PdfReader(io.BytesIO(data)).trailer["/Root"]
        metadata = root.get_object().get("/Metadata")
        if metadata is None:
            return None
        return record_from_xml(metadata.get_object().get_data())
    except (PdfReadError, KeyError, ValueError, OSError) as error:
        raise InputError("print.unreadable", path=str(path)) from error
