"""The exceptions: one class per family of error kinds, each carrying the library's answer."""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Type


class Message(NamedTuple):
    """A text in both languages; ``str()`` of it is the Chinese."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh


def message(value: Any) -> Message:
    """A ``{"zh", "en"}`` object of an answer as a :class:`Message`."""
    if isinstance(value, dict):
        return Message(str(value.get("zh", "")), str(value.get("en", "")))
    return Message(str(value), str(value))


class Error(Exception):
    """An error of the library: the request could not be answered.

    ``kind`` is the stable name of the error's kind (``"duplicate_id"``), ``location`` where in
    which input (``{"source", "line", "column", "sheet", "text"}``, or None), ``message_zh``
    and ``message_en`` the whole message in Chinese (also ``str(e)``) and English, ``hint`` the
    fix when it is obvious, ``listed`` the problems an error of several lists (each an
    :class:`Error`) and ``total`` how many there are in all, ``json`` the answer as the library
    gave it.
    """

    kind: str
    location: Optional[Dict[str, Any]]
    message: Message
    text: Message
    hint: Optional[Message]
    listed: List[Error]
    total: int
    json: Dict[str, Any]

    def __init__(self, answer: Dict[str, Any]) -> None:
        self.json = answer
        self.kind = str(answer.get("kind", ""))
        location = answer.get("location")
        self.location = location if isinstance(location, dict) else None
        self.message = message(answer.get("message", ""))
        self.text = message(answer.get("text", answer.get("message", "")))
        hint = answer.get("hint")
        self.hint = message(hint) if hint else None
        self.listed = [error_from_answer(p) for p in answer.get("listed") or []]
        self.total = int(answer.get("total") or 0)
        super().__init__(self.message.zh)

    @property
    def message_zh(self) -> str:
        """The whole message in Chinese: where, what is wrong, the problems listed."""
        return self.message.zh

    @property
    def message_en(self) -> str:
        """The whole message in English."""
        return self.message.en

    def __str__(self) -> str:
        return self.message.zh

    def __repr__(self) -> str:
        return f"{type(self).__name__}(kind={self.kind!r}, message={self.message.en!r})"

    def __reduce__(self) -> Any:
        return (error_from_answer, (self.json,))


class InputError(Error):
    """An input file cannot be read or holds bad data: its encoding or format, a missing or
    duplicate column, an invalid or duplicate id, a bad value, personal data, a size limit;
    a conflicts row naming no officer; the history file a task needs is missing."""


class PlanError(Error):
    """The plan is not valid TOML, holds a bad value, names a column the directory does not
    have, or has no ratio for a stratum of the frame."""


class DrawError(Error):
    """The inputs are well formed but the draw cannot be made: a task's frame is empty, too
    few officers for a team or for a target, an empty seed."""


class RecordError(Error):
    """A record (or another JSON document the library signs or reads back) is malformed,
    of a spec version this build does not implement, or cannot be amended as asked."""


class CeremonyError(Error):
    """A draw from an announcement: the announcement, its beacon round, dice, reveals or
    time-stamp do not check out, or an input is not the one the announcement froze."""


class PublicationError(Error):
    """A publication cannot be made: a notice for a record that does not verify with these
    inputs, a working-day calendar, a warehouse query."""


class RequestError(Error, TypeError):
    """The request itself is wrong: an unknown option (``id_chek=``), a member missing or of
    the wrong type, an unknown operation. A bug of the calling code, not of the files."""


class InternalError(Error):
    """A bug of the library: the call panicked. Please report it with the inputs."""


#: The family of every error kind the library has (``ErrorKind::as_str`` in
#: ``src/error/kind.rs``); a kind not listed (from a newer library) raises :class:`Error`.
KINDS: Dict[str, Type[Error]] = {
    # Reading a table: bytes, encoding, format.
    "not_utf8": InputError,
    "binary": InputError,
    "encoding": InputError,
    "xlsx": InputError,
    "xlsx_too_large": InputError,
    "json": InputError,
    "csv": InputError,
    "too_large": InputError,
    "read": InputError,
    # A table's header and rows.
    "empty_table": InputError,
    "missing_column": InputError,
    "duplicate_column": InputError,
    "empty_column_name": InputError,
    "empty_field": InputError,
    "control_character": InputError,
    "duplicate_id": InputError,
    "invalid_id": InputError,
    "personal_data": InputError,
    "number_code": InputError,
    "bad_value": InputError,
    # Several problems in one input: the family of the first one listed (a task sheet's are
    # the plan's), else an input's.
    "problems": InputError,
    # The inputs together: a conflicts row naming no officer; a task needs the history file.
    "unknown_officer": InputError,
    "missing_history": InputError,
    # Tables checked against a record (results) or read from a warehouse (census, candidates).
    "results": InputError,
    "result_problems": InputError,
    "warehouse": InputError,
    # The plan.
    "plan_syntax": PlanError,
    "plan_value": PlanError,
    "unknown_column": PlanError,
    "no_ratio_for_stratum": PlanError,
    # Well-formed inputs that give no draw.
    "empty_frame": DrawError,
    "officer_pool_too_small": DrawError,
    "no_officer_for_target": DrawError,
    "empty_seed": DrawError,
    # Records and the documents read back.
    "record_syntax": RecordError,
    "document": RecordError,
    "unsupported_spec": RecordError,
    "amendment": RecordError,
    # The ceremony.
    "announcement": CeremonyError,
    "inputs_not_announced": CeremonyError,
    # Publications.
    "inputs_mismatch": PublicationError,
    "calendar_syntax": PublicationError,
    "no_calendar": PublicationError,
    "sql": PublicationError,
    # The caller and the library.
    "request": RequestError,
    "internal": InternalError,
}


def error_class(answer: Dict[str, Any]) -> Type[Error]:
    """The class of an error answer: by its kind; several problems by the first listed."""
    kind = answer.get("kind")
    if kind == "problems":
        listed = answer.get("listed") or []
        if listed and isinstance(listed[0], dict) and listed[0].get("kind") != "problems":
            return KINDS.get(listed[0].get("kind", ""), InputError)
        return InputError
    return KINDS.get(str(kind), Error)


def error_from_answer(answer: Dict[str, Any]) -> Error:
    """The exception for an error answer of the library."""
    return error_class(answer)(answer)
