"""The typed API over the native ``call``: files in, records, verifications and errors out."""

from __future__ import annotations

import base64
import json as _json
import os
from typing import (
    Any,
    Dict,
    Iterable,
    List,
    Literal,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    Union,
)

from . import _shuangsui
from ._errors import Message, error_from_answer, message

__version__: str = _shuangsui.VERSION
#: The operations of :func:`call`.
OPERATIONS: Tuple[str, ...] = tuple(_shuangsui.OPERATIONS)

# An .xlsx workbook is a zip archive.
_ZIP = b"PK\x03\x04"


class File:
    """A file for a request, with how to read it.

    ``data`` is the file's text (``str``), its bytes (``bytes``) or a path (``os.PathLike``,
    read now). ``name`` is for messages, and its extension picks the format (a path's own name
    by default); ``format`` (``"csv"``, ``"tsv"``, ``"json"``, ``"jsonl"``, ``"xlsx"``),
    ``encoding`` (``"utf-8"``, ``"gbk"``, ``"gb18030"``) and ``sheet`` (an ``.xlsx``
    worksheet's name; the first by default) say how to read it when the name does not.
    """

    __slots__ = ("data", "name", "format", "encoding", "sheet")

    def __init__(
        self,
        data: Union[str, bytes, os.PathLike[str]],
        *,
        name: Optional[str] = None,
        format: Optional[str] = None,
        encoding: Optional[str] = None,
        sheet: Optional[str] = None,
    ) -> None:
        self.data = data
        self.name = name
        self.format = format
        self.encoding = encoding
        self.sheet = sheet

    def __repr__(self) -> str:
        shown = [repr(self.data if not isinstance(self.data, (str, bytes)) else type(self.data))]
        for key in ("name", "format", "encoding", "sheet"):
            value = getattr(self, key)
            if value is not None:
                shown.append(f"{key}={value!r}")
        return f"File({', '.join(shown)})"

    def _member(self) -> Dict[str, Any]:
        given = _file(self.data)
        member: Dict[str, Any] = {"text": given} if isinstance(given, str) else dict(given)
        for key in ("name", "format", "encoding", "sheet"):
            value = getattr(self, key)
            if value is not None:
                member[key] = value
        return member


#: A file of a request: its text, its bytes, a path, or a :class:`File`.
Input = Union[str, bytes, "os.PathLike[str]", File]


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _file(value: Any) -> Any:
    """A file as a member of a request: text as a string; bytes and paths as base64, a
    path named by itself (its extension picks the format), bytes of a workbook marked as
    one. Anything else is left to the library to refuse."""
    if isinstance(value, File):
        return value._member()
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        member: Dict[str, Any] = {"base64": _base64(data)}
        if data.startswith(_ZIP):
            member["format"] = "xlsx"
        return member
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        with open(path, "rb") as f:
            data = f.read()
        return {"name": os.fsdecode(path), "base64": _base64(data)}
    return value


def _member(value: Any) -> Any:
    """An option's value: files as files, in lists too; strings, numbers, booleans and
    mappings as they are."""
    if isinstance(value, (list, tuple)):
        return [_file(v) for v in value]
    if isinstance(value, Mapping):
        return dict(value)
    return _file(value)


def _request(members: Dict[str, Any]) -> Dict[str, Any]:
    """A request from keyword arguments: None means absent."""
    return {name: _member(value) for name, value in members.items() if value is not None}


def _call(operation: str, request: Dict[str, Any]) -> Tuple[int, Dict[str, Any]]:
    """Runs an operation; raises the error an answer of status 2 is."""
    payload = _json.dumps(request, ensure_ascii=False).encode("utf-8", "surrogatepass")
    # The files' base64 is in the payload now: let it go before the library reads it.
    request.clear()
    status, text = _shuangsui.call(operation, payload)
    del payload
    answer = _json.loads(text)
    if status == 2:
        raise error_from_answer(answer)
    return status, answer


