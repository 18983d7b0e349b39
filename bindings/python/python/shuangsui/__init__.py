"""shuangsui: verifiable 双随机、一公开 draws — random inspection targets and officers that
anyone can re-run.

    import shuangsui
    from pathlib import Path

    record = shuangsui.draw(plan=Path("plan.toml"), targets=Path("targets.csv"),
                            officers=Path("officers.csv"), seed="2027-01-15 公开摇号")
    record.write("record.json")          # the bytes `shuangsui draw --out record.json` writes
    v = shuangsui.verify(record=Path("record.json"), plan=Path("plan.toml"),
                         targets=Path("targets.csv"), officers=Path("officers.csv"))
    assert v, v.differences

A file is its text (``str``), its bytes (``bytes``: an ``.xlsx`` workbook, a GBK export) or a
path (``pathlib.Path``: read, its name picks the format); :class:`File` says how to read one
when its name does not. Errors raise :class:`Error`, one subclass per family of the library's
error kinds (:data:`KINDS`). Every function calls the library's JSON interface (``call``)
without holding the GIL.
"""

from ._api import (
    OPERATIONS,
    Amended,
    Difference,
    Draw,
    Exclusion,
    File,
    Input,
    Note,
    Verification,
    __version__,
    amend,
    call,
    check,
    digest,
    draw,
    notice,
    verify,
)
from ._errors import (
    KINDS,
    CeremonyError,
    DrawError,
    Error,
    InputError,
    InternalError,
    Message,
    PlanError,
    PublicationError,
    RecordError,
    RequestError,
)

__all__ = [
    "OPERATIONS",
    "KINDS",
    "Amended",
    "CeremonyError",
    "Difference",
    "Draw",
    "DrawError",
    "Error",
    "Exclusion",
    "File",
    "Input",
    "InputError",
    "InternalError",
    "Message",
    "Note",
    "PlanError",
    "PublicationError",
    "RecordError",
    "RequestError",
    "Verification",
    "__version__",
    "amend",
    "call",
    "check",
    "digest",
    "draw",
    "notice",
    "verify",
]
