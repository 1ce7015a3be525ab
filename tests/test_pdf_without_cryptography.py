"""AES-encrypted PDFs imported where the `cryptography` package cannot be imported, as in the
desktop bundle (packaging/azrel.spec leaves it out): PDFium still reads a file restricted only
by an owner password (AES-128 and AES-256) and refuses one that needs a password to open with
the usual sentence; pypdf, the fallback, refuses an AES file with one line saying what to
install, instead of failing with its own exception. Each case runs in a child Python whose
import system refuses `cryptography` (and pycryptodome, pypdf's other AES provider), importing
the files into a real library through the `Library` facade."""

from __future__ import annotations

import json
import subprocess
import sys

from azrel_desktop.core.sources.pdf import AES_NEEDS_CRYPTOGRAPHY

_IMPORT_WITHOUT_CRYPTOGRAPHY = """
import importlib.abc, json, sys

class NoCryptography(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("cryptography", "Crypto"):
            raise ImportError(f"{name} is not installed here")
        return None

sys.meta_path.insert(0, NoCryptography())
try:
    import cryptography  # noqa: F401
except ImportError:
    blocked = True
else:
    blocked = False

from azrel_desktop.core.service import Library
from azrel_desktop.core.sources import pdf

reader, db, *paths = sys.argv[1:]
pdf.READER = reader
library = Library.open(db)
report, _changes = library.import_sources(paths)
results = []
for outcome in report.outcomes:
    text = library.source(outcome.source_id).text if outcome.status == "imported" else None
    results.append({"status": outcome.status, "message": outcome.message, "text": text})
library.close()
from pypdf._crypt_providers import crypt_provider
print(json.dumps({"blocked": blocked, "provider": crypt_provider[0], "results": results}))
"""


def _import_without_cryptography(reader: str, db_path, paths) -> dict:
    done = subprocess.run([sys.executable, "-c", _IMPORT_WITHOUT_CRYPTOGRAPHY, reader, str(db_path), *map(str, paths)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["blocked"], "the child process could still import cryptography"
    assert got["provider"] == "local_crypt_fallback", got["provider"]  # pypdf found no AES provider
    return got


def test_pdfium_reads_owner_restricted_aes_pdfs_and_refuses_user_passwords_without_cryptography(
        db_path, sample_files):
    files = [sample_files.encrypted_pdf(f"{kind}-{algorithm}.pdf", password=password, algorithm=algorithm,
                                        text=f"Confidential report on the talks ({algorithm}).")
             for algorithm in ("AES-128", "AES-256") for kind, password in (("restricted", ""), ("locked", "secret"))]
    got = _import_without_cryptography("pdfium", db_path, files)
    assert len(got["results"]) == 4
    for path, outcome in zip(files, got["results"], strict=True):
        if path.name.startswith("restricted"):
            assert outcome["status"] == "imported", outcome["message"]
            assert outcome["text"].strip() == f"Confidential report on the talks ({path.stem.split('-', 1)[1]})."
        else:
            assert outcome["status"] == "failed"
            assert outcome["message"] == (f"{path.name}: it is encrypted with a password; "
                                          "save an unprotected copy first."), outcome["message"]


def test_pypdf_without_cryptography_refuses_aes_pdfs_in_one_line_saying_what_to_install(db_path, sample_files):
    """(RC4, which pypdf decrypts by itself, still opens.)"""
    files = [sample_files.encrypted_pdf(f"restricted-{algorithm}.pdf", password="", algorithm=algorithm)
             for algorithm in ("AES-128", "AES-256", "RC4-128")]
    got = _import_without_cryptography("pypdf", db_path, files)
    aes_128, aes_256, rc4 = got["results"]
    for path, outcome in zip(files[:2], (aes_128, aes_256), strict=True):
        assert outcome["status"] == "failed"
        assert outcome["message"] == f"{path.name}: {AES_NEEDS_CRYPTOGRAPHY}.", outcome["message"]
        assert "\n" not in outcome["message"]
    assert rc4["status"] == "imported", rc4["message"]
    assert rc4["text"].strip() == "Confidential report on the talks."