def call(operation: str, request: Mapping[str, Any]) -> Dict[str, Any]:
    """Runs an operation of the library's JSON interface on a request and returns the answer.

    The request's members are as ``shuangsui::api`` documents them; a file may also be given
    as ``bytes``, a path or a :class:`File`. A verification that does not reproduce answers
    ``{"ok": false, …}``; an error raises :class:`Error`.
    """
    return _call(operation, _request(dict(request)))[1]


class Exclusion(NamedTuple):
    """A target the draw left out of a task's frame, and why."""

    task: str
    target: str
    reason: str


_Draw = TypeVar("_Draw", bound="Draw")


class Draw(str):
    """The record of a draw: the record's text, byte for byte what ``shuangsui draw`` writes
    (write it with :meth:`write`, or as UTF-8 without newline translation), with the draw's
    ``digest``, ``warnings`` and ``exclusions``, and ``json``, the answer as the library gave
    it."""

    digest: str
    warnings: List[Message]
    exclusions: List[Exclusion]
    json: Dict[str, Any]

    def __new__(cls: Type[_Draw], answer: Dict[str, Any]) -> _Draw:
        self = super().__new__(cls, answer["record"])
        self.json = answer
        self.digest = str(answer.get("digest", ""))
        self.warnings = [message(w.get("message")) for w in answer.get("warnings") or []]
        self.exclusions = [
            Exclusion(str(e.get("task")), str(e.get("target")), str(e.get("reason")))
            for e in answer.get("exclusions") or []
        ]
        return self

    @property
    def record(self) -> str:
        """The record's text, as a plain ``str``."""
        return str.__str__(self)

    def write(self, path: Union[str, os.PathLike[str]]) -> None:
        """Writes the record's bytes to a file (UTF-8, no newline translation)."""
        with open(path, "wb") as f:
            f.write(self.record.encode("utf-8"))

    def __reduce__(self) -> Any:
        return (type(self), (self.json,))


class Amended(Draw):
    """An amended record: its text (:class:`Draw`'s), its ``digest`` (the draw's, unchanged),
    and ``ledger``: ``{"entries", "head"}``, the ledger of amendments and its new head."""

    ledger: Dict[str, Any]

    def __new__(cls, answer: Dict[str, Any]) -> Amended:
        self = super().__new__(cls, answer)
        self.ledger = dict(answer.get("ledger") or {})
        return self


class Difference(NamedTuple):
    """Where a record and what its inputs give differ: the ``path`` in the record
    (``tasks[T1].selected[4].target``), the value in the ``record``, the ``recomputed`` one
    (``(absent)`` for none), and the ``message`` a person reads."""

    path: str
    record: str
    recomputed: str
    message: Message


class Note(NamedTuple):
    """Something worth saying about a verification that is not a mismatch."""

    id: str
    message: Message


