"""The native module: the library's JSON interface (``shuangsui::api``)."""

from typing import List, Tuple

#: The operations :func:`call` knows.
OPERATIONS: List[str]
#: The version of the library the module was built from.
VERSION: str

def call(operation: str, request: bytes) -> Tuple[int, str]:
    """Runs an operation on a request (a JSON object, UTF-8) without the GIL: ``(status,
    answer)``, status 0 (done), 1 (a verification that does not reproduce) or 2 (the answer
    is an error), the answer a JSON text."""
