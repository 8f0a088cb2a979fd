"""Loaded by every Python process the tests start (tests/conftest.py puts this folder on
PYTHONPATH) and by the tests' own process (tests/conftest.py loads it too): it notes each file or folder of the repository's orgs/ that the process opens or
lists, so a test that reads them through a subprocess is held to the `orgs` mark like one that
reads them itself. It does nothing unless PROBONO_ORGS_AUDIT names the log to append to."""

import os
import sys

_LOG = os.environ.get("PROBONO_ORGS_AUDIT")
_ORGS = os.environ.get("PROBONO_ORGS_DIR", "")
_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})


def _audit(event, args):
    if event not in _EVENTS or not args or not isinstance(args[0], (str, os.PathLike)):
        return
    if event == "open" and args[1] is None and not os.path.isabs(args[0]):
        return  # os.open, which may be relative to a folder's descriptor (shutil.rmtree)
    path = os.path.abspath(os.fspath(args[0]))
    if path == _ORGS or path.startswith(_ORGS + os.sep):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(path + "\n")


if _LOG and _ORGS:
    sys.addaudithook(_audit)