class Verification:
    """The outcome of :func:`verify`: true when the record reproduces from its inputs.

    ``differences`` lists where it does not (the first ones; ``total_differences`` counts
    them all), ``changed_inputs`` names the inputs that are not the draw's (``"plan"``,
    ``"targets"``, ``"officers"``), ``seed_mismatch`` says the seed or the key was altered,
    ``attestation_failure`` why an attested seed does not check out, ``guarantees`` what the
    seed's provenance proves, ``notes`` what is worth saying, ``ledger`` the amendments'
    ledger, and ``json`` the answer as the library gave it.
    """

    ok: bool
    differences: List[Difference]
    total_differences: int
    changed_inputs: List[str]
    seed_mismatch: bool
    attestation_failure: Optional[Message]
    guarantees: List[Message]
    notes: List[Note]
    ledger: Optional[Dict[str, Any]]
    json: Dict[str, Any]

    def __init__(self, answer: Dict[str, Any]) -> None:
        self.json = answer
        self.ok = bool(answer.get("ok"))
        self.differences = [
            Difference(
                str(d.get("path", "")),
                str(d.get("record", "")),
                str(d.get("recomputed", "")),
                message(d.get("message")),
            )
            for d in answer.get("differences") or []
        ]
        self.total_differences = int(answer.get("total_differences") or 0)
        self.changed_inputs = [str(i) for i in answer.get("changed_inputs") or []]
        self.seed_mismatch = bool(answer.get("seed_mismatch"))
        failure = answer.get("attestation_failure")
        self.attestation_failure = message(failure) if failure else None
        self.guarantees = [message(g) for g in answer.get("guarantees") or []]
        self.notes = [
            Note(str(n.get("id", "")), message(n.get("message"))) for n in answer.get("notes") or []
        ]
        ledger = answer.get("ledger")
        self.ledger = ledger if isinstance(ledger, dict) else None

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        if self.ok:
            return "<Verification: reproduces>"
        return f"<Verification: does not reproduce, {self.total_differences} differences>"

    def __str__(self) -> str:
        """What differs, one line each, in Chinese; empty when the record reproduces."""
        return "\n".join(str(d.message) for d in self.differences)


def _inputs(
    plan: Input,
    targets: Input,
    officers: Input,
    history: Optional[Input],
    conflicts: Optional[Input],
    earlier: Optional[Iterable[Input]],
) -> Dict[str, Any]:
    return {
        "plan": plan,
        "targets": targets,
        "officers": officers,
        "history": history,
        "conflicts": conflicts,
        "earlier": list(earlier) if earlier else None,
    }


def check(
    *,
    plan: Input,
    targets: Input,
    officers: Input,
    history: Optional[Input] = None,
    conflicts: Optional[Input] = None,
    earlier: Optional[Sequence[Input]] = None,
    id_check: Optional[Literal["strict", "warn"]] = None,
    id_allowlist: Optional[Sequence[str]] = None,
    raw_digest: Optional[bool] = None,
    **options: Any,
) -> Dict[str, Any]:
    """What a draw would do, short of drawing: ``{"digests", "rows", "tasks": [{"id",
    "frame", "excluded", "count", "eligible_officers", "strata"}], "ineligible_officers",
    "warnings"}``."""
    request = _inputs(plan, targets, officers, history, conflicts, earlier)
    request.update(id_check=id_check, id_allowlist=id_allowlist, raw_digest=raw_digest)
    request.update(options)
    return _call("check", _request(request))[1]


def draw(
    *,
    plan: Input,
    targets: Input,
    officers: Input,
    seed: Optional[str] = None,
    history: Optional[Input] = None,
    conflicts: Optional[Input] = None,
    earlier: Optional[Sequence[Input]] = None,
    id_check: Optional[Literal["strict", "warn"]] = None,
    id_allowlist: Optional[Sequence[str]] = None,
    raw_digest: Optional[bool] = None,
    announcement: Optional[Input] = None,
    beacon: Optional[Input] = None,
    reveals: Optional[Mapping[str, str]] = None,
    timestamp: Optional[Input] = None,
    tsa_cert: Optional[Input] = None,
    replaced: Optional[Sequence[Input]] = None,
    **options: Any,
) -> Draw:
    """Draws: the record's text (a :class:`Draw`, a ``str``), byte for byte what
    ``shuangsui draw`` writes for the same inputs and seed.

    Give ``seed`` (the record says it is unattested), or ``announcement`` with ``beacon``
    (the drand round's JSON), and ``reveals``, ``timestamp``, ``tsa_cert``, ``replaced`` as
    the ceremony has them. ``history``, ``conflicts`` and ``earlier`` (the records of the
    plan's earlier batches) are the optional inputs; ``id_check="warn"`` lists ids that fail
    their check instead of refusing them, ``id_allowlist`` names ids accepted as they are,
    ``raw_digest=True`` records the files' SHA-256 too. An option the library does not know
    raises :class:`RequestError`.
    """
    request = _inputs(plan, targets, officers, history, conflicts, earlier)
    request.update(
        seed=seed,
        id_check=id_check,
        id_allowlist=id_allowlist,
        raw_digest=raw_digest,
        announcement=announcement,
        beacon=beacon,
        reveals=reveals,
        timestamp=timestamp,
        tsa_cert=tsa_cert,
        replaced=replaced,
    )
    request.update(options)
    return Draw(_call("draw", _request(request))[1])


def verify(
    *,
    record: Input,
    plan: Input,
    targets: Input,
    officers: Input,
    history: Optional[Input] = None,
    conflicts: Optional[Input] = None,
    earlier: Optional[Sequence[Input]] = None,
    tsa_cert: Optional[Input] = None,
    **options: Any,
) -> Verification:
    """Re-draws from the inputs and compares with the record: a :class:`Verification`, true
    when the record reproduces, listing what differs when it does not (not an exception).
    The ids are read as the record says they were. Raises :class:`Error` only when the
    request cannot be answered (an input that cannot be read, a record that is not one)."""
    request = _inputs(plan, targets, officers, history, conflicts, earlier)
    request.update(record=record, tsa_cert=tsa_cert)
    request.update(options)
    return Verification(_call("verify", _request(request))[1])


def digest(
    *,
    plan: Input,
    targets: Optional[Input] = None,
    officers: Optional[Input] = None,
    **options: Any,
) -> Dict[str, str]:
    """The canonical digests (hex) of a plan and, when given, of a directory and a roster:
    ``{"plan", "targets", "officers", "officer_names"}``, as a record holds them."""
    request: Dict[str, Any] = {"plan": plan, "targets": targets, "officers": officers}
    request.update(options)
    return _call("digest", _request(request))[1]


def amend(
    *,
    record: Input,
    plan: Input,
    targets: Input,
    officers: Input,
    amendment: Mapping[str, str],
    history: Optional[Input] = None,
    conflicts: Optional[Input] = None,
    earlier: Optional[Sequence[Input]] = None,
    **options: Any,
) -> Amended:
    """Amends a record: ``amendment`` is ``{"change": "unreachable" | "replace_officer",
    "target", "task", "actor", "at", "officer", "reason", "note"}``. Returns the amended
    record's text (an :class:`Amended`) with the ledger's new head."""
    request = _inputs(plan, targets, officers, history, conflicts, earlier)
    request.update(record=record, amendment=amendment)
    request.update(options)
    return Amended(_call("amend", _request(request))[1])


def notice(
    *,
    record: Input,
    plan: Input,
    targets: Input,
    officers: Input,
    format: Optional[Literal["html", "markdown", "csv"]] = None,
    lang: Optional[Literal["zh", "en"]] = None,
    officers_shown: Optional[Literal["names", "certificates", "hidden"]] = None,
    issued: Optional[str] = None,
    history: Optional[Input] = None,
    conflicts: Optional[Input] = None,
    earlier: Optional[Sequence[Input]] = None,
    tsa_cert: Optional[Input] = None,
    **options: Any,
) -> str:
    """The draw notice of a record that verifies: ``format`` ``"html"`` (default),
    ``"markdown"`` or ``"csv"``; ``lang`` ``"zh"`` (default) or ``"en"``; ``officers_shown``
    ``"names"`` (default), ``"certificates"`` or ``"hidden"``; ``issued`` the date of issue
    (``YYYY-MM-DD``). A record that does not verify raises :class:`PublicationError`."""
    request = _inputs(plan, targets, officers, history, conflicts, earlier)
    request.update(
        record=record,
        format=format,
        lang=lang,
        officers_shown=officers_shown,
        issued=issued,
        tsa_cert=tsa_cert,
    )
    request.update(options)
    return str(_call("notice", _request(request))[1]["text"])
